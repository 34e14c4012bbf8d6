import { customerFrom, isBsuid, safeParse, toE164, type Customer, type CustomerParts } from '@wamux/core';
import * as v from 'valibot';
import { LenientString, maybe } from '../operations/shared/wire';

// Who a WhatsApp payload is about, as get.chat forwards the Cloud API's
// fields (Meta's "Business-scoped user IDs" page): a user who adopted a
// username may come without a phone number (`from`, `wa_id`,
// `recipient_id` missing or empty), named by a business-scoped user ID
// (`from_user_id`, `user_id`, `recipient_user_id`) and maybe a parent BSUID,
// with the username in `contacts[].profile.username`.

/** A text field: missing, `null` or blank read as absent (an older revision of the page sent `"wa_id": ""`). */
const given = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

const ContactWire = v.object({
  wa_id: maybe(LenientString),
  user_id: maybe(LenientString),
  parent_user_id: maybe(LenientString),
  profile: maybe(v.object({ name: maybe(LenientString), username: maybe(LenientString) })),
});

/** One item of a value's `contacts`, as read. */
export interface WabaContact {
  waId?: string | undefined;
  userId?: string | undefined;
  parentUserId?: string | undefined;
  name?: string | undefined;
  username?: string | undefined;
}

/** What a message or status says identifies its customer. */
export interface WabaIds {
  waId?: string | undefined;
  userId?: string | undefined;
  parentUserId?: string | undefined;
}

/** The `contacts` of a Cloud API value (or an on-premise body), to find the one a message or status is about. */
export interface WabaContacts {
  /**
   * The contact naming the same customer as `ids` (same phone number, BSUID
   * or parent BSUID); else the value's only contact when it names no other
   * customer (WhatsApp sends one contact per message or status, and its
   * examples do not always repeat the identifiers in both places).
   */
  find(ids: WabaIds): WabaContact | undefined;
}

const NO_CONTACTS: WabaContacts = { find: () => undefined };

/** A contact with its number already in E.164, so a lookup normalizes once per delivery. */
type IndexedContact = WabaContact & { phone: string | undefined };

/** Reads a value's `contacts` (an array, or one object); unreadable items are skipped. */
export function wabaContacts(items: readonly unknown[]): WabaContacts {
  if (items.length === 0) return NO_CONTACTS;
  // Indexed by identifier: this runs for every message and status of a batch.
  const byPhone = new Map<string, IndexedContact>();
  const byUserId = new Map<string, IndexedContact>();
  const byParent = new Map<string, IndexedContact>();
  let only: IndexedContact | undefined;
  let count = 0;
  for (const item of items) {
    const parsed = safeParse(ContactWire, item);
    if (!parsed.success) continue;
    const wire = parsed.output;
    const waId = given(wire.wa_id);
    const contact: IndexedContact = {
      waId,
      userId: given(wire.user_id),
      parentUserId: given(wire.parent_user_id),
      name: given(wire.profile?.name),
      username: given(wire.profile?.username),
      phone: waId === undefined ? undefined : toE164(waId),
    };
    if (contact.phone !== undefined && !byPhone.has(contact.phone)) byPhone.set(contact.phone, contact);
    if (isBsuid(contact.userId) && !byUserId.has(contact.userId)) byUserId.set(contact.userId, contact);
    if (isBsuid(contact.parentUserId) && !byParent.has(contact.parentUserId)) byParent.set(contact.parentUserId, contact);
    only = contact;
    count += 1;
  }
  if (count === 0) return NO_CONTACTS;
  const single = count === 1 ? only : undefined;
  return {
    find(ids) {
      const phone = ids.waId === undefined ? undefined : toE164(ids.waId);
      const match =
        (phone === undefined ? undefined : byPhone.get(phone)) ??
        (ids.userId === undefined ? undefined : byUserId.get(ids.userId)) ??
        (ids.parentUserId === undefined ? undefined : byParent.get(ids.parentUserId));
      if (match !== undefined) return match;
      return single !== undefined && !conflicts(single, phone, ids) ? single : undefined;
    },
  };
}

/** True when the contact names a different customer: another valid phone number or BSUID. */
function conflicts(contact: IndexedContact, phone: string | undefined, ids: WabaIds): boolean {
  if (phone !== undefined && contact.phone !== undefined && contact.phone !== phone) return true;
  if (isBsuid(ids.userId) && isBsuid(contact.userId) && contact.userId !== ids.userId) return true;
  return isBsuid(ids.parentUserId) && isBsuid(contact.parentUserId) && contact.parentUserId !== ids.parentUserId;
}

/** The sender fields of a message payload, as the caller parsed them. */
export interface SenderFields {
  from?: string | undefined;
  from_user_id?: string | undefined;
  from_parent_user_id?: string | undefined;
  /** `contact_request` on a contacts message answering a request-contact-info button. */
  origin?: string | undefined;
}

const SystemWire = v.object({
  type: maybe(v.string()),
  wa_id: maybe(LenientString),
  new_wa_id: maybe(LenientString),
  user_id: maybe(LenientString),
  parent_user_id: maybe(LenientString),
  previous_user_id: maybe(LenientString),
  previous_parent_user_id: maybe(LenientString),
});

/** System messages that report a customer's new number or BSUID (the Cloud API's, and the older on-premise name). */
const IDENTITY_CHANGES: ReadonlySet<string> = new Set(['user_changed_user_id', 'user_changed_number', 'customer_changed_number']);

const SharedCardWire = v.object({ phones: maybe(v.array(v.object({ phone: maybe(LenientString), wa_id: maybe(LenientString) }))) });

/** What the caller knows about the sender besides the payload. */
export interface SenderContext {
  /** The value's contacts. */
  contacts?: WabaContacts | undefined;
  /** get.chat's `customer_wa_id` (a message object's), used when the payload names no sender. */
  customerWaId?: string | undefined;
  /** get.chat's contact name for the message, preferred to the value's contacts. */
  profileName?: string | undefined;
}

/**
 * The customer who sent a WhatsApp message payload, or `undefined` when the
 * payload and its context name none:
 *
 * - `from` (the phone number, when WhatsApp may share it), `from_user_id`
 *   (the BSUID), `from_parent_user_id`, and the matching `contacts[]` item
 *   (`wa_id`, `user_id`, `parent_user_id`, `profile.name`,
 *   `profile.username`);
 * - a `contacts` message with `origin: "contact_request"` (the customer
 *   tapped a request-contact-info button): its card's number is the
 *   customer's own;
 * - a `system` message of type `user_changed_user_id` or
 *   `user_changed_number`: the customer is named by the new identifiers
 *   (`system.user_id`, `system.wa_id`...), `previous` by the old ones
 *   (`from`, `system.previous_user_id`...).
 */
export function senderOf(payload: Record<string, unknown>, sender: SenderFields, context: SenderContext = {}): Customer | undefined {
  const ids: WabaIds = { waId: given(sender.from), userId: given(sender.from_user_id), parentUserId: given(sender.from_parent_user_id) };
  const contact = context.contacts?.find(ids);
  const parts: CustomerParts = {
    phone: ids.waId ?? contact?.waId ?? sharedNumber(payload, sender.origin) ?? given(context.customerWaId),
    bsuid: ids.userId ?? contact?.userId,
    parentBsuid: ids.parentUserId ?? contact?.parentUserId,
    username: contact?.username,
    name: given(context.profileName) ?? contact?.name,
  };
  return identityChange(payload, parts) ?? customerFrom(parts);
}

/** The customer's own number in a contact-request reply (`origin: "contact_request"`), when it has one. */
function sharedNumber(payload: Record<string, unknown>, origin: string | undefined): string | undefined {
  if (origin !== 'contact_request') return undefined;
  const cards = safeParse(v.array(SharedCardWire), payload.contacts);
  const phone = cards.success ? cards.output[0]?.phones?.[0] : undefined;
  return given(phone?.wa_id) ?? given(phone?.phone);
}

/** A system message reporting new identifiers: the customer as it is now, with `previous` as it was. */
function identityChange(payload: Record<string, unknown>, current: CustomerParts): Customer | undefined {
  if (payload.type !== 'system') return undefined;
  const parsed = safeParse(SystemWire, payload.system);
  if (!parsed.success || parsed.output.type === undefined || !IDENTITY_CHANGES.has(parsed.output.type)) return undefined;
  const system = parsed.output;
  const changed: CustomerParts = {
    phone: given(system.wa_id) ?? given(system.new_wa_id),
    bsuid: given(system.user_id),
    parentBsuid: given(system.parent_user_id),
  };
  // Without a new identifier the message says nothing the sender's own fields do not.
  const next = customerFrom(changed);
  if (next === undefined) return undefined;
  return customerFrom({
    ...changed,
    username: current.username,
    name: current.name,
    previous: {
      phone: current.phone,
      bsuid: given(system.previous_user_id) ?? current.bsuid,
      parentBsuid: given(system.previous_parent_user_id) ?? current.parentBsuid,
    },
  });
}

/** The recipient fields of a status item, as the caller parsed them. */
export interface RecipientFields {
  recipient_id?: string | undefined;
  recipient_user_id?: string | undefined;
  recipient_parent_user_id?: string | undefined;
  parent_recipient_user_id?: string | undefined;
  parent_user_id?: string | undefined;
}

/**
 * The recipient of a status item as a customer, when WhatsApp names it by
 * more than a phone number: `recipient_user_id` (BSUID or parent BSUID), a
 * parent BSUID field (`recipient_parent_user_id`, or the
 * `parent_recipient_user_id` / `parent_user_id` of the page's examples), or a
 * matching `contacts[]` item with a BSUID, username or name. `undefined`
 * for a status named by its phone number alone (the model then keeps only
 * `recipient`, as before BSUIDs).
 */
export function recipientOf(item: RecipientFields, contacts: WabaContacts | undefined): Customer | undefined {
  const ids: WabaIds = {
    waId: given(item.recipient_id),
    userId: given(item.recipient_user_id),
    parentUserId: given(item.recipient_parent_user_id) ?? given(item.parent_recipient_user_id) ?? given(item.parent_user_id),
  };
  const contact = contacts?.find(ids);
  if (ids.userId === undefined && ids.parentUserId === undefined && contact === undefined) return undefined;
  const customer = customerFrom({
    phone: ids.waId ?? contact?.waId,
    bsuid: ids.userId ?? contact?.userId,
    parentBsuid: ids.parentUserId ?? contact?.parentUserId,
    username: contact?.username,
    name: contact?.name,
  });
  if (customer === undefined) return undefined;
  const saysMore = customer.bsuid !== undefined || customer.parentBsuid !== undefined || customer.username !== undefined || customer.name !== undefined;
  return saysMore ? customer : undefined;
}

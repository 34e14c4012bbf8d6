import { customerFrom, isBsuid, toE164, type Customer, type CustomerParts } from '@wamux/core/adapter';
import * as v from 'valibot';
import { SystemContentSchema } from '../wire/message';
import { ContactSchema } from '../wire/webhook';

// Who a payload is about (Meta's "Business-scoped user IDs" page): a user
// who adopted a username may come without a phone number (`from`, `wa_id`,
// `recipient_id` missing or empty), named by a business-scoped user ID
// (`from_user_id`, `user_id`, `recipient_user_id`) and maybe a parent BSUID,
// with the username in `contacts[].profile.username`.

/** A text field: missing, `null` or blank read as absent. */
const given = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

/** One item of a value's `contacts`, as read. */
export interface ValueContact {
  waId: string | undefined;
  userId: string | undefined;
  parentUserId: string | undefined;
  name: string | undefined;
  username: string | undefined;
  phone: string | undefined;
}

/** What a message or status says identifies its customer. */
export interface CustomerIds {
  waId?: string | undefined;
  userId?: string | undefined;
  parentUserId?: string | undefined;
}

/** The `contacts` of a value, to find the one a message or status is about. */
export interface ValueContacts {
  /**
   * The contact naming the same customer as `ids`; else the value's only
   * contact when it names no other customer (Meta sends one contact per
   * message, and its examples do not always repeat the identifiers).
   */
  find(ids: CustomerIds): ValueContact | undefined;
}

const NO_CONTACTS: ValueContacts = { find: () => undefined };

/** Reads a value's `contacts` (an array, or one object); unreadable items are skipped. */
export function valueContacts(items: readonly unknown[]): ValueContacts {
  const byPhone = new Map<string, ValueContact>();
  const byUserId = new Map<string, ValueContact>();
  const byParent = new Map<string, ValueContact>();
  let only: ValueContact | undefined;
  let count = 0;
  for (const item of items) {
    const parsed = v.safeParse(ContactSchema, item);
    if (!parsed.success) continue;
    const wire = parsed.output;
    const waId = given(wire.wa_id);
    const contact: ValueContact = {
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
function conflicts(contact: ValueContact, phone: string | undefined, ids: CustomerIds): boolean {
  if (phone !== undefined && contact.phone !== undefined && contact.phone !== phone) return true;
  if (isBsuid(ids.userId) && isBsuid(contact.userId) && contact.userId !== ids.userId) return true;
  return isBsuid(ids.parentUserId) && isBsuid(contact.parentUserId) && contact.parentUserId !== ids.parentUserId;
}

/** The sender fields of a message payload. */
export interface SenderFields {
  from?: string | undefined;
  from_user_id?: string | undefined;
  from_parent_user_id?: string | undefined;
  origin?: string | undefined;
}

/** System messages that report a customer's new number or BSUID. */
const IDENTITY_CHANGES: ReadonlySet<string> = new Set(['user_changed_user_id', 'user_changed_number', 'customer_changed_number']);

const SharedCardSchema = v.object({ phones: v.optional(v.array(v.object({ phone: v.optional(v.unknown()), wa_id: v.optional(v.unknown()) }))) });

/**
 * What a vendor knows of the sender beside the payload (get.chat: its
 * chat's customer and contact name), used where the payload and its
 * `contacts` say nothing: `phone` last (after a contact-request card's
 * number), `name` when no contact names the sender.
 */
export interface SenderFallback {
  phone?: string | undefined;
  name?: string | undefined;
}

/**
 * The customer who sent a message payload, or `undefined` when it names
 * none: `from` / `from_user_id` / `from_parent_user_id` and the matching
 * `contacts[]` item; the card's number of a contact-request reply; the
 * vendor's `fallback`; the new identifiers of a `system` identity change
 * (with `previous` the old ones).
 */
export function senderOf(payload: Record<string, unknown>, sender: SenderFields, contacts: ValueContacts, fallback: SenderFallback = {}): Customer | undefined {
  const ids: CustomerIds = { waId: given(sender.from), userId: given(sender.from_user_id), parentUserId: given(sender.from_parent_user_id) };
  const contact = contacts.find(ids);
  const parts: CustomerParts = {
    phone: ids.waId ?? contact?.waId ?? sharedNumber(payload, sender.origin) ?? given(fallback.phone),
    bsuid: ids.userId ?? contact?.userId,
    parentBsuid: ids.parentUserId ?? contact?.parentUserId,
    username: contact?.username,
    name: contact?.name ?? given(fallback.name),
  };
  return identityChange(payload, parts) ?? customerFrom(parts);
}

/** A card's number field: text or a number; blank text counts as missing. */
const cardNumber = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : (value ?? undefined));

/** The customer's own number in a contact-request reply (`origin: "contact_request"`): the card's `wa_id`, else its `phone`. */
function sharedNumber(payload: Record<string, unknown>, origin: string | undefined): unknown {
  if (origin !== 'contact_request') return undefined;
  const cards = v.safeParse(v.array(SharedCardSchema), payload.contacts);
  const phone = cards.success ? cards.output[0]?.phones?.[0] : undefined;
  return cardNumber(phone?.wa_id) ?? cardNumber(phone?.phone);
}

/** A system message reporting new identifiers: the customer as it is now, with `previous` as it was. */
function identityChange(payload: Record<string, unknown>, current: CustomerParts): Customer | undefined {
  if (payload.type !== 'system') return undefined;
  const parsed = v.safeParse(SystemContentSchema, payload.system);
  if (!parsed.success || parsed.output.type === undefined || !IDENTITY_CHANGES.has(parsed.output.type)) return undefined;
  const system = parsed.output;
  const changed: CustomerParts = {
    phone: given(system.wa_id) ?? given(system.new_wa_id),
    bsuid: given(system.user_id),
    parentBsuid: given(system.parent_user_id),
  };
  if (customerFrom(changed) === undefined) return undefined;
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

/** The recipient fields of a status item. */
export interface RecipientFields {
  recipient_id?: string | undefined;
  recipient_user_id?: string | undefined;
  recipient_parent_user_id?: string | undefined;
  parent_recipient_user_id?: string | undefined;
  parent_user_id?: string | undefined;
}

/**
 * The recipient of a status as a customer, when WhatsApp names it by more
 * than a phone number (a BSUID, a parent BSUID, or a matching contact with a
 * username or name); `undefined` for a status named by its number alone.
 */
export function recipientOf(item: RecipientFields, contacts: ValueContacts): Customer | undefined {
  const ids: CustomerIds = {
    waId: given(item.recipient_id),
    userId: given(item.recipient_user_id),
    parentUserId: given(item.recipient_parent_user_id) ?? given(item.parent_recipient_user_id) ?? given(item.parent_user_id),
  };
  const contact = contacts.find(ids);
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

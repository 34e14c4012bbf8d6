import * as v from 'valibot';
import { E164_PATTERN, PhoneNumberSchema, toE164, type PhoneNumber } from './phone';

// WhatsApp usernames (2026): a user who adopts one may message a business
// without revealing a phone number. WhatsApp then names the user by a
// business-scoped user ID (BSUID): an ISO 3166 alpha-2 country code, a dot,
// and up to 128 letters or digits (`US.13491208655302741918`). A business
// whose portfolios are linked also gets a parent BSUID shared across them,
// `ENT` between the country code and the rest (`US.ENT.11815799212886844830`).

/** A BSUID or parent BSUID: two uppercase letters, a dot, an optional `ENT.`, then 1 to 128 letters or digits. */
export const BSUID_PATTERN = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/** Schema for a WhatsApp business-scoped user ID (or a parent one), exactly as WhatsApp gave it. */
export const BsuidSchema = v.pipe(
  v.string('must be a string'),
  v.regex(BSUID_PATTERN, 'must be a business-scoped user ID: two uppercase letters, a dot and up to 128 letters or digits (e.g. US.13491208655302741918)'),
);

/** A WhatsApp business-scoped user ID (`US.13491208655302741918`) or parent BSUID (`US.ENT.11815799212886844830`). */
export type Bsuid = v.InferOutput<typeof BsuidSchema>;

/** True when `value` is a BSUID or a parent BSUID. */
export function isBsuid(value: unknown): value is Bsuid {
  return typeof value === 'string' && BSUID_PATTERN.test(value);
}

/** True when `value` is a parent BSUID (the form with `ENT` after the country code). */
export function isParentBsuid(value: unknown): value is Bsuid {
  return isBsuid(value) && value.startsWith('ENT.', 3);
}

/**
 * Where a message to a customer can go: an E.164 phone number, or the
 * customer's BSUID (or parent BSUID) when the number is not known.
 */
export const CustomerAddressSchema = v.pipe(
  v.string('must be a string'),
  v.check(
    (value) => E164_PATTERN.test(value) || BSUID_PATTERN.test(value),
    'must be an E.164 phone number with a leading + (e.g. +905551112233) or a WhatsApp business-scoped user ID (e.g. US.13491208655302741918)',
  ),
);

/** An E.164 phone number or a BSUID: what `send({ to })` takes and `InboundMessage.from` is. */
export type CustomerAddress = PhoneNumber | Bsuid;

const Username = v.pipe(v.string(), v.nonEmpty('must not be empty'));

/** At least one of the three identifiers. */
function hasIdentifier(ids: { phone?: string | undefined; bsuid?: string | undefined; parentBsuid?: string | undefined }): boolean {
  return ids.phone !== undefined || ids.bsuid !== undefined || ids.parentBsuid !== undefined;
}

const IDENTIFIER_MESSAGE = 'needs at least one identifier: phone, bsuid or parentBsuid';

/** The identifiers of a customer: its phone number, BSUID and parent BSUID, at least one. */
export const CustomerIdentifiersSchema = v.pipe(
  v.object({
    /** E.164 with `+`, when the vendor gave it. */
    phone: v.optional(PhoneNumberSchema),
    /** The BSUID, scoped to the business portfolio. */
    bsuid: v.optional(BsuidSchema),
    /** The parent BSUID, shared by linked portfolios, when the business has them. */
    parentBsuid: v.optional(BsuidSchema),
  }),
  v.check((ids) => hasIdentifier(ids), IDENTIFIER_MESSAGE),
);

/** A customer's phone number, BSUID and parent BSUID, at least one. */
export type CustomerIdentifiers = v.InferOutput<typeof CustomerIdentifiersSchema>;

/**
 * Who a customer is, as far as the vendor said: at least one identifier
 * (phone, BSUID, parent BSUID), plus the username and profile name when
 * given. `previous` is set only on a message reporting that the customer's
 * number or BSUID changed: the identifiers before the change.
 */
export const CustomerSchema = v.pipe(
  v.object({
    phone: v.optional(PhoneNumberSchema),
    bsuid: v.optional(BsuidSchema),
    parentBsuid: v.optional(BsuidSchema),
    /** The WhatsApp username, as the vendor sent it (display only: users change it). */
    username: v.optional(Username),
    /** The WhatsApp profile name. */
    name: v.optional(v.string()),
    /** The identifiers before a change of number or BSUID. */
    previous: v.optional(CustomerIdentifiersSchema),
  }),
  v.check((ids) => hasIdentifier(ids), IDENTIFIER_MESSAGE),
);

/** A customer: phone and/or BSUID and/or parent BSUID, username, profile name. */
export type Customer = v.InferOutput<typeof CustomerSchema>;

/**
 * Where to reply to a customer: the phone number when known (WhatsApp
 * recommends it, so later webhooks keep carrying the number), else the
 * BSUID, else the parent BSUID. `InboundMessage.from` is always this.
 */
export function customerAddress(customer: Customer | CustomerIdentifiers): CustomerAddress {
  return (customer.phone ?? customer.bsuid ?? customer.parentBsuid) as CustomerAddress;
}

/**
 * The stable key of a customer, for stores that remember customers
 * (de-duplication, status order, conversation stickiness, the service
 * window, bulk journals): the BSUID, else the parent BSUID, else the phone
 * number. The BSUID comes first because it stays when WhatsApp stops sending
 * the number of a user who adopted a username; a customer known only by a
 * phone number (vendors that send no BSUID) keeps the phone number as key,
 * as before. Given an address (`message.to`), the address is the key.
 *
 * The formats cannot collide (a phone number starts with `+`, a BSUID with
 * two letters), so the key needs no prefix. A BSUID is scoped to one
 * business portfolio: a store shared by providers of several portfolios
 * should prefix the key with the provider.
 */
export function customerKey(customer: Customer | CustomerIdentifiers | CustomerAddress): string {
  if (typeof customer === 'string') return customer;
  return (customer.bsuid ?? customer.parentBsuid ?? customer.phone) as string;
}

/** What a vendor said about a customer, as it said it; see {@link customerFrom}. */
export interface CustomerParts {
  /** A phone number in any vendor form (`905551112233`, `+90 555...`, a number), or a BSUID put where the number goes. */
  phone?: unknown;
  bsuid?: unknown;
  parentBsuid?: unknown;
  username?: unknown;
  name?: unknown;
  previous?: { phone?: unknown; bsuid?: unknown; parentBsuid?: unknown } | undefined;
}

/**
 * Builds the model's {@link Customer} from what a vendor said, liberally:
 * the phone number goes through `toE164`; a BSUID where the phone number
 * goes counts as the BSUID; a BSUID in the parent form (`XX.ENT....`) counts
 * as the parent BSUID; empty strings and values that are none of these are
 * left out. Returns `undefined` when no identifier remains, so the caller
 * can refuse the item naming what is missing.
 */
export function customerFrom(parts: CustomerParts): Customer | undefined {
  const ids = identifiersFrom(parts);
  if (ids === undefined) return undefined;
  const customer: Customer = ids;
  if (typeof parts.username === 'string' && parts.username !== '') customer.username = parts.username;
  if (typeof parts.name === 'string' && parts.name !== '') customer.name = parts.name;
  const previous = parts.previous === undefined ? undefined : identifiersFrom(parts.previous);
  if (previous !== undefined && !sameIdentifiers(previous, ids)) customer.previous = previous;
  return customer;
}

function identifiersFrom(parts: { phone?: unknown; bsuid?: unknown; parentBsuid?: unknown }): CustomerIdentifiers | undefined {
  const ids: CustomerIdentifiers = {};
  // Explicit BSUID fields first; a BSUID found where the number goes fills a gap only.
  if (isParentBsuid(parts.bsuid)) ids.parentBsuid = parts.bsuid;
  else if (isBsuid(parts.bsuid)) ids.bsuid = parts.bsuid;
  if (isBsuid(parts.parentBsuid)) ids.parentBsuid = parts.parentBsuid;
  const phone = parts.phone;
  if (phone !== undefined && phone !== null && phone !== '') {
    const e164 = toE164(phone);
    const trimmed = typeof phone === 'string' ? phone.trim() : phone;
    if (e164 !== undefined) ids.phone = e164;
    else if (isParentBsuid(trimmed)) ids.parentBsuid ??= trimmed;
    else if (isBsuid(trimmed)) ids.bsuid ??= trimmed;
  }
  return ids.phone === undefined && ids.bsuid === undefined && ids.parentBsuid === undefined ? undefined : ids;
}

function sameIdentifiers(a: CustomerIdentifiers, b: CustomerIdentifiers): boolean {
  return a.phone === b.phone && a.bsuid === b.bsuid && a.parentBsuid === b.parentBsuid;
}

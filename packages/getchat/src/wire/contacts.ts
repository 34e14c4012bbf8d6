import * as v from 'valibot';
import { PersonWire, type GetchatPerson } from './persons';
import { LenientInt, LenientString, lenientArray, maybe, OpaqueObject, withRaw } from './lenient';

/** A phone number of a contact-provider contact. */
export interface GetchatContactPhoneNumber {
  phoneNumber: string;
  description?: string | undefined;
}

/**
 * A contact from one of the inbox's Contact Providers (get.chat keeps no
 * contacts of its own). The fields depend on the provider, so `raw` keeps
 * the object as received.
 */
export interface GetchatContact {
  name?: string | undefined;
  initials?: string | undefined;
  avatar?: string | undefined;
  phoneNumbers: GetchatContactPhoneNumber[];
  /** The provider's type (`google`, `hubspot`...), when given. */
  contactProvider?: string | undefined;
  raw: Record<string, unknown>;
}

/** `contacts.resolve`: the person and what each Contact Provider knows about them. */
export interface GetchatResolvedContact {
  person?: GetchatPerson | undefined;
  contactProviderResults: GetchatContact[];
}

/** One number of `contacts.verify`. */
export interface GetchatContactVerification {
  /** The number as sent. */
  input: string;
  /** `valid`, `invalid` or `processing`; get.chat notes the latest API always says `valid`. */
  status: string;
  waId?: string | undefined;
}

/** A number on the inbox's block list. */
export interface GetchatBlockedContact {
  waId: string;
  raw: Record<string, unknown>;
}

const PhoneNumberWire = v.union([
  v.pipe(
    v.object({ phone_number: LenientString, description: maybe(v.string()) }),
    v.transform((phone): GetchatContactPhoneNumber => ({ phoneNumber: phone.phone_number, description: phone.description })),
  ),
  v.pipe(
    LenientString,
    v.transform((phoneNumber): GetchatContactPhoneNumber => ({ phoneNumber })),
  ),
]);

/** A contact-provider contact. */
export const ContactWire = v.pipe(
  withRaw(
    v.object({
      name: maybe(v.string()),
      initials: maybe(v.string()),
      avatar: maybe(v.string()),
      phone_numbers: maybe(lenientArray(PhoneNumberWire)),
      contact_provider: maybe(v.union([v.object({ type: maybe(v.string()) }), v.string()])),
    }),
  ),
  v.transform(
    ({ parsed: contact, raw }): GetchatContact => ({
      name: contact.name,
      initials: contact.initials,
      avatar: contact.avatar,
      phoneNumbers: contact.phone_numbers ?? [],
      contactProvider: typeof contact.contact_provider === 'string' ? contact.contact_provider : contact.contact_provider?.type,
      raw,
    }),
  ),
);

/** The response of `resolveContact`. */
export const ResolvedContactWire = v.pipe(
  v.object({ person: maybe(PersonWire), contact_provider_results: maybe(lenientArray(ContactWire)) }),
  v.transform((resolved): GetchatResolvedContact => ({ person: resolved.person, contactProviderResults: resolved.contact_provider_results ?? [] })),
);

/** The response of `verifyContacts`. */
export const VerifyContactsWire = v.pipe(
  v.object({
    contacts: maybe(
      lenientArray(
        v.pipe(
          v.object({ input: LenientString, status: v.string(), wa_id: maybe(LenientString) }),
          v.transform((contact): GetchatContactVerification => ({ input: contact.input, status: contact.status, waId: contact.wa_id })),
        ),
      ),
    ),
  }),
  v.transform((response) => response.contacts ?? []),
);

/** One blocked number: an object with `wa_id` (or `phone_number` / `input`), or a bare number. */
const BlockedContactWire = v.union([
  v.pipe(
    withRaw(v.object({ wa_id: maybe(LenientString), phone_number: maybe(LenientString), input: maybe(LenientString) })),
    v.check(({ parsed }) => (parsed.wa_id ?? parsed.phone_number ?? parsed.input) !== undefined, 'has no wa_id'),
    v.transform(({ parsed, raw }): GetchatBlockedContact => ({ waId: (parsed.wa_id ?? parsed.phone_number ?? parsed.input ?? '').replace(/^\+/, ''), raw })),
  ),
  v.pipe(
    LenientString,
    v.transform((waId): GetchatBlockedContact => ({ waId: waId.replace(/^\+/, ''), raw: { wa_id: waId } })),
  ),
]);

/**
 * The response of `listBlockedContacts`: `{contacts, pagination}` as the
 * document shows it (the pagination object's fields are not documented, so
 * `next`, `count` and `total` are all read), or the usual list envelope.
 */
export const BlockedContactsPageWire = v.union([
  v.pipe(
    v.object({
      contacts: maybe(lenientArray(BlockedContactWire)),
      pagination: maybe(v.object({ next: v.nullish(v.union([v.string(), OpaqueObject])), count: maybe(LenientInt), total: maybe(LenientInt) })),
    }),
    v.transform((page) => ({
      items: page.contacts ?? [],
      hasNext: page.pagination?.next === undefined ? undefined : page.pagination.next !== null,
      count: page.pagination?.count ?? page.pagination?.total,
    })),
  ),
  v.pipe(
    v.object({ count: maybe(LenientInt), next: v.nullish(v.string()), results: maybe(lenientArray(BlockedContactWire)) }),
    v.transform((page) => ({ items: page.results ?? [], hasNext: page.next === undefined ? undefined : page.next !== null, count: page.count })),
  ),
]);

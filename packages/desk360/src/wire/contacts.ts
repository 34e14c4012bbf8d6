import { compact, ContactCardSchema, type ContactCard, safeParse } from '@wamux/core';
import * as v from 'valibot';
import { listOf, OptionalText } from './coerce';

/** A received contact, liberal: any field may be missing or `null`. */
const InboundContactSchema = v.looseObject({
  name: v.optional(
    v.nullable(
      v.looseObject({
        formatted_name: OptionalText,
        first_name: OptionalText,
        last_name: OptionalText,
        middle_name: OptionalText,
        prefix: OptionalText,
        suffix: OptionalText,
      }),
    ),
  ),
  addresses: listOf(
    v.looseObject({ street: OptionalText, city: OptionalText, state: OptionalText, zip: OptionalText, country: OptionalText, country_code: OptionalText, type: OptionalText }),
  ),
  birthday: OptionalText,
  emails: listOf(v.looseObject({ email: OptionalText, type: OptionalText })),
  org: v.optional(v.nullable(v.looseObject({ company: OptionalText, department: OptionalText, title: OptionalText }))),
  phones: listOf(v.looseObject({ phone: OptionalText, type: OptionalText, wa_id: OptionalText })),
  urls: listOf(v.looseObject({ url: OptionalText, type: OptionalText })),
});

/** The `contacts` of a received message: one card or many. */
export const InboundContactsSchema = listOf(InboundContactSchema);

/**
 * A received Desk360 contact as a normalized card. Liberal and total: a
 * missing or empty formatted name is built from the parts (or the first
 * phone), a birthday that is not `YYYY-MM-DD` is dropped, `ims` (not in the
 * model) stays in `raw`.
 */
export function fromDesk360Contact(contact: v.InferOutput<typeof InboundContactSchema>): ContactCard {
  const name = contact.name ?? {};
  const phones = contact.phones.filter((p) => p.phone !== undefined || p.wa_id !== undefined);
  // `||`, not `??`: an empty formatted name is as absent as a missing one (the model requires a non-empty one).
  const formatted =
    name.formatted_name ||
    [name.prefix, name.first_name, name.middle_name, name.last_name, name.suffix].filter(Boolean).join(' ') ||
    phones[0]?.phone ||
    phones[0]?.wa_id ||
    'Unknown';
  const card = compact({
    name: compact({ formatted, first: name.first_name, last: name.last_name, middle: name.middle_name, prefix: name.prefix, suffix: name.suffix }),
    phones: nonEmpty(phones.map((p) => compact({ phone: p.phone ?? `+${p.wa_id ?? ''}`, type: p.type, waId: p.wa_id }))),
    emails: nonEmpty(contact.emails.flatMap((e) => (e.email === undefined ? [] : [compact({ email: e.email, type: e.type })]))),
    addresses: nonEmpty(
      contact.addresses.map((a) => compact({ street: a.street, city: a.city, state: a.state, zip: a.zip, country: a.country, countryCode: a.country_code, type: a.type })),
    ),
    org: contact.org ? compact({ company: contact.org.company, department: contact.org.department, title: contact.org.title }) : undefined,
    urls: nonEmpty(contact.urls.flatMap((u) => (u.url === undefined ? [] : [compact({ url: u.url, type: u.type })]))),
    birthday: contact.birthday,
  });
  // Keep only what the model accepts (a malformed birthday is dropped, not fatal).
  const checked = safeParse(ContactCardSchema, card);
  if (checked.success) return checked.output;
  const { birthday: _dropped, ...rest } = card;
  const withoutBirthday = safeParse(ContactCardSchema, rest);
  // Never reached with the fields built above; a parse that threw would make a webhook fail on a contact card.
  return withoutBirthday.success ? withoutBirthday.output : { name: { formatted } };
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

import { compact, safeParse } from '@wamux/core';
import type { ContactCard } from '@wamux/core';
import * as v from 'valibot';
import { lenientArray, LenientString, maybe } from '../operations/shared/wire';

// WhatsApp contact cards in both directions: the model's camelCase card and
// WhatsApp's snake_case one, which get.chat passes through unchanged.

/** A text field read liberally (numbers as their text; `null` as absent). */
const optionalText = maybe(LenientString);

/** A WhatsApp contact card as webhooks and the messages list carry it (liberal). */
export const WabaContactCardSchema = v.looseObject({
  name: v.optional(
    v.looseObject({
      formatted_name: optionalText,
      first_name: optionalText,
      last_name: optionalText,
      middle_name: optionalText,
      prefix: optionalText,
      suffix: optionalText,
    }),
  ),
  phones: maybe(lenientArray(v.looseObject({ phone: optionalText, type: optionalText, wa_id: optionalText }))),
  emails: maybe(lenientArray(v.looseObject({ email: optionalText, type: optionalText }))),
  addresses: maybe(
    lenientArray(
      v.looseObject({
        street: optionalText,
        city: optionalText,
        state: optionalText,
        zip: optionalText,
        country: optionalText,
        country_code: optionalText,
        type: optionalText,
      }),
    ),
  ),
  org: v.optional(v.looseObject({ company: optionalText, department: optionalText, title: optionalText })),
  urls: maybe(lenientArray(v.looseObject({ url: optionalText, type: optionalText }))),
  birthday: optionalText,
});

/** A WhatsApp contact card, parsed. */
export type WabaContactCard = v.InferOutput<typeof WabaContactCardSchema>;

/** A birthday as the model takes it: `YYYY-MM-DD`, a real date. */
const BirthdaySchema = v.pipe(v.string(), v.isoDate());

/** Keeps an optional list only when it has items. */
function nonEmpty<T>(items: T[] | undefined): T[] | undefined {
  return items && items.length > 0 ? items : undefined;
}

/**
 * A WhatsApp card → the model's card. WhatsApp requires `formatted_name`;
 * when a sender left it out it is rebuilt from the name parts, else the
 * first phone, so the model's non-empty `name.formatted` always holds.
 */
export function contactCardFromWaba(card: WabaContactCard): ContactCard {
  const name = card.name ?? {};
  const parts = [name.prefix, name.first_name, name.middle_name, name.last_name, name.suffix].filter((part): part is string => !!part);
  const formatted = name.formatted_name || parts.join(' ') || card.phones?.[0]?.phone || 'Unknown';
  // The model's own check (a real date, not only its shape): `2024-13-45` is dropped, not passed on.
  const birthday = card.birthday !== undefined && safeParse(BirthdaySchema, card.birthday).success ? card.birthday : undefined;
  return compact({
    name: compact({ formatted, first: name.first_name, last: name.last_name, middle: name.middle_name, prefix: name.prefix, suffix: name.suffix }),
    phones: nonEmpty(card.phones?.filter((p) => p.phone).map((p) => compact({ phone: p.phone as string, type: p.type, waId: p.wa_id }))),
    emails: nonEmpty(card.emails?.filter((e) => e.email).map((e) => compact({ email: e.email as string, type: e.type }))),
    addresses: nonEmpty(
      card.addresses?.map((a) => compact({ street: a.street, city: a.city, state: a.state, zip: a.zip, country: a.country, countryCode: a.country_code, type: a.type })),
    ),
    org: card.org ? compact({ company: card.org.company, department: card.org.department, title: card.org.title }) : undefined,
    urls: nonEmpty(card.urls?.filter((u) => u.url).map((u) => compact({ url: u.url as string, type: u.type }))),
    birthday,
  });
}


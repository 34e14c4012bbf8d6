import { compact, type ContactCard } from '@wamux/core/adapter';
import * as v from 'valibot';
import type { ContactCardWire } from '../wire/contact-card';

/** A birthday as the model takes it: `YYYY-MM-DD`, a real date. */
const BirthdaySchema = v.pipe(v.string(), v.isoDate());

function nonEmpty<T>(items: T[] | undefined): T[] | undefined {
  return items && items.length > 0 ? items : undefined;
}

/**
 * A WhatsApp card → the model's card. WhatsApp requires `formatted_name`;
 * when a sender left it out it is rebuilt from the name parts, else the
 * first phone, so the model's non-empty `name.formatted` always holds.
 */
export function contactCardFromCloud(card: ContactCardWire): ContactCard {
  const name = card.name ?? {};
  const parts = [name.prefix, name.first_name, name.middle_name, name.last_name, name.suffix].filter((part): part is string => !!part);
  const formatted = name.formatted_name || parts.join(' ') || card.phones?.[0]?.phone || 'Unknown';
  const birthday = card.birthday !== undefined && v.safeParse(BirthdaySchema, card.birthday).success ? card.birthday : undefined;
  return compact({
    name: compact({ formatted, first: name.first_name, last: name.last_name, middle: name.middle_name, prefix: name.prefix, suffix: name.suffix }),
    phones: nonEmpty(card.phones?.filter((p) => p.phone).map((p) => compact({ phone: p.phone as string, type: p.type, waId: p.wa_id }))),
    emails: nonEmpty(card.emails?.filter((e) => e.email).map((e) => compact({ email: e.email as string, type: e.type }))),
    addresses: nonEmpty(
      card.addresses?.map((a) =>
        compact({ street: a.street, city: a.city, state: a.state, zip: a.zip, country: a.country, countryCode: a.country_code, type: a.type }),
      ),
    ),
    org: card.org ? compact({ company: card.org.company, department: card.org.department, title: card.org.title }) : undefined,
    urls: nonEmpty(card.urls?.filter((u) => u.url).map((u) => compact({ url: u.url as string, type: u.type }))),
    birthday,
  });
}

import * as v from 'valibot';

const Str = v.string();
const optionalStr = v.optional(Str);

/** A contact card, as sent in a `contacts` message or received in one. */
export const ContactCardSchema = v.object({
  name: v.object({
    formatted: v.pipe(v.string(), v.nonEmpty('must not be empty')),
    first: optionalStr,
    last: optionalStr,
    middle: optionalStr,
    prefix: optionalStr,
    suffix: optionalStr,
  }),
  phones: v.optional(v.array(v.object({ phone: Str, type: optionalStr, waId: optionalStr }))),
  emails: v.optional(v.array(v.object({ email: Str, type: optionalStr }))),
  addresses: v.optional(
    v.array(
      v.object({
        street: optionalStr,
        city: optionalStr,
        state: optionalStr,
        zip: optionalStr,
        country: optionalStr,
        countryCode: optionalStr,
        type: optionalStr,
      }),
    ),
  ),
  org: v.optional(v.object({ company: optionalStr, department: optionalStr, title: optionalStr })),
  urls: v.optional(v.array(v.object({ url: Str, type: optionalStr }))),
  /** `YYYY-MM-DD`. */
  birthday: v.optional(v.pipe(v.string(), v.isoDate('must be a date as YYYY-MM-DD'))),
});

/** A full contact card: name, phones, emails, addresses, org, urls, birthday. */
export type ContactCard = v.InferOutput<typeof ContactCardSchema>;

/**
 * A contact card in WhatsApp's own snake_case shape (`formatted_name`,
 * `wa_id`, `country_code`...), which the vendors that forward WhatsApp
 * payloads send and expect as they are.
 */
export interface WhatsAppContactCard {
  name: { formatted_name: string; first_name?: string; last_name?: string; middle_name?: string; prefix?: string; suffix?: string };
  phones?: Array<{ phone: string; type?: string; wa_id?: string }>;
  emails?: Array<{ email: string; type?: string }>;
  addresses?: Array<{ street?: string; city?: string; state?: string; zip?: string; country?: string; country_code?: string; type?: string }>;
  org?: { company?: string; department?: string; title?: string };
  urls?: Array<{ url: string; type?: string }>;
  birthday?: string;
}

/** The model's key → WhatsApp's, where they differ; every other key is the same in both. */
const WHATSAPP_KEYS: Readonly<Record<string, string>> = {
  formatted: 'formatted_name',
  first: 'first_name',
  last: 'last_name',
  middle: 'middle_name',
  waId: 'wa_id',
  countryCode: 'country_code',
};

/** A copy with WhatsApp's key names at every level and no `undefined` fields. */
function withWhatsAppKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withWhatsAppKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[WHATSAPP_KEYS[key] ?? key] = withWhatsAppKeys(item);
  return out;
}

/**
 * The model's card in WhatsApp's shape, without `undefined` fields. The two
 * shapes differ only in key names, so the card is copied with the names
 * mapped (a parsed card holds only the model's keys).
 */
export function contactCardToWhatsApp(card: ContactCard): WhatsAppContactCard {
  return withWhatsAppKeys(card) as WhatsAppContactCard;
}

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

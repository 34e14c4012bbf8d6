import * as v from 'valibot';
import { listOf, OptionalText } from './coerce';

/** A received contact, liberal: any field may be missing or `null`. */
export const InboundContactSchema = v.looseObject({
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
    v.looseObject({
      street: OptionalText,
      city: OptionalText,
      state: OptionalText,
      zip: OptionalText,
      country: OptionalText,
      country_code: OptionalText,
      type: OptionalText,
    }),
  ),
  birthday: OptionalText,
  emails: listOf(v.looseObject({ email: OptionalText, type: OptionalText })),
  org: v.optional(v.nullable(v.looseObject({ company: OptionalText, department: OptionalText, title: OptionalText }))),
  phones: listOf(v.looseObject({ phone: OptionalText, type: OptionalText, wa_id: OptionalText })),
  urls: listOf(v.looseObject({ url: OptionalText, type: OptionalText })),
});

/** The `contacts` of a received message: one card or many. */
export const InboundContactsSchema = listOf(InboundContactSchema);

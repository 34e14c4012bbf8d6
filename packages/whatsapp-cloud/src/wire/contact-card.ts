import * as v from 'valibot';
import { lenientArray, LenientString, maybe } from './lenient';

const optionalText = maybe(LenientString);

/** A WhatsApp contact card as webhooks carry it (liberal: numbers as text, one object for an array). */
export const ContactCardWireSchema = v.object({
  name: maybe(
    v.object({
      formatted_name: optionalText,
      first_name: optionalText,
      last_name: optionalText,
      middle_name: optionalText,
      prefix: optionalText,
      suffix: optionalText,
    }),
  ),
  phones: maybe(lenientArray(v.object({ phone: optionalText, type: optionalText, wa_id: optionalText }))),
  emails: maybe(lenientArray(v.object({ email: optionalText, type: optionalText }))),
  addresses: maybe(
    lenientArray(
      v.object({
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
  org: maybe(v.object({ company: optionalText, department: optionalText, title: optionalText })),
  urls: maybe(lenientArray(v.object({ url: optionalText, type: optionalText }))),
  birthday: optionalText,
});

/** A WhatsApp contact card, parsed. */
export type ContactCardWire = v.InferOutput<typeof ContactCardWireSchema>;

import { maybe } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';

/**
 * The phone number's webhook configuration, as `GET` and `POST
 * /v1/configs/webhook` answer: the URL 360dialog posts to and the headers it
 * adds to every delivery. Header values that are not text are left out.
 */
export const WebhookConfigSchema = v.object({
  url: maybe(v.string()),
  headers: maybe(
    v.pipe(
      v.record(v.string(), v.unknown()),
      v.transform((headers) => Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))),
    ),
  ),
});

/** A webhook configuration, parsed. */
export type WebhookConfig = v.InferOutput<typeof WebhookConfigSchema>;

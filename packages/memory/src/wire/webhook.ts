import * as v from 'valibot';

/** The signature header of memory webhooks: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const SIGNATURE_HEADER = 'x-memory-signature';

/** A webhook delivery: events in order, each `{ kind, message | status }` (the model as JSON). */
export const WebhookBodySchema = v.object({ events: v.array(v.looseObject({ kind: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')) })) });
export type WireWebhookEvent = v.InferOutput<typeof WebhookBodySchema>['events'][number];

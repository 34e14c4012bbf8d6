import { issueMessage, WebhookPayloadError } from '@wamux/core/adapter';
import * as v from 'valibot';
import { fromWire } from '../wire/codec';
import { WireDateSchema } from '../wire/schemas';
import { MEMORY_PROVIDER } from '../options';

/** A wire object whose `timestamp` (ISO string) becomes a Date before the model's schema checks it. */
const StampedSchema = v.looseObject({ timestamp: v.optional(WireDateSchema) });

/**
 * A model object from the wire (bytes and timestamp revived), checked by the
 * model's own schema, or a `WebhookPayloadError` whose `field` is the path at
 * fault below `root` (`events.0.message.content.text`).
 */
export function readModel<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, root: string): v.InferOutput<TSchema> {
  const stamped = v.safeParse(StampedSchema, fromWire(value));
  const result = stamped.success ? v.safeParse(schema, stamped.output) : stamped;
  if (result.success) return result.output as v.InferOutput<TSchema>;
  const issue = result.issues[0];
  const field = [root, v.getDotPath(issue)].filter(Boolean).join('.');
  throw new WebhookPayloadError(`${field}: ${issueMessage(issue)}`, { provider: MEMORY_PROVIDER, status: 400, field });
}

import { StatusItemSchema } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';
import { LenientString, maybe } from './lenient';

/**
 * One item of `statuses`: WhatsApp's status item (@wamux/whatsapp-cloud's
 * reading) with get.chat's `getchat_id`, the id createMessage returned, set
 * even when the message was queued before WhatsApp gave it an id.
 */
export const WabaStatusSchema = v.object({
  ...StatusItemSchema.entries,
  getchat_id: maybe(LenientString),
});

/** A parsed WhatsApp status item, as get.chat forwards it. */
export type WabaStatus = v.InferOutput<typeof WabaStatusSchema>;

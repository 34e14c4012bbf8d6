import * as v from 'valibot';
import { lenientArray, LenientString, maybe } from './lenient';

/**
 * The body of `POST /{phone-number-id}/messages`. `to` is the customer's
 * number (digits), `recipient` a business-scoped user ID for a username
 * user; the object named after `type` holds the content.
 */
export type CloudMessageRequest = {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  type: string;
  to?: string;
  recipient?: string;
  context?: { message_id: string };
  biz_opaque_callback_data?: string;
} & Record<string, unknown>;

/** The body that marks a received message read: `POST /{phone-number-id}/messages`. */
export interface CloudMarkReadRequest {
  messaging_product: 'whatsapp';
  status: 'read';
  message_id: string;
  typing_indicator?: { type: 'text' };
}

/**
 * The answer to a message request: the contact it went to and the message
 * id (`wamid...`) its statuses will carry. `message_status` (`accepted`,
 * `held_for_quality_assessment`, `paused`) is set for marketing sends.
 */
export const SendResponseSchema = v.object({
  messaging_product: maybe(v.string()),
  contacts: maybe(lenientArray(v.object({ input: maybe(LenientString), wa_id: maybe(LenientString), user_id: maybe(LenientString) }))),
  messages: v.pipe(lenientArray(v.object({ id: LenientString, message_status: maybe(v.string()) })), v.minLength(1, 'must hold the id of the message')),
});

/** The answer to a message request, parsed. */
export type SendResponse = v.InferOutput<typeof SendResponseSchema>;

/** `{ success: true }`: the answer to a mark-read or a media delete. */
export const SuccessResponseSchema = v.object({ success: v.optional(v.union([v.boolean(), v.string()])) });

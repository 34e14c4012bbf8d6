import * as v from 'valibot';
import { WebhookErrorSchema } from './graph-error';
import { lenientArray, LenientBoolean, LenientString, LenientTimestamp, maybe } from './lenient';

/** `statuses[].conversation`: the conversation a billable message opened or joined. */
export const ConversationSchema = v.object({
  id: maybe(LenientString),
  expiration_timestamp: maybe(LenientTimestamp),
  origin: maybe(v.object({ type: maybe(v.string()) })),
});

/** `statuses[].pricing`: how the message is billed (`CBP` conversations, or `PMP` per message). */
export const PricingSchema = v.object({
  billable: maybe(LenientBoolean),
  pricing_model: maybe(v.string()),
  category: maybe(v.string()),
  type: maybe(v.string()),
});

/**
 * One item of `value.statuses`. `status` is required (nothing to report
 * without it); the recipient may be a phone number (`recipient_id`) or, for
 * a username user, a business-scoped user ID (`recipient_user_id`) and its
 * parent, under the names Meta's examples print. `conversation`, `pricing`
 * and `biz_opaque_callback_data` are billing and app data the mapping does
 * not read: a malformed one is dropped, so the status stays readable.
 */
export const StatusItemSchema = v.object({
  id: maybe(LenientString),
  status: v.string(),
  timestamp: maybe(LenientTimestamp),
  recipient_id: maybe(LenientString),
  recipient_user_id: maybe(LenientString),
  recipient_parent_user_id: maybe(LenientString),
  parent_recipient_user_id: maybe(LenientString),
  parent_user_id: maybe(LenientString),
  biz_opaque_callback_data: v.fallback(maybe(v.string()), undefined),
  conversation: v.fallback(maybe(ConversationSchema), undefined),
  pricing: v.fallback(maybe(PricingSchema), undefined),
  errors: maybe(lenientArray(WebhookErrorSchema)),
});

/** One status item, parsed. */
export type StatusItem = v.InferOutput<typeof StatusItemSchema>;

import * as v from 'valibot';
import { WebhookErrorSchema } from './graph-error';
import { lenientArray, LenientBoolean, LenientString, LenientTimestamp, maybe } from './lenient';

// One item of `value.messages`: a customer message, in every type Meta
// documents. The envelope (id, sender, time, context, referral) is read for
// every message; the content object named by `type` is read by its own
// schema, so a payload whose content is not in the documented shape becomes
// `unsupported` with the raw payload instead of failing the delivery.

/**
 * `context`: what the message replies to (`id`, or `message_id` where a
 * vendor stores the business's own sends as sent), or that it was
 * forwarded; `referred_product` for a product enquiry, which the mapping
 * does not read: a malformed one is dropped, not fatal.
 */
export const ContextSchema = v.object({
  from: maybe(LenientString),
  id: maybe(LenientString),
  message_id: maybe(LenientString),
  forwarded: maybe(LenientBoolean),
  frequently_forwarded: maybe(LenientBoolean),
  referred_product: v.fallback(maybe(v.object({ catalog_id: maybe(LenientString), product_retailer_id: maybe(LenientString) })), undefined),
});

/** `referral`: the message started from a click-to-WhatsApp ad or post. */
export const ReferralSchema = v.object({
  source_url: maybe(v.string()),
  source_id: maybe(LenientString),
  source_type: maybe(v.string()),
  headline: maybe(v.string()),
  body: maybe(v.string()),
  media_type: maybe(v.string()),
  image_url: maybe(v.string()),
  video_url: maybe(v.string()),
  thumbnail_url: maybe(v.string()),
  ctwa_clid: maybe(v.string()),
});

/**
 * The fields every message has, whatever its type. `type` and `errors`
 * only name and explain the content: one not in the documented shape is
 * dropped (the content key then names the type), so it does not lose the
 * message.
 */
export const MessageEnvelopeSchema = v.object({
  id: maybe(LenientString),
  from: maybe(LenientString),
  from_user_id: maybe(LenientString),
  from_parent_user_id: maybe(LenientString),
  /** `contact_request` on a contacts message answering a request-contact-info button. */
  origin: maybe(v.string()),
  timestamp: maybe(LenientTimestamp),
  type: v.fallback(maybe(v.string()), undefined),
  context: maybe(ContextSchema),
  referral: maybe(ReferralSchema),
  errors: v.fallback(maybe(lenientArray(WebhookErrorSchema)), undefined),
});

/** A message's envelope, parsed. */
export type MessageEnvelope = v.InferOutput<typeof MessageEnvelopeSchema>;

const Text = LenientString;
const optionalText = maybe(LenientString);
const Coordinate = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\s*-?\d+(\.\d+)?\s*$/))]),
  v.transform((value) => Number(value)),
);

/** `text` */
export const TextContentSchema = v.object({ body: Text });
/** `image`, `video`, `audio`, `document`, `sticker` (and the on-premise `voice`). */
export const MediaContentSchema = v.object({
  id: optionalText,
  link: optionalText,
  url: optionalText,
  mime_type: optionalText,
  sha256: optionalText,
  caption: optionalText,
  filename: optionalText,
  voice: maybe(LenientBoolean),
  animated: maybe(LenientBoolean),
});
/** `location` */
export const LocationContentSchema = v.object({ latitude: Coordinate, longitude: Coordinate, name: optionalText, address: optionalText, url: optionalText });
/** A reply-button or list-row answer. */
export const ReplySchema = v.object({ id: Text, title: Text, description: optionalText });
/** `interactive`: `button_reply`, `list_reply`, or `nfm_reply` (a WhatsApp Flow's answer). */
export const InteractiveContentSchema = v.object({
  type: maybe(v.string()),
  button_reply: maybe(ReplySchema),
  list_reply: maybe(ReplySchema),
  nfm_reply: maybe(v.object({ name: optionalText, body: optionalText, response_json: optionalText })),
});
/** `button`: a template's quick reply button was tapped. */
export const ButtonContentSchema = v.object({ text: Text, payload: optionalText });
/** `reaction`: an emoji on an earlier message; no emoji when it was removed. */
export const ReactionContentSchema = v.object({ message_id: Text, emoji: optionalText });
/** `order`: a cart sent from a catalog. */
export const OrderContentSchema = v.object({
  catalog_id: optionalText,
  text: optionalText,
  product_items: maybe(
    lenientArray(v.object({ product_retailer_id: optionalText, quantity: maybe(LenientString), item_price: maybe(LenientString), currency: optionalText })),
  ),
});
/** A `system` field: each is read on its own, so a malformed one loses only itself. */
const systemText = v.fallback(optionalText, undefined);

/** `system`: the customer changed number or identity (`body` says so in words). */
export const SystemContentSchema = v.object({
  body: systemText,
  type: systemText,
  wa_id: systemText,
  new_wa_id: systemText,
  identity: systemText,
  user_id: systemText,
  parent_user_id: systemText,
  previous_user_id: systemText,
  previous_parent_user_id: systemText,
});

/** WhatsApp's media message types; `voice` is the on-premise name of a voice note. */
export const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker', 'voice'] as const;

/** Every message type Meta documents for `value.messages[].type`. */
export const MESSAGE_TYPES = [
  'text',
  ...MEDIA_TYPES,
  'location',
  'contacts',
  'interactive',
  'button',
  'reaction',
  'order',
  'system',
  'request_welcome',
  'unsupported',
  'unknown',
] as const;

/**
 * Content keys that reveal the type when `type` is missing; `template` for
 * a business's send stored as sent (vendors that keep them, get.chat).
 */
const CONTENT_KEYS = ['text', ...MEDIA_TYPES, 'location', 'contacts', 'interactive', 'button', 'reaction', 'order', 'system', 'template'] as const;

/** The message type of a payload: its `type`, or the content key it carries, or `unknown`. */
export function messageTypeOf(payload: Record<string, unknown>): string {
  if (typeof payload.type === 'string' && payload.type !== '') return payload.type;
  return CONTENT_KEYS.find((key) => payload[key] !== undefined && payload[key] !== null) ?? 'unknown';
}

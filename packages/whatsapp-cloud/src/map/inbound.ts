import { compact, inboundSender, type InboundMessage, type MediaRef, type MessageContent, type PhoneNumber, type Referral } from '@wamux/core/adapter';
import * as v from 'valibot';
import { ContactCardWireSchema } from '../wire/contact-card';
import { lenientArray } from '../wire/lenient';
import {
  ButtonContentSchema,
  InteractiveContentSchema,
  LocationContentSchema,
  MediaContentSchema,
  MessageEnvelopeSchema,
  messageTypeOf,
  OrderContentSchema,
  ReactionContentSchema,
  SystemContentSchema,
  TextContentSchema,
  type MessageEnvelope,
} from '../wire/message';
import { contactCardFromCloud } from './contact-card';
import { senderOf, type SenderFallback, type ValueContacts } from './customer';

/** What the value around a message says that the message itself does not. */
export interface InboundContext {
  /** The value's `contacts`, for the sender's name, username and identifiers. */
  contacts: ValueContacts;
  /** The business number (`metadata.display_phone_number`), E.164. */
  to?: PhoneNumber | undefined;
  /** What the vendor knows of the sender beyond the payload (get.chat's chat number and contact name), for what the payload leaves out. */
  fallback?: SenderFallback | undefined;
}

/** A message in the model, or why one could not be built: `reason` and the payload's `field` at fault. */
export type InboundResult = { ok: true; message: InboundMessage } | { ok: false; reason: string; field: string };

/**
 * One item of `value.messages` → the model's InboundMessage. Its id is
 * WhatsApp's (`wamid...`), which replies, reactions and markRead take.
 */
export function inboundFromCloud(payload: Record<string, unknown>, context: InboundContext): InboundResult {
  const parsed = v.safeParse(MessageEnvelopeSchema, payload);
  if (!parsed.success) {
    const field = v.getDotPath(parsed.issues[0]) ?? '(message)';
    return { ok: false, reason: `the message is malformed at ${field}`, field };
  }
  const envelope = parsed.output;
  const id = envelope.id === undefined || envelope.id.trim() === '' ? undefined : envelope.id;
  if (id === undefined) return { ok: false, reason: 'the message has no id', field: 'id' };
  const customer = senderOf(payload, envelope, context.contacts, context.fallback);
  if (customer === undefined)
    return { ok: false, reason: 'the message names no sender: no phone number (from) and no business-scoped user ID (from_user_id)', field: 'from' };
  if (envelope.timestamp === undefined) return { ok: false, reason: 'the message has no timestamp', field: 'timestamp' };
  const message: InboundMessage = { id, ...inboundSender(customer), timestamp: envelope.timestamp, content: contentFromCloud(payload, envelope) };
  if (context.to !== undefined) message.to = context.to;
  const quoted = envelope.context;
  const forwarded = quoted?.forwarded === true || quoted?.frequently_forwarded === true ? true : undefined;
  const quotedId = quoted?.id ?? quoted?.message_id;
  if (quoted && (quotedId || quoted.from || forwarded)) message.context = compact({ messageId: quotedId, from: quoted.from, forwarded });
  if (envelope.referral) message.referral = referralOf(envelope.referral);
  return { ok: true, message };
}

/**
 * A message payload's content in the model. A type the model does not
 * have (order, system, a Flow's `nfm_reply`, `request_welcome`,
 * `unsupported`), or content not in the documented shape, becomes
 * `unsupported` with Meta's name for it; the event keeps the raw payload.
 */
export function contentFromCloud(payload: Record<string, unknown>, envelope?: MessageEnvelope): MessageContent {
  const type = messageTypeOf(payload);
  const unsupported = (originalType: string = type, text?: string): MessageContent => ({ type: 'unsupported', originalType, ...(text ? { text } : {}) });
  const read = <TSchema extends v.GenericSchema>(schema: TSchema): v.InferOutput<TSchema> | undefined => {
    const result = v.safeParse(schema, payload[type]);
    return result.success ? result.output : undefined;
  };

  switch (type) {
    case 'text': {
      const text = read(TextContentSchema);
      return text ? { type: 'text', text: text.body } : unsupported();
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
    case 'voice': {
      const media = read(MediaContentSchema);
      if (!media) return unsupported();
      const ref = mediaRef(media);
      return type === 'voice' ? { type: 'audio', media: { ...ref, voice: true } } : { type, media: ref };
    }
    case 'location': {
      const location = read(LocationContentSchema);
      return location
        ? compact({
            type: 'location' as const,
            latitude: location.latitude,
            longitude: location.longitude,
            name: location.name,
            address: location.address,
            url: location.url,
          })
        : unsupported();
    }
    case 'contacts': {
      const cards = read(lenientArray(ContactCardWireSchema));
      return cards && cards.length > 0 ? { type: 'contacts', contacts: cards.map(contactCardFromCloud) } : unsupported();
    }
    case 'interactive': {
      const interactive = read(InteractiveContentSchema);
      if (!interactive) return unsupported();
      const reply = interactive.button_reply ?? interactive.list_reply;
      if (reply) {
        const kind: 'button' | 'list' = interactive.button_reply ? 'button' : 'list';
        return { type: 'interactive_reply', reply: compact({ kind, id: reply.id, title: reply.title, description: reply.description }) };
      }
      // A WhatsApp Flow's answer: the app reads `response_json` from the event's raw payload.
      if (interactive.nfm_reply) return unsupported('nfm_reply', interactive.nfm_reply.body);
      return unsupported(interactive.type === undefined ? type : `interactive.${interactive.type}`);
    }
    case 'button': {
      const button = read(ButtonContentSchema);
      return button ? compact({ type: 'button' as const, text: button.text, payload: button.payload }) : unsupported();
    }
    case 'reaction': {
      const reaction = read(ReactionContentSchema);
      // WhatsApp omits (or empties) the emoji when a reaction is removed.
      return reaction ? { type: 'reaction', messageId: reaction.message_id, emoji: reaction.emoji ?? '' } : unsupported();
    }
    case 'order':
      return unsupported('order', read(OrderContentSchema)?.text);
    case 'system':
      return unsupported('system', read(SystemContentSchema)?.body);
    default: {
      // `unsupported` (and `unknown`) carry why in `errors` (131051: message type unknown).
      const error = envelope?.errors?.[0];
      return unsupported(type, error?.error_data?.details ?? error?.details ?? error?.title ?? error?.message);
    }
  }
}

/** A WhatsApp media object → the model's MediaRef (`link`, or the newer `url`, becomes `url`). */
function mediaRef(media: v.InferOutput<typeof MediaContentSchema>): MediaRef {
  return compact({
    id: media.id,
    url: media.url ?? media.link,
    mimeType: media.mime_type,
    sha256: media.sha256,
    caption: media.caption,
    filename: media.filename,
    voice: media.voice,
  });
}

function referralOf(referral: NonNullable<MessageEnvelope['referral']>): Referral {
  return compact({
    sourceId: referral.source_id,
    sourceType: referral.source_type,
    sourceUrl: referral.source_url,
    headline: referral.headline,
    body: referral.body,
    mediaType: referral.media_type,
    mediaUrl: referral.image_url ?? referral.video_url,
    thumbnailUrl: referral.thumbnail_url,
    clickId: referral.ctwa_clid,
  });
}

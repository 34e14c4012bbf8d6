import {
  compact,
  inboundSender,
  toE164,
  type Customer,
  type InboundMessage,
  type MediaRef,
  type MessageContent,
  type PhoneNumber,
  type Referral,
} from '@wamux/core/adapter';
import type { MessageReferral } from '../wire/common';
import type { InBoundContact } from '../wire/contact';
import type { InBoundMsg, InBoundMsgMedia } from '../wire/inbound';

/** A customer message in the normalized model, or why it cannot be one. */
export type InboundMapping = { ok: true; message: InboundMessage } | { ok: false; reason: string };

/**
 * Normalizes one `InBoundMsg`. `contact` is the notification's contact for
 * it (profile name, business number). The sender must be a phone number:
 * the vendor also relays email, Facebook or Telegram contacts, which the
 * WhatsApp model cannot hold. A message without a timestamp is stamped with
 * the time it was received.
 */
export function toInboundMessage(message: InBoundMsg, contact: InBoundContact | undefined, receivedAt: Date): InboundMapping {
  const from = toE164(message.from) ?? toE164(contact?.profile?.phone);
  if (from === undefined) return { ok: false, reason: 'the sender is not a phone number' };
  const to: PhoneNumber | undefined = toE164(contact?.lane);
  const profileName = nonEmpty(contact?.profile?.name);
  // The vendor's document names customers by phone number only (no business-scoped user ID field).
  const customer: Customer = profileName === undefined ? { phone: from } : { phone: from, name: profileName };
  const referral = message.referral ? toReferral(message.referral) : undefined;
  return {
    ok: true,
    message: compact({
      id: message.id,
      ...inboundSender(customer),
      to,
      timestamp: message.timestamp ?? receivedAt,
      content: contentOf(message),
      referral,
    }),
  };
}

/**
 * The content, chosen by `type`. A `form` reply (button or form answer)
 * arrives under a type the document does not enumerate, so any message
 * with a `form.reply_id` and no text of its own is an interactive reply.
 * Media may sit in the type's own object or in `attachments`.
 */
function contentOf(message: InBoundMsg): MessageContent {
  const type = (message.type ?? '').trim().toLowerCase();
  const text = nonEmpty(message.text?.body);
  const reply = message.form?.reply_id !== undefined && text === undefined ? message.form : undefined;
  const unsupported = (): MessageContent => compact({ type: 'unsupported' as const, originalType: message.type ?? 'unknown', text });

  switch (type) {
    case 'text':
      if (text !== undefined) return { type: 'text', text };
      break;
    case 'image':
    case 'video':
    case 'audio':
    case 'document': {
      const media = message[type] ?? attachmentOf(message, type);
      if (media) return { type, media: mediaRef(media) };
      return unsupported();
    }
    case 'voice': {
      const media = message.voice ?? message.audio ?? attachmentOf(message, 'voice') ?? attachmentOf(message, 'audio');
      if (media) return { type: 'audio', media: { ...mediaRef(media), voice: true } };
      return unsupported();
    }
    case 'location': {
      const { latitude, longitude, name, address, url } = message.location ?? {};
      if (latitude !== undefined && longitude !== undefined) return compact({ type: 'location' as const, latitude, longitude, name, address, url });
      return unsupported();
    }
    default:
      break;
  }
  if (reply?.reply_id !== undefined) {
    const description = nonEmpty(reply.reply_desc);
    // WhatsApp reply buttons have no description; list rows do.
    return {
      type: 'interactive_reply',
      reply: compact({
        kind: description === undefined ? ('button' as const) : ('list' as const),
        id: reply.reply_id,
        title: reply.reply_title ?? reply.reply_id,
        description,
      }),
    };
  }
  if (type === '' && text !== undefined) return { type: 'text', text };
  return unsupported();
}

function attachmentOf(message: InBoundMsg, type: string): InBoundMsgMedia | undefined {
  return (
    message.attachments.find((attachment) => attachment.type?.toLowerCase() === type) ?? (message.attachments.length === 1 ? message.attachments[0] : undefined)
  );
}

/** Inbound media: `linkSecure` (HTTPS) is preferred over `link`. */
function mediaRef(media: InBoundMsgMedia): MediaRef {
  return compact({
    id: media.id,
    url: nonEmpty(media.linkSecure) ?? nonEmpty(media.link),
    mimeType: media.mime_type ?? media.mimeType,
    sha256: media.sha256,
    caption: media.caption,
    filename: media.filename,
  });
}

/** The referral, when it says anything; `title` is the headline, `thumbUrl` the thumbnail. */
function toReferral(referral: MessageReferral): Referral | undefined {
  const mapped = compact({
    sourceId: referral.sourceId,
    sourceType: referral.sourceType,
    sourceUrl: referral.sourceUrl,
    headline: referral.title,
    body: referral.body,
    mediaType: referral.mediaType,
    mediaUrl: referral.mediaUrl ?? referral.imageUrl,
    thumbnailUrl: referral.thumbUrl,
  });
  return Object.keys(mapped).length > 0 ? mapped : undefined;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

import { compact, contactCardToWhatsApp } from '@wamux/core/adapter';
import type { InboundMessage, MediaRef, MessageContent } from '@wamux/core/adapter';
import { match } from 'ts-pattern';

/** A model MediaRef → WhatsApp's media object (`url` becomes `link`). */
function wabaMedia(media: MediaRef): Record<string, unknown> {
  return compact({ id: media.id, link: media.url, mime_type: media.mimeType, sha256: media.sha256, caption: media.caption, filename: media.filename });
}

/**
 * The emulator's side of the wire: a model MessageContent → the WhatsApp
 * message fields (`type` and the object named after it) get.chat delivers.
 */
export function wabaContent(content: MessageContent): Record<string, unknown> {
  return match(content)
    .with({ type: 'text' }, (c) => ({ type: 'text', text: { body: c.text } }))
    .with({ type: 'image' }, { type: 'video' }, { type: 'document' }, { type: 'sticker' }, (c) => ({ type: c.type, [c.type]: wabaMedia(c.media) }))
    .with({ type: 'audio' }, (c) => ({ type: 'audio', audio: { ...wabaMedia(c.media), ...(c.media.voice ? { voice: true } : {}) } }))
    .with({ type: 'location' }, (c) => ({
      type: 'location',
      location: compact({ latitude: c.latitude, longitude: c.longitude, name: c.name, address: c.address, url: c.url }),
    }))
    .with({ type: 'contacts' }, (c) => ({ type: 'contacts', contacts: c.contacts.map(contactCardToWhatsApp) }))
    .with({ type: 'interactive_reply' }, (c) => {
      const reply = compact({ id: c.reply.id, title: c.reply.title, description: c.reply.description });
      return c.reply.kind === 'button'
        ? { type: 'interactive', interactive: { type: 'button_reply', button_reply: reply } }
        : { type: 'interactive', interactive: { type: 'list_reply', list_reply: reply } };
    })
    .with({ type: 'button' }, (c) => ({ type: 'button', button: compact({ text: c.text, payload: c.payload }) }))
    .with({ type: 'reaction' }, (c) => ({ type: 'reaction', reaction: { message_id: c.messageId, emoji: c.emoji } }))
    .with({ type: 'unsupported' }, (c) => ({ type: c.originalType, ...(c.text ? { [c.originalType]: { body: c.text } } : {}) }))
    .exhaustive();
}

/** A model context → WhatsApp's `context`. */
export function wabaContext(context: InboundMessage['context']): Record<string, unknown> | undefined {
  if (!context) return undefined;
  return compact({ id: context.messageId, from: context.from, forwarded: context.forwarded });
}

/** A model referral → WhatsApp's `referral`. */
export function wabaReferral(referral: InboundMessage['referral']): Record<string, unknown> | undefined {
  if (!referral) return undefined;
  return compact({
    source_id: referral.sourceId,
    source_type: referral.sourceType,
    source_url: referral.sourceUrl,
    headline: referral.headline,
    body: referral.body,
    media_type: referral.mediaType,
    image_url: referral.mediaType === 'video' ? undefined : referral.mediaUrl,
    video_url: referral.mediaType === 'video' ? referral.mediaUrl : undefined,
    thumbnail_url: referral.thumbnailUrl,
    ctwa_clid: referral.clickId,
  });
}

import { compact, contactCardToWhatsApp, e164Digits, type MessageContent, type Referral } from '@wamux/core/adapter';
import type { SimulatedInbound, SimulatedStatus } from '@wamux/emulator';
import { match } from 'ts-pattern';

// Desk360's webhook bodies, built from vendor-neutral simulations in the
// shapes the document shows: one object under `messages` or `statuses`,
// `from` without `+`, timestamps as strings of seconds.

const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

/** `{ "messages": { id, from, timestamp, name, type, ... } }`. */
export function inboundPayload(message: SimulatedInbound & { id: string; timestamp: Date }): Record<string, unknown> {
  return {
    messages: compact({
      id: message.id,
      from: e164Digits(message.from),
      timestamp: seconds(message.timestamp),
      name: message.profileName,
      ...contentFields(message.content),
      referral: message.referral && referralFields(message.referral),
    }),
  };
}

function contentFields(content: MessageContent): Record<string, unknown> {
  return (
    match(content)
      .with({ type: 'text' }, (c) => ({ type: 'text', text: c.text }))
      .with({ type: 'location' }, (c) => ({
        type: 'location',
        text: `${[c.name, c.address].filter(Boolean).join(' - ')}, latitude: ${c.latitude}, longitude: ${c.longitude}`,
        location: compact({ address: c.address, latitude: c.latitude, longitude: c.longitude, name: c.name, url: c.url }),
      }))
      .with({ type: 'contacts' }, (c) => ({ type: 'contacts', contacts: c.contacts.map(contactCardToWhatsApp) }))
      .with({ type: 'image' }, { type: 'video' }, { type: 'audio' }, { type: 'document' }, { type: 'sticker' }, (c) => {
        const type = c.type === 'audio' && c.media.voice ? 'voice' : c.type;
        const attachment = c.media.url && { url: c.media.url, name: c.media.url.split('/').pop(), type: c.type, aws: true };
        return compact({
          type,
          [type]: compact({
            message: c.media.caption ?? null,
            media_id: c.media.id,
            mime_type: c.media.mimeType,
            sha: c.media.sha256,
            filename: c.media.filename,
          }),
          attachments: attachment ? { [`${c.type}s`]: [attachment] } : undefined,
        });
      })
      .with({ type: 'interactive_reply' }, (c) => {
        const key = c.reply.kind === 'button' ? 'button_reply' : 'list_reply';
        return { type: 'interactive', interactive: { type: key, [key]: compact({ id: c.reply.id, title: c.reply.title, description: c.reply.description }) } };
      })
      // Not in the document: sent in WhatsApp's own shapes, which the adapter keeps as unsupported.
      .with({ type: 'button' }, (c) => ({ type: 'button', button: compact({ text: c.text, payload: c.payload }) }))
      .with({ type: 'reaction' }, (c) => ({ type: 'reaction', reaction: { message_id: c.messageId, emoji: c.emoji } }))
      .with({ type: 'unsupported' }, (c) => compact({ type: c.originalType, text: c.text }))
      .exhaustive()
  );
}

function referralFields(referral: Referral): Record<string, unknown> {
  return compact({
    id: referral.sourceId,
    url: referral.sourceUrl,
    body: referral.body,
    type: referral.sourceType,
    header: referral.headline,
    media_url: referral.mediaUrl,
    media_type: referral.mediaType,
    thumbnail_url: referral.thumbnailUrl,
    ctwa_clid: referral.clickId,
  });
}

/**
 * `{ "statuses": { id, from, status } }`. The document shows no timestamp
 * and no errors; they are added when the simulation gives them.
 */
export function statusPayload(status: SimulatedStatus, recipient: string | undefined): Record<string, unknown> {
  return {
    statuses: compact({
      id: status.messageId,
      from: recipient === undefined ? undefined : e164Digits(recipient),
      status: status.status,
      timestamp: status.timestamp && seconds(status.timestamp),
      errors: status.errors?.map((error) => compact({ code: error.code, title: error.title, details: error.details })),
    }),
  };
}

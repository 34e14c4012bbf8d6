import { e164Digits, type ContactCard, type MessageContent, type Referral } from '@wamux/core';
import type { SimulatedInbound, SimulatedStatus } from '@wamux/testing/emulator';
import { match } from 'ts-pattern';
import { defined } from './decode';

// Desk360's webhook bodies, built from vendor-neutral simulations in the
// shapes the document shows: one object under `messages` or `statuses`,
// `from` without `+`, timestamps as strings of seconds.

const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

/** `{ "messages": { id, from, timestamp, name, type, ... } }`. */
export function inboundPayload(message: SimulatedInbound & { id: string; timestamp: Date }): Record<string, unknown> {
  return {
    messages: defined({
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
  return match(content)
    .with({ type: 'text' }, (c) => ({ type: 'text', text: c.text }))
    .with({ type: 'location' }, (c) => ({
      type: 'location',
      text: [c.name, c.address].filter(Boolean).join(' - ') + `, latitude: ${c.latitude}, longitude: ${c.longitude}`,
      location: defined({ address: c.address, latitude: c.latitude, longitude: c.longitude, name: c.name, url: c.url }),
    }))
    .with({ type: 'contacts' }, (c) => ({ type: 'contacts', contacts: c.contacts.map(contactFields) }))
    .with({ type: 'image' }, { type: 'video' }, { type: 'audio' }, { type: 'document' }, { type: 'sticker' }, (c) => {
      const type = c.type === 'audio' && c.media.voice ? 'voice' : c.type;
      const attachment = c.media.url && { url: c.media.url, name: c.media.url.split('/').pop(), type: c.type, aws: true };
      return defined({
        type,
        [type]: defined({ message: c.media.caption ?? null, media_id: c.media.id, mime_type: c.media.mimeType, sha: c.media.sha256, filename: c.media.filename }),
        attachments: attachment ? { [`${c.type}s`]: [attachment] } : undefined,
      });
    })
    .with({ type: 'interactive_reply' }, (c) => {
      const key = c.reply.kind === 'button' ? 'button_reply' : 'list_reply';
      return { type: 'interactive', interactive: { type: key, [key]: defined({ id: c.reply.id, title: c.reply.title, description: c.reply.description }) } };
    })
    // Not in the document: sent in WhatsApp's own shapes, which the adapter keeps as unsupported.
    .with({ type: 'button' }, (c) => ({ type: 'button', button: defined({ text: c.text, payload: c.payload }) }))
    .with({ type: 'reaction' }, (c) => ({ type: 'reaction', reaction: { message_id: c.messageId, emoji: c.emoji } }))
    .with({ type: 'unsupported' }, (c) => defined({ type: c.originalType, text: c.text }))
    .exhaustive();
}

function contactFields(card: ContactCard): Record<string, unknown> {
  return defined({
    addresses: card.addresses?.map((a) => defined({ city: a.city, country: a.country, country_code: a.countryCode, state: a.state, street: a.street, type: a.type, zip: a.zip })),
    birthday: card.birthday,
    emails: card.emails?.map((e) => defined({ email: e.email, type: e.type })),
    name: defined({
      first_name: card.name.first,
      formatted_name: card.name.formatted,
      last_name: card.name.last,
      middle_name: card.name.middle,
      prefix: card.name.prefix,
      suffix: card.name.suffix,
    }),
    org: card.org && defined({ company: card.org.company, department: card.org.department, title: card.org.title }),
    phones: card.phones?.map((p) => defined({ phone: p.phone, type: p.type, wa_id: p.waId })),
    urls: card.urls?.map((u) => defined({ url: u.url, type: u.type })),
  });
}

function referralFields(referral: Referral): Record<string, unknown> {
  return defined({
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
    statuses: defined({
      id: status.messageId,
      from: recipient === undefined ? undefined : e164Digits(recipient),
      status: status.status,
      timestamp: status.timestamp && seconds(status.timestamp),
      errors: status.errors?.map((error) => defined({ code: error.code, title: error.title, details: error.details })),
    }),
  };
}

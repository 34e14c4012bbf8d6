import {
  PROVIDER_FEATURES,
  type InteractiveKind,
  type MediaSource,
  type MessageContent,
  type MessageContentType,
  type OutboundMessage,
  type OutboundMessageType,
  type PhoneNumber,
  type ProviderFeature,
  type Customer,
} from '@wamux/core/adapter';
import type { TemplateSeed } from '@wamux/emulator';

/** The recipient every contract send goes to. */
export const RECIPIENT: PhoneNumber = '+905551112233';
/** The customer every simulated inbound message comes from. */
export const CUSTOMER: PhoneNumber = '+905551119988';

/**
 * A username user who hides their phone number, with the identifiers of
 * Meta's "Business-scoped user IDs" page (WhatsApp Business Platform docs):
 * the BSUID, profile name and username of its "Incoming messages webhooks"
 * example, and the parent BSUID of its "Parent business-scoped user IDs"
 * section.
 */
export const USERNAME_CUSTOMER = {
  bsuid: 'US.13491208655302741918',
  parentBsuid: 'US.ENT.11815799212886844830',
  username: 'realsheenanelson',
  name: 'Sheena Nelson',
} as const satisfies Customer;

/** The template the suite seeds and sends. */
export const TEMPLATE_SEED: TemplateSeed = {
  id: 'tpl_order_update',
  name: 'order_update',
  language: 'en',
  category: 'UTILITY',
  body: 'Hello {{1}}, your order {{2}} is on its way',
};

/** Media bytes per media type: small, but real file signatures. */
export const MEDIA: Record<'image' | 'video' | 'audio' | 'document' | 'sticker', { data: Uint8Array; mimeType: string; filename: string }> = {
  image: { data: bytes('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489'), mimeType: 'image/png', filename: 'pixel.png' },
  video: { data: bytes('000000186674797069736f6d0000020069736f6d69736f32'), mimeType: 'video/mp4', filename: 'clip.mp4' },
  audio: { data: bytes('4f67675300020000000000000000'), mimeType: 'audio/ogg', filename: 'note.ogg' },
  document: { data: bytes('255044462d312e340a25e2e3cfd30a'), mimeType: 'application/pdf', filename: 'invoice.pdf' },
  sticker: { data: bytes('52494646240000005745425056503820'), mimeType: 'image/webp', filename: 'sticker.webp' },
};

function bytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

/**
 * A sample outbound message of each type (media built from `media`). Optional
 * parts a vendor may not carry are included only when `features` has them:
 * captions (`media.captions`) and an interactive footer (`interactive.footer`).
 */
export function outboundFixture(
  type: OutboundMessageType,
  media: (type: keyof typeof MEDIA) => MediaSource,
  kind: InteractiveKind = 'buttons',
  features: readonly ProviderFeature[] = PROVIDER_FEATURES,
): OutboundMessage {
  const to = RECIPIENT;
  const caption = (text: string) => (features.includes('media.captions') ? { caption: text } : {});
  switch (type) {
    case 'text':
      return { type, to, text: 'Hello from the wamux contract suite' };
    case 'image':
    case 'video':
    case 'audio':
    case 'sticker':
      return { type, to, media: media(type), ...(type === 'image' || type === 'video' ? caption(`A ${type}`) : {}) };
    case 'document':
      return { type, to, media: media('document'), ...caption('Your invoice'), filename: 'invoice.pdf' };
    case 'location':
      return { type, to, latitude: 41.0256, longitude: 28.9741, name: 'Galata Tower', address: 'Bereketzade, 34421 Beyoglu/Istanbul' };
    case 'contacts':
      return {
        type,
        to,
        contacts: [
          {
            name: { formatted: 'Ada Lovelace', first: 'Ada', last: 'Lovelace' },
            phones: [{ phone: '+441234567890', type: 'WORK' }],
            emails: [{ email: 'ada@example.com', type: 'WORK' }],
          },
        ],
      };
    case 'interactive':
      return { type, to, interactive: interactiveFixture(kind, features.includes('interactive.footer')) };
    case 'template':
      return { type, to, template: { name: TEMPLATE_SEED.name, id: TEMPLATE_SEED.id, language: 'en', body: ['Ada', '#1001'] } };
    case 'reaction':
      return { type, to, messageId: 'wamid.contract-reaction-target', emoji: '👍' };
  }
}

function interactiveFixture(kind: InteractiveKind, footer: boolean): Extract<OutboundMessage, { type: 'interactive' }>['interactive'] {
  switch (kind) {
    case 'buttons':
      return {
        kind,
        body: 'Is this delivery time OK?',
        ...(footer ? { footer: 'wamux' } : {}),
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
      };
    case 'list':
      return {
        kind,
        body: 'Choose a delivery slot',
        buttonText: 'Slots',
        sections: [
          {
            title: 'Tomorrow',
            rows: [
              { id: 'slot-am', title: 'Morning', description: '09:00-12:00' },
              { id: 'slot-pm', title: 'Afternoon' },
            ],
          },
        ],
      };
    case 'location_request':
      return { kind, body: 'Where should we deliver?' };
  }
}

/** A sample inbound content of each simulatable type (`unsupported` has none). */
export function inboundFixture(type: Exclude<MessageContentType, 'unsupported'>): MessageContent {
  switch (type) {
    case 'text':
      return { type, text: 'Hi, where is my order?' };
    case 'image':
      return { type, media: { id: 'contract-media-image', mimeType: 'image/jpeg' } };
    case 'video':
      return { type, media: { id: 'contract-media-video', mimeType: 'video/mp4' } };
    case 'audio':
      return { type, media: { id: 'contract-media-audio', mimeType: 'audio/ogg' } };
    case 'document':
      return { type, media: { id: 'contract-media-document', mimeType: 'application/pdf' } };
    case 'sticker':
      return { type, media: { id: 'contract-media-sticker', mimeType: 'image/webp' } };
    case 'location':
      return { type, latitude: 41.0256, longitude: 28.9741, name: 'Galata Tower', address: 'Beyoglu/Istanbul' };
    case 'contacts':
      return { type, contacts: [{ name: { formatted: 'Grace Hopper' }, phones: [{ phone: '+15551234567' }] }] };
    case 'interactive_reply':
      return { type, reply: { kind: 'button', id: 'yes', title: 'Yes' } };
    case 'button':
      return { type, text: 'Track order', payload: 'track' };
    case 'reaction':
      return { type, messageId: 'wamid.contract-previous', emoji: '❤️' };
  }
}

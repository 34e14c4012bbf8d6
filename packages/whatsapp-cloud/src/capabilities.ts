import type { ProviderCapabilities } from '@wamux/core/adapter';
import { CLOUD_DELIVERY_STATUSES } from './map/status';

/**
 * What an adapter over the Cloud API's messages can do, whoever serves the
 * API (Meta, 360dialog's proxy): the message types, media sources and
 * features of the Cloud API itself. A provider that cannot verify webhooks
 * reports the same minus `webhooks.verify` ({@link cloudCapabilitiesFor}).
 */
export const CLOUD_CAPABILITIES: ProviderCapabilities = {
  outbound: ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'template', 'reaction'],
  interactive: ['buttons', 'list', 'location_request'],
  // A URL is sent as `link` (WhatsApp fetches it), an id as `id`, bytes are uploaded first.
  mediaSources: ['url', 'id', 'data'],
  inbound: ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive_reply', 'button', 'reaction', 'unsupported'],
  statuses: CLOUD_DELIVERY_STATUSES,
  features: [
    'media.upload',
    'media.download',
    'messages.markRead',
    'messages.replyTo',
    'media.captions',
    'messages.linkPreview',
    'interactive.footer',
    'templates.list',
    'recipients.bsuid',
    'webhooks.verify',
    'webhooks.bsuid',
  ],
};

/** The capabilities of one provider instance: `webhooks.verify` only when it has a secret to verify deliveries with. */
export function cloudCapabilitiesFor(verifiesWebhooks: boolean): ProviderCapabilities {
  if (verifiesWebhooks) return CLOUD_CAPABILITIES;
  return { ...CLOUD_CAPABILITIES, features: CLOUD_CAPABILITIES.features.filter((feature) => feature !== 'webhooks.verify') };
}

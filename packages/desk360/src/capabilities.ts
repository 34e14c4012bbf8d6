import type { ProviderCapabilities } from '@wamux/core/adapter';
import { DESK360_STATUSES } from './map/status';

/**
 * What the Desk360 adapter can do. A provider created without a
 * `webhookSecret` reports the same minus `webhooks.verify` (Desk360 signs
 * nothing, so there is nothing to verify unless the app adds a secret).
 * No `recipients.bsuid` / `webhooks.bsuid`: Desk360's document names
 * customers by phone number only, so a WhatsApp business-scoped user ID as
 * `to` is refused before any request.
 */
export const desk360Capabilities: ProviderCapabilities = {
  outbound: ['text', 'image', 'video', 'audio', 'document', 'location', 'contacts', 'interactive', 'template'],
  interactive: ['buttons', 'location_request'],
  // Desk360 takes files only: a URL is downloaded, an id is fetched from Desk360's media store, then uploaded.
  mediaSources: ['url', 'id', 'data'],
  inbound: ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive_reply', 'unsupported'],
  // Exactly what the status table can produce, so nothing undeclared is ever emitted.
  statuses: DESK360_STATUSES,
  features: ['media.download', 'messages.markRead', 'interactive.footer', 'templates.list', 'templates.bulkSend', 'webhooks.verify'],
};

/** The capabilities of one provider instance: `webhooks.verify` only with a secret to verify. */
export function capabilitiesFor(verifiesWebhooks: boolean): ProviderCapabilities {
  if (verifiesWebhooks) return desk360Capabilities;
  return { ...desk360Capabilities, features: desk360Capabilities.features.filter((feature) => feature !== 'webhooks.verify') };
}

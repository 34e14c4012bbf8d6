import { INTERACTIVE_KINDS, MESSAGE_CONTENT_TYPES, OUTBOUND_MESSAGE_TYPES, type ProviderCapabilities } from '@wamux/core/adapter';
import { GETCHAT_STATUSES } from './map/status';

/**
 * What the get.chat adapter can do, as data.
 *
 * - every outbound type createMessage's enum lists, every interactive kind;
 * - media by URL (`link`), by get.chat media id, or as bytes (uploaded
 *   through createMediaFile first); captions on images, videos and documents;
 * - the statuses WhatsApp reports through get.chat: every one map/status.ts
 *   can produce;
 * - `messages.markRead` through createReceivedMessageMark, `messages.history`
 *   through `before_time` / `since_time`, `events.live` through the
 *   websockets server (`getchat.live.connect()`);
 * - `webhooks.verify` when a `webhookSecret` or `webhookHeaders` is
 *   configured (a provider without either reports the same minus it);
 * - `webhooks.bsuid`: get.chat forwards WhatsApp's Cloud API payloads, which
 *   name a username user by business-scoped user ID when they hide their
 *   number. Not `recipients.bsuid`: createMessage names the recipient by
 *   `wa_id`, a phone number, and get.chat's document (1.4.10) has no field
 *   for a BSUID, so sending to one is refused before any request.
 */
export const getchatCapabilities: ProviderCapabilities = {
  outbound: OUTBOUND_MESSAGE_TYPES,
  interactive: INTERACTIVE_KINDS,
  mediaSources: ['url', 'id', 'data'],
  inbound: MESSAGE_CONTENT_TYPES,
  statuses: GETCHAT_STATUSES,
  features: [
    'media.upload',
    'media.download',
    'messages.markRead',
    'messages.history',
    'messages.replyTo',
    'media.captions',
    'messages.linkPreview',
    'interactive.footer',
    'templates.list',
    'webhooks.verify',
    'webhooks.bsuid',
    'events.live',
  ],
};

/** The capabilities of a provider as configured: `webhooks.verify` only when it has something to verify with. */
export function capabilitiesFor(verifiesWebhooks: boolean): ProviderCapabilities {
  return verifiesWebhooks ? getchatCapabilities : { ...getchatCapabilities, features: getchatCapabilities.features.filter((f) => f !== 'webhooks.verify') };
}

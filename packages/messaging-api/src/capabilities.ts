import type { ProviderCapabilities } from '@wamux/core/adapter';
import { MAPPED_STATUSES } from './map/status';

/**
 * What the adapter can do, as data.
 *
 * - Outbound: every type `OutBoundMsg` carries. No stickers or reactions
 *   (no such type); interactive is reply `buttons` only: a list needs a
 *   button label and section titles the vendor has no field for (send one
 *   with `messages.send()` and `buttonDisplayScheme: 'list'`), and there is
 *   no location request.
 * - Media by URL only: the vendor fetches `link`; it has no upload.
 * - Inbound: what `InBoundMsg` carries (`voice` arrives as audio with
 *   `voice: true`, `form` replies as interactive replies); no contacts.
 * - Statuses: what `map/status.ts` maps the vendor's codes to: the five
 *   webhook codes of `InBoundMsgStatus`, and `queued` for the outbox codes
 *   (`SCHLD`, `CRTD`, `INIT`) the vendor may report too.
 * - No history feature: `sessions.messages()` reads a session's messages,
 *   but `ChatMessageDTO` says nothing of their direction.
 * - `webhooks.verify` with a `verifyToken` (see {@link capabilitiesFor}).
 * - No `recipients.bsuid` / `webhooks.bsuid`: the document names customers
 *   by phone number (or contact id) only, so a WhatsApp business-scoped user
 *   ID as `to` is refused before any request.
 */
export const messagingApiCapabilities: ProviderCapabilities = {
  outbound: ['text', 'image', 'video', 'audio', 'document', 'location', 'contacts', 'interactive', 'template'],
  interactive: ['buttons'],
  mediaSources: ['url'],
  inbound: ['text', 'image', 'video', 'audio', 'document', 'location', 'interactive_reply', 'unsupported'],
  statuses: MAPPED_STATUSES,
  features: ['media.captions', 'templates.list', 'webhooks.verify'],
};

/**
 * The capabilities of one provider instance: `webhooks.verify` only with a
 * `verifyToken` to check (a provider that opted out with
 * `allowUnauthenticatedWebhooks` authenticates nothing).
 */
export function capabilitiesFor(verifiesWebhooks: boolean): ProviderCapabilities {
  if (verifiesWebhooks) return messagingApiCapabilities;
  return { ...messagingApiCapabilities, features: messagingApiCapabilities.features.filter((feature) => feature !== 'webhooks.verify') };
}

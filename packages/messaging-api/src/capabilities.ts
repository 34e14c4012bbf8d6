import type { ProviderCapabilities } from '@wamux/core';

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
 * - Statuses: the five codes of `InBoundMsgStatus`.
 * - No history feature: `sessions.messages()` reads a session's messages,
 *   but `ChatMessageDTO` says nothing of their direction.
 */
export const messagingApiCapabilities: ProviderCapabilities = {
  outbound: ['text', 'image', 'video', 'audio', 'document', 'location', 'contacts', 'interactive', 'template'],
  interactive: ['buttons'],
  mediaSources: ['url'],
  inbound: ['text', 'image', 'video', 'audio', 'document', 'location', 'interactive_reply', 'unsupported'],
  statuses: ['sent', 'delivered', 'read', 'failed', 'deleted'],
  features: ['media.captions', 'templates.list', 'webhooks.verify'],
};

import type { MediaSourceKind } from '../model/media';
import type { MessageContentType } from '../model/inbound';
import type { InteractiveKind, OutboundMessageType } from '../model/outbound';
import type { DeliveryStatus } from '../model/status';

/** Optional operations a provider may offer, each gating one `Provider` method or behaviour. */
export type ProviderFeature =
  /** `uploadMedia()` */
  | 'media.upload'
  /** `downloadMedia()` */
  | 'media.download'
  /** `markRead()` */
  | 'messages.markRead'
  /** `listMessages()`: conversation history. */
  | 'messages.history'
  /** `send()` honours `replyTo`. */
  | 'messages.replyTo'
  /** `send()` carries `caption` on media messages; without it a caption is refused, never dropped. */
  | 'media.captions'
  /** `send()` carries `previewUrl: true` on text messages; without it a link preview request is refused, never dropped. */
  | 'messages.linkPreview'
  /** `send()` carries an interactive message's `footer`; without it a footer is refused, never dropped. */
  | 'interactive.footer'
  /** `listTemplates()` */
  | 'templates.list'
  /** `sendTemplateBulk()`: one vendor call for many recipients. */
  | 'templates.bulkSend'
  /** `send()` and `sendTemplateBulk()` take a WhatsApp business-scoped user ID (BSUID) as `to`; without it one is refused, never sent as a phone number. */
  | 'recipients.bsuid'
  /** `parseWebhook()` authenticates deliveries (signature, shared secret or token). */
  | 'webhooks.verify'
  /** Webhooks identify customers by BSUID: a username user who hides their number arrives as a `message` event whose `from` is the BSUID. */
  | 'webhooks.bsuid'
  /** Live events without a public webhook URL (websocket, polling). */
  | 'events.live';

/** Every feature, in a stable order (for capability tables). */
export const PROVIDER_FEATURES = [
  'media.upload',
  'media.download',
  'messages.markRead',
  'messages.history',
  'messages.replyTo',
  'media.captions',
  'messages.linkPreview',
  'interactive.footer',
  'templates.list',
  'templates.bulkSend',
  'recipients.bsuid',
  'webhooks.verify',
  'webhooks.bsuid',
  'events.live',
] as const satisfies readonly ProviderFeature[];

/**
 * What a provider can do, as data. Apps read it before calling; the core
 * reads it to refuse unsupported calls before any network I/O; the docs'
 * capability matrix is generated from it.
 */
export interface ProviderCapabilities {
  /** Outbound message types `send()` accepts. */
  readonly outbound: readonly OutboundMessageType[];
  /** Interactive kinds accepted when `outbound` has `interactive`. */
  readonly interactive: readonly InteractiveKind[];
  /** Forms of outbound media accepted (an adapter may fetch a URL and upload it). */
  readonly mediaSources: readonly MediaSourceKind[];
  /** Inbound content types its webhooks can produce. */
  readonly inbound: readonly MessageContentType[];
  /** Delivery statuses its webhooks can report. */
  readonly statuses: readonly DeliveryStatus[];
  /** Optional operations. */
  readonly features: readonly ProviderFeature[];
}

/** True when the provider declares `feature`. */
export function hasFeature(capabilities: ProviderCapabilities, feature: ProviderFeature): boolean {
  return capabilities.features.includes(feature);
}

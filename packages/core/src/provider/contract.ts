import type { DownloadedMedia, MediaUpload, UploadedMedia } from '../model/media';
import type { MessageContent } from '../model/inbound';
import type { OutboundMessage } from '../model/outbound';
import type { SendResult } from '../model/send-result';
import type { Template } from '../model/template';
import type { WebhookEvent } from '../model/events';
import type { CustomerAddress } from '../model/customer';
import type { BulkTemplateRequest } from '../model/outbound';
import type { ProviderCapabilities } from './capabilities';
import type { WebhookReply, WebhookRequest } from '../webhook/request';

/** The version of the contract below. Adapters state the one they implement. */
export const SPECIFICATION_VERSION = 'v1' as const;
export type SpecificationVersion = typeof SPECIFICATION_VERSION;

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call (and its retries and rate-limit wait). */
  signal?: AbortSignal | undefined;
}

/** Options of list calls. */
export interface ListOptions extends CallOptions {
  /**
   * Stop after this many items: a whole number, 0 or more (0 lists nothing
   * and calls nothing). `defineProvider` checks and enforces it, so drivers
   * need not.
   */
  limit?: number | undefined;
}

/** What `parseWebhook` returns. */
export interface WebhookParseResult {
  /** Every item of the delivery, in order. */
  events: WebhookEvent[];
  /** The answer the vendor expects, when it expects more than an empty 200. */
  reply?: WebhookReply | undefined;
}

/** A query over conversation history. */
export interface HistoryQuery extends ListOptions {
  /** The customer whose conversation to read: an E.164 number or a BSUID. */
  contact?: CustomerAddress | undefined;
  /** Only messages before this time. */
  before?: Date | undefined;
  /** Only messages after this time. */
  since?: Date | undefined;
  /** `newest` walks back in time (default); `oldest` walks forward. */
  order?: 'newest' | 'oldest' | undefined;
  /** Vendor-specific filter (a session id, a chat id...). */
  conversationId?: string | undefined;
}

/** One message of a conversation's history, in either direction. */
export interface HistoryMessage {
  id: string;
  direction: 'inbound' | 'outbound';
  /** The customer, E.164. */
  contact: string;
  timestamp: Date;
  content: MessageContent;
  raw: unknown;
}

/** What the vendor said about a bulk template send. */
export interface BulkTemplateResult {
  /** Per-recipient message ids, when the vendor returns them. */
  accepted: ReadonlyArray<{ to: string; id?: string | undefined }>;
  raw: unknown;
}

/**
 * What an adapter implements. Only `send` and `parseWebhook` are required;
 * each optional method must be declared in `capabilities.features`, and
 * each declared feature must be implemented ({@link defineProvider} checks).
 *
 * Methods receive input the core has already validated against the model
 * and against `capabilities`.
 */
export interface ProviderDriver<Name extends string = string> {
  readonly specificationVersion: SpecificationVersion;
  readonly name: Name;
  readonly capabilities: ProviderCapabilities;
  send(message: OutboundMessage, options: CallOptions): Promise<SendResult>;
  parseWebhook(request: WebhookRequest): Promise<WebhookParseResult>;
  /**
   * Answers the vendor's subscription handshake (Meta's `GET` with
   * `hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`): the reply,
   * or `undefined` when the request is not one this vendor sends. Throws
   * `WebhookVerificationError` when the token does not match.
   */
  verifySubscription?(request: WebhookRequest): WebhookReply | undefined;
  uploadMedia?(media: MediaUpload, options: CallOptions): Promise<UploadedMedia>;
  downloadMedia?(mediaId: string, options: CallOptions): Promise<DownloadedMedia>;
  markRead?(messageId: string, options: CallOptions): Promise<void>;
  listTemplates?(options: ListOptions): AsyncIterable<Template>;
  sendTemplateBulk?(request: BulkTemplateRequest, options: CallOptions): Promise<BulkTemplateResult>;
  listMessages?(query: HistoryQuery): AsyncIterable<HistoryMessage>;
  /** Releases sockets and timers (live event connections). */
  close?(): Promise<void>;
}

/**
 * What an app holds: every operation is present, and one the provider does
 * not declare throws `UnsupportedFeatureError` before any network I/O.
 */
export interface Provider<Name extends string = string> {
  readonly specificationVersion: SpecificationVersion;
  readonly name: Name;
  readonly capabilities: ProviderCapabilities;
  /** Validates and sends one message. */
  send(message: OutboundMessage, options?: CallOptions): Promise<SendResult>;
  /** Verifies (when configured) and normalizes one webhook delivery. */
  parseWebhook(request: WebhookRequest): Promise<WebhookParseResult>;
  /**
   * Answers a vendor's subscription handshake (a verification `GET`), or
   * `undefined` when the request is not one (then the webhook handler
   * answers 405). Providers whose vendor has no handshake return `undefined`.
   */
  verifySubscription(request: WebhookRequest): WebhookReply | undefined;
  /** Uploads bytes to the vendor's media store. Feature `media.upload`. */
  uploadMedia(media: MediaUpload, options?: CallOptions): Promise<UploadedMedia>;
  /** Downloads inbound media by id. Feature `media.download`. */
  downloadMedia(mediaId: string, options?: CallOptions): Promise<DownloadedMedia>;
  /** Marks a received message as read. Feature `messages.markRead`. */
  markRead(messageId: string, options?: CallOptions): Promise<void>;
  /** Lists message templates, every page. Feature `templates.list`. */
  listTemplates(options?: ListOptions): AsyncIterable<Template>;
  /** Sends one template to many recipients in one call. Feature `templates.bulkSend`. */
  sendTemplateBulk(request: BulkTemplateRequest, options?: CallOptions): Promise<BulkTemplateResult>;
  /** Walks conversation history. Feature `messages.history`. */
  listMessages(query?: HistoryQuery): AsyncIterable<HistoryMessage>;
  /** Releases sockets and timers. Always safe to call. */
  close(): Promise<void>;
}

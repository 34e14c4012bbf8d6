// @wamux/core: what an app uses. The normalized message model (as types),
// the Provider contract, the typed errors, the webhook handler and its
// stores, bulk sends, and the options an app passes. Adapter authors (and
// packages that extend wamux) import `@wamux/core/adapter`, which adds the
// schemas, the HTTP path and the helpers an adapter is built from.

export type { PhoneNumber } from './model/phone';
export { parsePhoneInput, type PhoneInputOptions } from './model/phone-input';
export { customerAddress, customerKey, isBsuid } from './model/customer';
export type { Bsuid, Customer, CustomerAddress, CustomerIdentifiers } from './model/customer';
export type { DownloadedMedia, MediaBytes, MediaId, MediaRef, MediaSource, MediaUpload, MediaUrl, UploadedMedia } from './model/media';
export type { ContactCard } from './model/contact-card';
export { INTERACTIVE_KINDS, OUTBOUND_MESSAGE_TYPES } from './model/outbound';
export type {
  AudioMessage,
  BulkTemplateRequest,
  ContactsMessage,
  DocumentMessage,
  ImageMessage,
  InteractiveContent,
  InteractiveHeader,
  InteractiveKind,
  InteractiveMessage,
  LocationMessage,
  MediaMessage,
  OutboundMessage,
  OutboundMessageType,
  ReactionMessage,
  StickerMessage,
  TemplateMessage,
  TemplateParameters,
  TemplateSpec,
  TextMessage,
  VideoMessage,
} from './model/outbound';
export { MESSAGE_CONTENT_TYPES } from './model/inbound';
export type { InboundMessage, MessageContent, MessageContentType, Referral } from './model/inbound';
export { DELIVERY_STATUSES } from './model/status';
export type { DeliveryStatus, StatusError, StatusUpdate } from './model/status';
export type { MessageEvent, ProviderEvent, StatusEvent, WebhookEvent, WebhookEventType } from './model/events';
export type { Template, TemplateButton, TemplateStatus, TemplateVariable } from './model/template';
export type { SendResult } from './model/send-result';

export { deliveryOf, isWamuxError, WamuxError } from './errors/wamux-error';
export type { DeliveryOutcome, WamuxErrorCode, WamuxErrorOptions } from './errors/wamux-error';
export {
  AbortError,
  AuthenticationError,
  ConfigurationError,
  NetworkError,
  NotFoundError,
  ProviderServerError,
  RateLimitError,
  RedirectRefusedError,
  RequestRejectedError,
  StoreUnavailableError,
  TimeoutError,
  UnsupportedFeatureError,
  ValidationError,
  WebhookListenerError,
  WebhookPayloadError,
  WebhookVerificationError,
} from './errors/classes';
export type { ValidationIssue } from './errors/classes';

export { hasFeature, PROVIDER_FEATURES } from './provider/capabilities';
export type { ProviderCapabilities, ProviderFeature } from './provider/capabilities';
export type { BulkTemplateResult, CallOptions, HistoryMessage, HistoryQuery, ListOptions, Provider, WebhookParseResult } from './provider/contract';
export type { CommonProviderOptions } from './provider/options';
export type { RetryOptions, RetryPolicy } from './http/retry-policy';
export type { RateLimitOptions } from './rate-limit/limiter';
export { createMemoryRateLimitStore } from './rate-limit/store';
export type { RateLimitStore } from './rate-limit/store';

export { CustomerWindowClosedError } from './whatsapp-limits/customer-window-closed-error';
export { createMemoryCustomerWindowStore } from './whatsapp-limits/customer-window-store';
export type { CustomerWindowStore, MemoryCustomerWindowStoreOptions } from './whatsapp-limits/customer-window-store';
export type { CustomerWindowOptions, PairRateOptions, ThroughputOptions, WhatsAppLimitsOption, WhatsAppLimitsOptions } from './whatsapp-limits/options';
export { isThroughputEvent, WHATSAPP_THROUGHPUT_EVENT } from './whatsapp-limits/throughput-event';
export type { ThroughputEvent, ThroughputPayload } from './whatsapp-limits/throughput-event';
export {
  CUSTOMER_SERVICE_WINDOW,
  DEFAULT_CUSTOMER_WINDOW_TTL,
  DEFAULT_MESSAGES_PER_SECOND,
  DEFAULT_PAIR_RATE_BURST,
  DEFAULT_PAIR_RATE_INTERVAL,
  MAX_MESSAGES_PER_SECOND,
} from './whatsapp-limits/defaults';

export { sendBulk } from './bulk/send-bulk';
export type { BulkItemResult, BulkProgress, BulkRetryOptions, BulkSummary, SendBulkOptions } from './bulk/send-bulk';

export { silentLogger } from './telemetry/logger';
export type { Logger, LogFields, LogMethod } from './telemetry/logger';
export type { TelemetryOptions } from './telemetry/options';
export { INSTRUMENTATION_SCOPE } from './telemetry/instruments';
export type { SendOutcome } from './telemetry/send-span';

export { webhookRequest } from './webhook/request';
export type { WebhookReply, WebhookRequest } from './webhook/request';
export { createWebhookHandler } from './webhook/handler';
export type { WebhookHandler, WebhookHandlerEvents, WebhookHandlerOptions, WebhookOutcome } from './webhook/handler';
export { createMemoryDedupeStore } from './webhook/dedupe';
export type { DedupeClaim, DedupeStore, MemoryDedupeStoreOptions } from './webhook/dedupe';
export { createMemoryStatusOrderStore } from './webhook/status-order';
export type { MemoryStatusOrderStoreOptions, StatusClaim, StatusOrderStore } from './webhook/status-order';

// @wamux/core/adapter: what an adapter (or a package that extends wamux) is
// built from, on top of everything an app sees (`@wamux/core`): the model's
// valibot schemas, defineProvider and the driver contract, the one HTTP path,
// rate limiting, pagination, webhook verification helpers and the redaction
// every error goes through.
export * from './index';

export * from './model/phone';
export * from './model/phone-input';
export * from './model/customer';
export * from './model/media';
export * from './model/contact-card';
export * from './model/outbound';
export * from './model/inbound';
export * from './model/status';
export * from './model/template';
export * from './model/validate';

export { WAMUX_ERROR } from './errors/wamux-error';
export { redactText, redactValue, isSecretKey } from './errors/redact';

export { SPECIFICATION_VERSION } from './provider/contract';
export type { ProviderDriver, SpecificationVersion } from './provider/contract';
export { defineProvider, type DefineProviderOptions } from './provider/define-provider';
export { HistoryQuerySchema, ListOptionsSchema } from './provider/list-input';
export { throughputEvent, ThroughputPayloadSchema } from './whatsapp-limits/throughput-event';
export { WhatsAppLimitsOptionSchema } from './whatsapp-limits/options';
export { checkOutbound, unsupportedFeature } from './provider/check-outbound';
export * from './provider/options';

export * from './http/client';
export * from './http/errors-from-response';
export * from './http/response-headers';
export * from './http/retry-policy';
export * from './http/multipart';

export * from './rate-limit/store';
export * from './rate-limit/limiter';

export * from './pagination/paginate';
export * from './pagination/link-header';

export { isLogger, resolveLogger } from './telemetry/logger';
export { maskPhone, routeTemplate } from './telemetry/mask';

export * from './webhook/request';
export * from './webhook/constant-time';
export * from './webhook/dedupe';
export * from './webhook/status-order';

export { compact } from './util/compact';
export { closest, didYouMean } from './util/did-you-mean';
export { createRecentMap, type RecentMap } from './util/recent-map';
export { dateFromTimestamp } from './util/timestamp';

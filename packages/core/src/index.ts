// @wamux/core: the normalized model, the Provider contract, errors, the
// shared HTTP path, rate limiting, pagination, bulk sends and webhooks.
// It knows no vendor: adapters translate to and from what is exported here.

export * from './model/phone';
export * from './model/customer';
export * from './model/media';
export * from './model/contact-card';
export * from './model/outbound';
export * from './model/inbound';
export * from './model/status';
export * from './model/events';
export * from './model/template';
export * from './model/send-result';
export * from './model/validate';
export { safeParse } from './validation/safe-parse';
export { compileSchema, INVALID, type CompiledSchema } from './validation/compile-schema';

export * from './errors/wamux-error';
export * from './errors/classes';
export { redactText, redactValue, isSecretKey } from './errors/redact';

export * from './provider/capabilities';
export * from './provider/contract';
export { defineProvider } from './provider/define-provider';
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

export * from './bulk/send-bulk';

export { silentLogger, isLogger, resolveLogger, type Logger, type LogMethod, type LogFields } from './telemetry/logger';
export type { TelemetryOptions } from './telemetry/options';
export { maskPhone, routeTemplate } from './telemetry/mask';
export { INSTRUMENTATION_SCOPE } from './telemetry/instruments';
export type { SendOutcome } from './telemetry/send-span';

export * from './webhook/request';
export * from './webhook/constant-time';
export * from './webhook/dedupe';
export * from './webhook/status-order';
export * from './webhook/handler';

export { sleep } from './util/sleep';
export { compact } from './util/compact';
export { createRecentMap, type RecentMap } from './util/recent-map';
export { dateFromTimestamp } from './util/timestamp';

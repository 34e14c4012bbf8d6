import * as v from 'valibot';
import { ConfigurationError } from '../errors/classes';
import type { RetryPolicy } from '../http/retry-policy';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from '../rate-limit/limiter';
import { LoggerOptionSchema, type Logger } from '../telemetry/logger';
import { TelemetryOptionSchema, type TelemetryOptions } from '../telemetry/options';

/** Options every adapter's factory accepts besides its credentials. */
export interface CommonProviderOptions {
  /** A fetch implementation (tests, proxies, edge runtimes). The global one by default. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Per-request timeout in ms. Default 30 000. */
  timeout?: number | undefined;
  /** Retry policy, or `false` for none. */
  retry?: Partial<RetryPolicy> | false | undefined;
  /** Client-side rate limit, or `false` for none. Each adapter has a default that matches its vendor. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Where retries, limiter blocks and refused redirects are told (`console` fits). Silent by default. */
  logger?: Logger | undefined;
  /** What spans and log lines may carry besides the defaults (personal data is left out unless opted in). */
  telemetry?: TelemetryOptions | undefined;
}

/** The valibot schema of {@link CommonProviderOptions}, to spread into an adapter's options schema. */
export const commonProviderOptionsEntries = {
  fetch: v.optional(v.custom<typeof globalThis.fetch>((value) => typeof value === 'function', 'must be a fetch function')),
  timeout: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1 ms'))),
  retry: v.optional(
    v.union([
      v.literal(false),
      v.object({
        limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
        baseDelay: v.optional(v.pipe(v.number(), v.minValue(0))),
        maxDelay: v.optional(v.pipe(v.number(), v.minValue(0))),
        maxRetryAfter: v.optional(v.pipe(v.number(), v.minValue(0))),
      }),
    ]),
  ),
  rateLimit: v.optional(
    v.union([
      v.literal(false),
      v.object({
        requests: v.pipe(v.number(), v.minValue(1)),
        interval: v.pipe(v.number(), v.minValue(1)),
        burst: v.optional(v.pipe(v.number(), v.minValue(1))),
        margin: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
        maxQueue: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
        store: v.optional(v.any()),
        key: v.optional(v.string()),
      }),
    ]),
  ),
  logger: LoggerOptionSchema,
  telemetry: TelemetryOptionSchema,
};

/** The limiter an adapter should use: the caller's settings, its vendor default, or none. */
export function resolveRateLimiter(option: RateLimitOptions | false | undefined, vendorDefault: RateLimitOptions | undefined): RateLimiter | undefined {
  if (option === false) return undefined;
  const settings = option ?? vendorDefault;
  return settings ? createRateLimiter(settings) : undefined;
}

/**
 * Checks a base URL: absolute, http(s), and HTTPS unless the caller opted
 * in to plain HTTP (emulators on 127.0.0.1). Returns it without a trailing slash.
 */
export function checkBaseUrl(baseUrl: string, options: { allowInsecure?: boolean | undefined; field?: string; provider: string }): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(options.field ?? 'baseUrl', 'must be an absolute URL', { provider: options.provider });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigurationError(options.field ?? 'baseUrl', 'must be an http(s) URL', { provider: options.provider });
  if (url.protocol === 'http:' && !options.allowInsecure) {
    throw new ConfigurationError(options.field ?? 'baseUrl', `${options.provider} requires HTTPS; pass allowInsecureHttp: true for a local emulator`, { provider: options.provider });
  }
  return baseUrl.replace(/\/+$/, '');
}

import * as v from 'valibot';
import { ConfigurationError } from '../errors/classes';
import type { HttpClientOptions } from '../http/client';
import type { RetryOptions } from '../http/retry-policy';
import { createRateLimiter, type RateLimiter, type RateLimitOptions } from '../rate-limit/limiter';
import { LoggerOptionSchema, type Logger } from '../telemetry/logger';
import { TelemetryOptionSchema, type TelemetryOptions } from '../telemetry/options';
import { WhatsAppLimitsOptionSchema, type WhatsAppLimitsOption } from '../whatsapp-limits/options';

/** Options every adapter's factory accepts besides its credentials. */
export interface CommonProviderOptions {
  /** A fetch implementation (tests, proxies, edge runtimes). The global one by default. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Per-request timeout in ms. Default 30 000. */
  timeout?: number | undefined;
  /** Retry policy, or `false` for none. */
  retry?: RetryOptions | false | undefined;
  /** Client-side rate limit, or `false` for none. Each adapter has a default that matches its vendor. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Where retries, limiter blocks and refused redirects are told (`console` fits). Silent by default. */
  logger?: Logger | undefined;
  /** What spans and log lines may carry besides the defaults (personal data is left out unless opted in). */
  telemetry?: TelemetryOptions | undefined;
  /**
   * WhatsApp's own limits, applied before the vendor is called: throughput
   * per business number, pair rate per customer, the 24-hour customer
   * service window. Off by default; `true` turns all three on with Meta's
   * defaults. See docs/whatsapp-limits.md.
   */
  whatsappLimits?: WhatsAppLimitsOption | undefined;
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
  whatsappLimits: v.optional(WhatsAppLimitsOptionSchema),
};

/**
 * The common options an adapter keeps in its resolved config: the caller's
 * own values, once the adapter's schema has checked them, so a rate-limit
 * store, a logger or a `fetch` stays the caller's object.
 */
export function commonOptions(options: CommonProviderOptions): CommonProviderOptions {
  const { fetch, timeout, retry, rateLimit, logger, telemetry, whatsappLimits } = options;
  return { fetch, timeout, retry, rateLimit, logger, telemetry, whatsappLimits };
}

/** The common options every HTTP client of an adapter takes as they are (its rate limiter is resolved per client). */
export function httpClientOptions(options: CommonProviderOptions): Pick<HttpClientOptions, 'fetch' | 'timeout' | 'retry' | 'logger' | 'telemetry'> {
  const { fetch, timeout, retry, logger, telemetry } = options;
  return { fetch, timeout, retry, logger, telemetry };
}

/** The limiter an adapter should use: the caller's settings, its vendor default, or none. */
export function resolveRateLimiter(option: RateLimitOptions | false | undefined, vendorDefault: RateLimitOptions | undefined): RateLimiter | undefined {
  if (option === false) return undefined;
  const settings = option ?? vendorDefault;
  return settings ? createRateLimiter(settings) : undefined;
}

/**
 * Checks a base URL: absolute, http(s), and HTTPS unless it points at this
 * machine (`localhost`, `127.x.x.x`, `[::1]`: an emulator; credentials never
 * leave the machine) or the caller opted in to plain HTTP elsewhere
 * (`allowInsecureHttp: true`, for an emulator on another host of a private
 * network). Returns it without a trailing slash.
 */
export function checkBaseUrl(baseUrl: string, options: { allowInsecure?: boolean | undefined; field?: string; provider: string }): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new ConfigurationError(options.field ?? 'baseUrl', 'must be an absolute URL', { provider: options.provider });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigurationError(options.field ?? 'baseUrl', 'must be an http(s) URL', { provider: options.provider });
  if (url.protocol === 'http:' && !options.allowInsecure && !isLoopbackHost(url.hostname)) {
    throw new ConfigurationError(
      options.field ?? 'baseUrl',
      `${options.provider} requires HTTPS outside this machine (plain http is allowed to localhost, 127.x.x.x and [::1]); for an emulator on another host set allowInsecureHttp: true`,
      { provider: options.provider },
    );
  }
  return baseUrl.replace(/\/+$/, '');
}

/** Whether a URL's hostname is this machine: `localhost`, the IPv4 loopback block 127.0.0.0/8 or IPv6 `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

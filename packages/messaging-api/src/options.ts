import {
  checkBaseUrl,
  commonProviderOptionsEntries,
  parseOptions,
  resolveRateLimiter,
  type CommonProviderOptions,
  type Logger,
  type RateLimiter,
  type RetryPolicy,
  type TelemetryOptions,
} from '@wamux/core';
import * as v from 'valibot';
import { API_PREFIX, PROVIDER } from './provider-name';
import type { ContactInfoHandler } from './webhook/contact-info';

/** Options of {@link createMessagingApiProvider}. */
export interface MessagingApiOptions extends CommonProviderOptions {
  /**
   * The API's root URL, e.g. `https://messaging.example.com`; operation
   * paths (`/api/v1/message/send`) are appended to it. A URL that already
   * ends in `/api/v1` is accepted too. Required: the document names no host.
   */
  baseUrl: string;
  /** Sent as the `x-api-key` header on every call. */
  apiKey: string;
  /** Sent as the `x-api-id` header on every call, when set. */
  apiId?: string | undefined;
  /** The channel `send()` sends from (see `config.listChannels()`); required to send. */
  channelId?: string | undefined;
  /**
   * The token the vendor sends in `x-verify-token`. Without it (and without
   * `allowUnauthenticatedWebhooks`), `parseWebhook` refuses every delivery
   * with a `ConfigurationError` naming this option.
   */
  verifyToken?: string | undefined;
  /**
   * Accept webhook deliveries without checking `x-verify-token` when no
   * `verifyToken` is configured (a configured token is always checked).
   * Anyone who finds the URL can then post forged messages and statuses: an
   * explicit opt-out, for local development or a network path that is
   * authenticated otherwise. Default `false`.
   */
  allowUnauthenticatedWebhooks?: boolean | undefined;
  /** Answers the vendor's `contact/info` requests; without it the answer is `{}` (nothing to change). */
  onContactInfo?: ContactInfoHandler | undefined;
  /** Allow a plain `http://` base URL and webhook URL (a local emulator). */
  allowInsecureHttp?: boolean | undefined;
}

const NonEmpty = v.pipe(v.string('is required'), v.nonEmpty('is required'));

const OptionsSchema = v.object({
  baseUrl: NonEmpty,
  apiKey: NonEmpty,
  apiId: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  channelId: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  verifyToken: v.optional(v.pipe(v.string('must be a string'), v.minLength(4, 'must be at least 4 characters'))),
  allowUnauthenticatedWebhooks: v.optional(v.boolean('must be a boolean')),
  onContactInfo: v.optional(v.custom<ContactInfoHandler>((value) => typeof value === 'function', 'must be a function')),
  allowInsecureHttp: v.optional(v.boolean('must be a boolean')),
  ...commonProviderOptionsEntries,
});

/** Options after validation, with the base URL normalized and the limiter built. */
export interface ResolvedOptions {
  /** The server root, without a trailing slash or `/api/v1`. */
  baseUrl: string;
  apiKey: string;
  apiId: string | undefined;
  channelId: string | undefined;
  verifyToken: string | undefined;
  /** The app opted out of webhook authentication; only read when `verifyToken` is absent. */
  allowUnauthenticatedWebhooks: boolean;
  onContactInfo: ContactInfoHandler | undefined;
  allowInsecureHttp: boolean;
  fetch: typeof globalThis.fetch | undefined;
  timeout: number | undefined;
  retry: Partial<RetryPolicy> | false | undefined;
  rateLimiter: RateLimiter | undefined;
  logger: Logger | undefined;
  telemetry: TelemetryOptions | undefined;
}

/**
 * Validates the options (a bad one throws `ConfigurationError` naming it).
 * The document states no rate limit, so there is no client-side limit by
 * default; the vendor's 429 answers are honoured either way.
 */
export function resolveOptions(options: MessagingApiOptions): ResolvedOptions {
  const parsed = parseOptions(OptionsSchema, options, PROVIDER);
  const allowInsecureHttp = parsed.allowInsecureHttp ?? false;
  const root = checkBaseUrl(parsed.baseUrl, { allowInsecure: allowInsecureHttp, provider: PROVIDER });
  return {
    baseUrl: root.endsWith(API_PREFIX) ? root.slice(0, -API_PREFIX.length) : root,
    apiKey: parsed.apiKey,
    apiId: parsed.apiId,
    channelId: parsed.channelId,
    verifyToken: parsed.verifyToken,
    allowUnauthenticatedWebhooks: parsed.allowUnauthenticatedWebhooks ?? false,
    onContactInfo: parsed.onContactInfo,
    allowInsecureHttp,
    fetch: parsed.fetch,
    timeout: parsed.timeout,
    retry: parsed.retry,
    logger: parsed.logger,
    telemetry: parsed.telemetry,
    // The unparsed value: a store instance must stay the caller's object.
    rateLimiter: resolveRateLimiter(options.rateLimit, undefined),
  };
}

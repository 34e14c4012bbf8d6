import {
  checkBaseUrl,
  commonOptions,
  commonProviderOptionsEntries,
  ConfigurationError,
  parseOptions,
  resolveRateLimiter,
  type CommonProviderOptions,
  type PhoneNumber,
  type RateLimiter,
} from '@wamux/core/adapter';
import * as v from 'valibot';
import type { ContactInfoUpdateInput, InBoundContact } from './wire/contact';

/** The adapter's name: `provider.name`, and the `provider` of every error and event it raises. */
export const MESSAGING_API_PROVIDER = 'messaging-api' as const;

/** The adapter's name as a type. */
export type MessagingApiName = typeof MESSAGING_API_PROVIDER;

/** The path prefix of every operation in the vendor document (`/api/v1/config/channels`, ...). */
export const API_PREFIX = '/api/v1';

/** The header both inbound requests carry the app's `verifyToken` in. */
export const VERIFY_TOKEN_HEADER = 'x-verify-token';

/** A `contact/info` request: the vendor asks the app about a contact (the `onContactInfo` handler answers it). */
export interface ContactInfoRequest {
  contact: InBoundContact;
  /** The contact's phone number, when it has one. */
  phone: PhoneNumber | undefined;
}

/**
 * Answers the vendor's `contact/info` request with the contact details to
 * change. Return nothing (or `{}`) to change nothing.
 */
export type ContactInfoHandler = (
  request: ContactInfoRequest,
  // biome-ignore lint/suspicious/noConfusingVoidType: void lets a handler that updates nothing be a plain `async () => {}`
) => ContactInfoUpdateInput | undefined | void | Promise<ContactInfoUpdateInput | undefined | void>;

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
const OptionalNonEmpty = v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')));

// Strict: a misspelt option (`apiID`, `verify_token`) is refused, not ignored.
const OptionsSchema = v.strictObject({
  baseUrl: NonEmpty,
  apiKey: NonEmpty,
  apiId: OptionalNonEmpty,
  channelId: OptionalNonEmpty,
  verifyToken: v.optional(v.pipe(v.string('must be a string'), v.minLength(4, 'must be at least 4 characters'))),
  allowUnauthenticatedWebhooks: v.optional(v.boolean('must be a boolean')),
  onContactInfo: v.optional(v.custom<ContactInfoHandler>((value) => typeof value === 'function', 'must be a function')),
  allowInsecureHttp: v.optional(v.boolean('must be a boolean')),
  ...commonProviderOptionsEntries,
});

/** Options after validation, with the base URL normalized and the limiter built. */
export interface ResolvedOptions extends CommonProviderOptions {
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
  rateLimiter: RateLimiter | undefined;
}

/**
 * Validates the options (a bad or unknown one throws `ConfigurationError`
 * naming it). The document states no rate limit, so there is no client-side
 * limit by default; the vendor's 429 answers are honoured either way.
 */
export function resolveOptions(options: MessagingApiOptions): ResolvedOptions {
  const parsed = parseOptions(OptionsSchema, options, MESSAGING_API_PROVIDER);
  const allowInsecureHttp = parsed.allowInsecureHttp ?? false;
  const root = checkBaseUrl(parsed.baseUrl, { allowInsecure: allowInsecureHttp, provider: MESSAGING_API_PROVIDER });
  return {
    baseUrl: root.endsWith(API_PREFIX) ? root.slice(0, -API_PREFIX.length) : root,
    apiKey: parsed.apiKey,
    apiId: parsed.apiId,
    channelId: parsed.channelId,
    verifyToken: parsed.verifyToken,
    allowUnauthenticatedWebhooks: parsed.allowUnauthenticatedWebhooks ?? false,
    onContactInfo: parsed.onContactInfo,
    allowInsecureHttp,
    ...commonOptions(options),
    rateLimiter: resolveRateLimiter(options.rateLimit, undefined),
  };
}

/** The channel to send from, or a `ConfigurationError` naming `channelId` before any request. */
export function requireChannelId(channelId: string | undefined): string {
  if (channelId !== undefined) return channelId;
  throw new ConfigurationError('channelId', 'is required to send messages: set it to a channelId from config.listChannels()', {
    provider: MESSAGING_API_PROVIDER,
  });
}

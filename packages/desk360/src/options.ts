import {
  checkBaseUrl,
  commonOptions,
  commonProviderOptionsEntries,
  ConfigurationError,
  parseOptions,
  type CommonProviderOptions,
  type RateLimitOptions,
} from '@wamux/core/adapter';
import * as v from 'valibot';

/** The adapter's name, as `provider.name` and on every error it raises. */
export const DESK360 = 'desk360' as const;

/** Desk360's public API host. Every endpoint path starts with `/v1`. */
export const DEFAULT_BASE_URL = 'https://public-api.desk360.com';

/** The documented limit: 60 requests a minute (per IP), spaced evenly by default. */
export const DESK360_RATE_LIMIT: RateLimitOptions = { requests: 60, interval: 60_000 };

/** How long a template listing is reused to resolve template names and languages to Desk360 ids. */
export const DEFAULT_TEMPLATE_CACHE_TTL = 5 * 60_000;

/**
 * A shared secret every webhook delivery must carry, in a header or a query
 * parameter of the webhook URL (Desk360 signs nothing; a secret in the URL you
 * register with Desk360 is the one form it can send).
 */
export type Desk360WebhookSecret =
  | { /** The secret. */ value: string /** Header that carries it, e.g. `x-webhook-secret`. */; header: string; query?: undefined }
  | { /** The secret. */ value: string /** Query parameter that carries it, e.g. `secret`. */; query: string; header?: undefined };

/** Options every Desk360 provider takes besides its credentials. */
export interface Desk360CommonOptions extends CommonProviderOptions {
  /** The integration (WhatsApp number) to send from; required by every call except `integrations.list()`. */
  integrationId?: number | string | undefined;
  /** Default `https://public-api.desk360.com`; a trailing `/v1` is accepted and dropped. */
  baseUrl?: string | undefined;
  /** Allow a plain `http://` base URL (a local emulator). Desk360 itself answers HTTP with `insecure_request_exception`. */
  allowInsecureHttp?: boolean | undefined;
  /**
   * The shared secret every webhook delivery must carry. Without it (and
   * without `allowUnauthenticatedWebhooks`), `parseWebhook` refuses every
   * delivery with a `ConfigurationError` naming this option.
   */
  webhookSecret?: Desk360WebhookSecret | undefined;
  /**
   * Accept webhook deliveries without authenticating them when no
   * `webhookSecret` is configured (a configured secret is always checked).
   * Anyone who finds the URL can then post forged messages and statuses: an
   * explicit opt-out, for local development or a network path that is
   * authenticated otherwise. Default `false`.
   */
  allowUnauthenticatedWebhooks?: boolean | undefined;
  /** How long (ms) a template listing is reused to resolve template names and languages. Default 5 minutes. */
  templateCacheTtl?: number | undefined;
}

/** Authenticate with a Desk360 API key, sent as `Authorization: Bearer <key>`. */
export interface Desk360ApiKeyOptions extends Desk360CommonOptions {
  apiKey: string;
  email?: undefined;
  password?: undefined;
}

/**
 * Authenticate the older way: `POST /v1/login` exchanges an email and
 * password for a bearer token, which is cached and renewed once on a 401.
 */
export interface Desk360LoginOptions extends Desk360CommonOptions {
  email: string;
  password: string;
  apiKey?: undefined;
}

/** Options of `createDesk360Provider`. */
export type Desk360Options = Desk360ApiKeyOptions | Desk360LoginOptions;

/** How the provider authenticates, resolved from the options. */
export type Desk360Credentials = { kind: 'apiKey'; apiKey: string } | { kind: 'login'; email: string; password: string };

/** Options after validation, with defaults applied. */
export interface Desk360Config extends CommonProviderOptions {
  credentials: Desk360Credentials;
  integrationId: number | undefined;
  baseUrl: string;
  webhookSecret: Desk360WebhookSecret | undefined;
  /** The app opted out of webhook authentication; only read when `webhookSecret` is absent. */
  allowUnauthenticatedWebhooks: boolean;
  templateCacheTtl: number;
}

const Secret = v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty'));
const HeaderName = v.pipe(v.string(), v.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name'));

// Strict: a misspelt option is refused, not ignored.
const OptionsSchema = v.strictObject({
  apiKey: v.optional(
    v.pipe(
      Secret,
      // The document's template examples send the bare key; its prose says
      // "Bearer <key>". Accept a key given either way, send it the documented way.
      v.transform((key) => key.replace(/^Bearer\s+/i, '')),
      v.regex(/^\S+$/, 'must be the API key alone, without spaces'),
    ),
  ),
  email: v.optional(v.pipe(v.string('must be a string'), v.trim(), v.email('must be an email address'))),
  password: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  integrationId: v.optional(
    v.pipe(
      v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/))], 'must be a positive integer'),
      v.transform(Number),
      v.integer('must be a positive integer'),
      v.minValue(1, 'must be a positive integer'),
    ),
  ),
  baseUrl: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  allowInsecureHttp: v.optional(v.boolean('must be a boolean')),
  webhookSecret: v.optional(
    v.union(
      [v.strictObject({ value: Secret, header: HeaderName }), v.strictObject({ value: Secret, query: v.pipe(v.string(), v.nonEmpty()) })],
      'must be { value, header } or { value, query }',
    ),
  ),
  allowUnauthenticatedWebhooks: v.optional(v.boolean('must be a boolean')),
  templateCacheTtl: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0, 'must be 0 or more ms'))),
  ...commonProviderOptionsEntries,
});

/** Validates the options (a bad one throws `ConfigurationError` naming it) and applies defaults. */
export function resolveOptions(options: Desk360Options): Desk360Config {
  const parsed = parseOptions(OptionsSchema, options, DESK360);
  const credentials = resolveCredentials(parsed);
  const checked = checkBaseUrl(parsed.baseUrl ?? DEFAULT_BASE_URL, { allowInsecure: parsed.allowInsecureHttp, provider: DESK360 });
  return {
    credentials,
    integrationId: parsed.integrationId,
    // Paths carry `/v1`; a base URL copied with it would double it.
    baseUrl: checked.replace(/\/v1$/, ''),
    webhookSecret: parsed.webhookSecret,
    allowUnauthenticatedWebhooks: parsed.allowUnauthenticatedWebhooks ?? false,
    templateCacheTtl: parsed.templateCacheTtl ?? DEFAULT_TEMPLATE_CACHE_TTL,
    ...commonOptions(options),
  };
}

function resolveCredentials(parsed: v.InferOutput<typeof OptionsSchema>): Desk360Credentials {
  const { apiKey, email, password } = parsed;
  if (apiKey !== undefined) {
    if (email !== undefined || password !== undefined) {
      throw new ConfigurationError('apiKey', 'give apiKey, or email and password, not both', { provider: DESK360 });
    }
    return { kind: 'apiKey', apiKey };
  }
  if (email !== undefined && password !== undefined) return { kind: 'login', email, password };
  const missing = email !== undefined ? 'password' : password !== undefined ? 'email' : 'apiKey';
  throw new ConfigurationError(missing, 'is required (give apiKey, or email and password)', { provider: DESK360 });
}

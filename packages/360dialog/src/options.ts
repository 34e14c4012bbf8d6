import {
  checkBaseUrl,
  commonOptions,
  commonProviderOptionsEntries,
  parseOptions,
  type CommonProviderOptions,
  type RateLimitOptions,
} from '@wamux/core/adapter';
import * as v from 'valibot';

/** The provider name, as `provider.name` and on every event and error. */
export const D360 = '360dialog' as const;

/** 360dialog's Cloud API host (its proxy in front of Meta's Graph API). */
export const DEFAULT_BASE_URL = 'https://waba-v2.360dialog.io';

/** The header 360dialog authenticates every request with: the API key of one phone number. */
export const API_KEY_HEADER = 'D360-API-KEY';

/**
 * The client-side limit by default: 80 messages a second, the Cloud API's
 * default throughput per business phone number, which 360dialog passes
 * through (error 130429 past it).
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requests: 80, interval: 1_000 };

/**
 * The secret 360dialog adds to every delivery: a header name and value the
 * app set in the webhook configuration (`headers` of `POST
 * /v1/configs/webhook`, or `d360.webhook.configure({ url, headers })`).
 */
export interface D360WebhookSecret {
  /** The header that carries it, e.g. `x-webhook-secret` (or `authorization`). */
  header: string;
  /** The secret. */
  value: string;
}

/** Options of `create360dialogProvider`. */
export interface D360Options extends CommonProviderOptions {
  /** The API key of the phone number (360dialog Hub), sent as `D360-API-KEY`: the only credential. */
  apiKey: string;
  /** Default `https://waba-v2.360dialog.io`; an emulator's URL in tests. */
  baseUrl?: string | undefined;
  /** Allow a plain `http://` base URL that is not loopback. */
  allowInsecureHttp?: boolean | undefined;
  /**
   * The header every delivery must carry. 360dialog does not sign message
   * webhooks: a secret header set in the webhook configuration is their
   * proof of origin. Without it (and without `allowUnauthenticatedWebhooks`)
   * `parseWebhook` refuses every delivery with a `ConfigurationError`
   * naming this option.
   */
  webhookSecret?: D360WebhookSecret | undefined;
  /**
   * Accept webhook deliveries without checking them when no `webhookSecret`
   * is configured. Anyone who finds the URL can then post forged messages:
   * local development only. Default `false`.
   */
  allowUnauthenticatedWebhooks?: boolean | undefined;
}

/** Options after validation, with defaults applied. */
export interface D360Config extends CommonProviderOptions {
  apiKey: string;
  baseUrl: string;
  webhookSecret: D360WebhookSecret | undefined;
  allowUnauthenticatedWebhooks: boolean;
}

const Secret = v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty'));
const HeaderName = v.pipe(v.string('must be a string'), v.regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name'));

const OptionsSchema = v.strictObject({
  apiKey: v.pipe(Secret, v.regex(/^\S+$/, 'must be the API key alone, without spaces')),
  baseUrl: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  allowInsecureHttp: v.optional(v.boolean('must be a boolean')),
  webhookSecret: v.optional(v.strictObject({ header: HeaderName, value: Secret }, 'must be { header, value }')),
  allowUnauthenticatedWebhooks: v.optional(v.boolean('must be a boolean')),
  ...commonProviderOptionsEntries,
});

/** Validates the options (a bad or unknown one throws `ConfigurationError` naming it) and applies defaults. */
export function resolveOptions(options: D360Options): D360Config {
  const parsed = parseOptions(OptionsSchema, options, D360);
  return {
    apiKey: parsed.apiKey,
    baseUrl: checkBaseUrl(parsed.baseUrl ?? DEFAULT_BASE_URL, { allowInsecure: parsed.allowInsecureHttp, provider: D360 }),
    webhookSecret: parsed.webhookSecret === undefined ? undefined : { header: parsed.webhookSecret.header.toLowerCase(), value: parsed.webhookSecret.value },
    allowUnauthenticatedWebhooks: parsed.allowUnauthenticatedWebhooks ?? false,
    ...commonOptions(options),
  };
}

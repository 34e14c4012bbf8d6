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
export const CLOUD_API = 'cloud-api' as const;

/** Meta's Graph API host. */
export const DEFAULT_BASE_URL = 'https://graph.facebook.com';

/** The Graph API version requests go to unless `graphVersion` says otherwise. */
export const DEFAULT_GRAPH_VERSION = 'v23.0';

/**
 * The client-side limit by default: 80 messages a second, the Cloud API's
 * default throughput per business phone number (error 130429 past it).
 */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requests: 80, interval: 1_000 };

/** Options of `createCloudApiProvider`. */
export interface CloudApiOptions extends CommonProviderOptions {
  /** A system user (or user) access token, sent as `Authorization: Bearer <token>`. */
  accessToken: string;
  /** The business phone number's id (not the number itself): messages go from it. */
  phoneNumberId: string | number;
  /** The WhatsApp Business Account id: needed by `listTemplates()` / `templates.list()`. */
  businessAccountId?: string | number | undefined;
  /** The Graph API version, e.g. `v23.0`. Default {@link DEFAULT_GRAPH_VERSION}. */
  graphVersion?: string | undefined;
  /** Default `https://graph.facebook.com`; an emulator's URL in tests. */
  baseUrl?: string | undefined;
  /** Allow a plain `http://` base URL (a local emulator). */
  allowInsecureHttp?: boolean | undefined;
  /**
   * The app secret: every webhook delivery's `X-Hub-Signature-256` is
   * checked against it. Without it (and without
   * `allowUnauthenticatedWebhooks`), `parseWebhook` refuses every delivery
   * with a `ConfigurationError` naming this option.
   */
  appSecret?: string | undefined;
  /** The verify token set in the App Dashboard, which the subscription handshake (`GET ?hub.verify_token=...`) must carry. */
  verifyToken?: string | undefined;
  /**
   * Accept webhook deliveries without checking their signature when no
   * `appSecret` is configured. Anyone who finds the URL can then post
   * forged messages: local development only. Default `false`.
   */
  allowUnauthenticatedWebhooks?: boolean | undefined;
}

/** Options after validation, with defaults applied. */
export interface CloudApiConfig extends CommonProviderOptions {
  accessToken: string;
  phoneNumberId: string;
  businessAccountId: string | undefined;
  graphVersion: string;
  /** The Graph host, without the version. */
  baseUrl: string;
  appSecret: string | undefined;
  verifyToken: string | undefined;
  allowUnauthenticatedWebhooks: boolean;
}

const Secret = v.pipe(v.string('must be a string'), v.trim(), v.nonEmpty('must not be empty'));
const GraphId = v.pipe(
  v.union(
    [v.pipe(v.number(), v.integer(), v.minValue(1)), v.pipe(v.string(), v.trim(), v.regex(/^\d+$/, 'must be a numeric Graph id'))],
    'must be a numeric Graph id',
  ),
  v.transform(String),
);

const OptionsSchema = v.strictObject({
  accessToken: v.pipe(
    Secret,
    // Accept a token copied with its scheme; send it the documented way.
    v.transform((token) => token.replace(/^Bearer\s+/i, '')),
    v.regex(/^\S+$/, 'must be the access token alone, without spaces'),
  ),
  phoneNumberId: GraphId,
  businessAccountId: v.optional(GraphId),
  graphVersion: v.optional(v.pipe(v.string('must be a string'), v.regex(/^v\d+\.\d+$/, 'must be a Graph API version such as v23.0'))),
  baseUrl: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  allowInsecureHttp: v.optional(v.boolean('must be a boolean')),
  appSecret: v.optional(Secret),
  verifyToken: v.optional(Secret),
  allowUnauthenticatedWebhooks: v.optional(v.boolean('must be a boolean')),
  ...commonProviderOptionsEntries,
});

/** Validates the options (a bad or unknown one throws `ConfigurationError` naming it) and applies defaults. */
export function resolveOptions(options: CloudApiOptions): CloudApiConfig {
  const parsed = parseOptions(OptionsSchema, options, CLOUD_API);
  const checked = checkBaseUrl(parsed.baseUrl ?? DEFAULT_BASE_URL, { allowInsecure: parsed.allowInsecureHttp, provider: CLOUD_API });
  const graphVersion = parsed.graphVersion ?? DEFAULT_GRAPH_VERSION;
  return {
    accessToken: parsed.accessToken,
    phoneNumberId: parsed.phoneNumberId,
    businessAccountId: parsed.businessAccountId,
    graphVersion,
    // A base URL copied with the version would double it.
    baseUrl: checked.replace(/\/v\d+\.\d+$/, ''),
    appSecret: parsed.appSecret,
    verifyToken: parsed.verifyToken,
    allowUnauthenticatedWebhooks: parsed.allowUnauthenticatedWebhooks ?? false,
    ...commonOptions(options),
  };
}

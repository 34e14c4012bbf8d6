import { checkBaseUrl, isLoopbackHost, commonProviderOptionsEntries, ConfigurationError, parseOptions, type CommonProviderOptions } from '@wamux/core/adapter';
import * as v from 'valibot';

/** The adapter's name, stamped on every event and error: `Provider<'getchat'>`. */
export const GETCHAT = 'getchat' as const;

/** API base of a stack: `https://{stack}.inbox.getchat.360dialog.io/api/v1`. */
export function stackBaseUrl(stack: string): string {
  return `https://${stack}.inbox.getchat.360dialog.io/api/v1`;
}

/**
 * The websockets server of an API base: the API host with `websockets-` in
 * front (`wss://websockets-{stack}.inbox.getchat.360dialog.io/`). `undefined`
 * for a base on an IP address or `localhost`, which has no such sibling host.
 */
export function websocketUrlFor(baseUrl: string): string | undefined {
  const url = new URL(baseUrl);
  if (url.hostname === 'localhost' || /^[\d.]+$|^\[.*\]$/.test(url.hostname)) return undefined;
  return `${url.protocol === 'http:' ? 'ws' : 'wss'}://websockets-${url.host}/`;
}

/** `Authorization: Token <token>`: a token from `POST /auth/token/` or an app user's activation. */
export interface GetchatTokenAuth {
  token: string;
}

/** `D360-Api-Key: <key>`: the 360dialog API key; get.chat authenticates you as the inbox's first admin. */
export interface GetchatD360Auth {
  d360ApiKey: string;
}

/** Username and password, exchanged once through `POST /auth/token/` (again after a 401). */
export interface GetchatPasswordAuth {
  username: string;
  password: string;
}

/** A refresh token, converted through `POST /auth/convert_refresh_token/` (again after a 401). */
export interface GetchatRefreshTokenAuth {
  refreshToken: string;
  /**
   * Ask get.chat to keep the refresh token valid after converting it, so the
   * adapter can convert it again when the auth token is revoked. Default
   * `true`; with `false` the refresh token works exactly once.
   */
  keepRefreshToken?: boolean | undefined;
}

/** Exactly one of the four ways get.chat authenticates an API call. */
export type GetchatCredentials = GetchatTokenAuth | GetchatD360Auth | GetchatPasswordAuth | GetchatRefreshTokenAuth;

/** Where the API is: a full base URL, or the stack name it is built from. */
export type GetchatLocation = { baseUrl: string; stack?: undefined } | { stack: string; baseUrl?: undefined };

/**
 * Options of `createGetchatProvider`. `TPaths` is the type of the `paths`
 * option: provider.ts narrows it to the path table's operation names
 * (`GetchatOptions`); this file does not import the client, which owns the table.
 */
export type GetchatOptionsOf<TPaths> = GetchatLocation &
  GetchatCredentials &
  CommonProviderOptions & {
    /**
     * The shared secret of your WABA webhook URL (`https://you.example/hook?auth=<secret>`):
     * deliveries without it are refused with 401. Without it or
     * `webhookHeaders` (and without `allowUnauthenticatedWebhooks`),
     * `parseWebhook` refuses every delivery with a `ConfigurationError`
     * naming this option.
     */
    webhookSecret?: string | undefined;
    /**
     * Headers configured on the WABA webhook (its `headers` field). When set,
     * every delivery must carry each of them with the same value.
     */
    webhookHeaders?: Record<string, string> | undefined;
    /**
     * Accept webhook deliveries without authenticating them when neither
     * `webhookSecret` nor `webhookHeaders` is configured (configured ones are
     * always checked). Anyone who finds the URL can then post forged
     * messages and statuses: an explicit opt-out, for local development or a
     * network path that is authenticated otherwise. Default `false`.
     */
    allowUnauthenticatedWebhooks?: boolean | undefined;
    /**
     * Per-operation path overrides, e.g. `{ blockContact: '/contacts/{wa_id}/block/' }`:
     * for the experimental operations, whose paths the adapter had to infer
     * (see the docs page). Names are checked against the path table when the
     * provider is created.
     */
    paths?: TPaths | undefined;
    /** The websockets server; derived from the API host by default. */
    websocketUrl?: string | undefined;
    /** Allow `http://` and `ws://` URLs (a local emulator). */
    allowInsecureHttp?: boolean | undefined;
  };

const NonEmpty = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/** A path override: below the API base, starting with `/`, without query string or host. */
const PathOverride = v.pipe(
  v.string('must be a path string'),
  v.regex(/^\/[^?#\s]*$/, 'must be a path below the API base starting with "/", without query string'),
);

const OptionsSchema = v.strictObject({
  baseUrl: v.optional(NonEmpty),
  stack: v.optional(v.pipe(NonEmpty, v.regex(/^[a-z0-9-]+$/i, 'must be a stack name such as "acme" (letters, digits, dashes)'))),
  token: v.optional(NonEmpty),
  d360ApiKey: v.optional(NonEmpty),
  username: v.optional(NonEmpty),
  password: v.optional(NonEmpty),
  refreshToken: v.optional(NonEmpty),
  keepRefreshToken: v.optional(v.boolean('must be a boolean')),
  webhookSecret: v.optional(NonEmpty),
  webhookHeaders: v.optional(v.record(v.pipe(v.string(), v.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a header name')), v.string())),
  allowUnauthenticatedWebhooks: v.optional(v.boolean('must be a boolean')),
  paths: v.optional(v.record(v.string(), PathOverride)),
  websocketUrl: v.optional(NonEmpty),
  allowInsecureHttp: v.optional(v.boolean('must be a boolean')),
  ...commonProviderOptionsEntries,
});

type ParsedOptions = v.InferOutput<typeof OptionsSchema>;

/** The credentials after validation: a tagged union the auth module matches on. */
export type ResolvedCredentials =
  | { method: 'token'; token: string }
  | { method: 'd360ApiKey'; apiKey: string }
  | { method: 'password'; username: string; password: string }
  | { method: 'refreshToken'; refreshToken: string; keepRefreshToken: boolean };

/** Validated options, with the base URL and credentials resolved. */
export interface ResolvedOptions
  extends Omit<ParsedOptions, 'baseUrl' | 'stack' | 'token' | 'd360ApiKey' | 'username' | 'password' | 'refreshToken' | 'keepRefreshToken'> {
  baseUrl: string;
  /** `undefined` when it cannot be derived and was not given (`live.connect()` then needs a `url`). */
  websocketUrl: string | undefined;
  credentials: ResolvedCredentials;
}

/** Validates `createGetchatProvider` options; a bad one throws `ConfigurationError` naming it. */
export function resolveOptions(options: GetchatOptionsOf<Readonly<Record<string, string>>>): ResolvedOptions {
  const parsed = parseOptions(OptionsSchema, options, GETCHAT);
  const { baseUrl: rawBase, stack, token, d360ApiKey, username, password, refreshToken, keepRefreshToken, ...rest } = parsed;
  if ((rawBase === undefined) === (stack === undefined)) {
    throw new ConfigurationError('baseUrl', 'give either baseUrl or stack (exactly one)', { provider: GETCHAT });
  }
  const baseUrl = checkBaseUrl(rawBase ?? stackBaseUrl(stack as string), { allowInsecure: rest.allowInsecureHttp, provider: GETCHAT });
  const websocketUrl = rest.websocketUrl ?? websocketUrlFor(baseUrl);
  if (websocketUrl !== undefined) checkWebsocketUrl(websocketUrl, rest.allowInsecureHttp ?? false);
  return { ...rest, baseUrl, websocketUrl, credentials: resolveCredentials({ token, d360ApiKey, username, password, refreshToken, keepRefreshToken }) };
}

function resolveCredentials(
  input: Pick<ParsedOptions, 'token' | 'd360ApiKey' | 'username' | 'password' | 'refreshToken' | 'keepRefreshToken'>,
): ResolvedCredentials {
  const given = [
    input.token !== undefined && 'token',
    input.d360ApiKey !== undefined && 'd360ApiKey',
    (input.username !== undefined || input.password !== undefined) && 'username/password',
    input.refreshToken !== undefined && 'refreshToken',
  ].filter((method): method is string => method !== false);
  if (given.length !== 1) {
    const message =
      given.length === 0 ? 'give one auth method: token, d360ApiKey, username + password, or refreshToken' : `give one auth method, not ${given.join(' and ')}`;
    throw new ConfigurationError('token', message, { provider: GETCHAT });
  }
  if (input.token !== undefined) return { method: 'token', token: input.token };
  if (input.d360ApiKey !== undefined) return { method: 'd360ApiKey', apiKey: input.d360ApiKey };
  if (input.refreshToken !== undefined) return { method: 'refreshToken', refreshToken: input.refreshToken, keepRefreshToken: input.keepRefreshToken ?? true };
  if (input.username === undefined) throw new ConfigurationError('username', 'is required with password', { provider: GETCHAT });
  if (input.password === undefined) throw new ConfigurationError('password', 'is required with username', { provider: GETCHAT });
  return { method: 'password', username: input.username, password: input.password };
}

/** Checks a websocket URL: absolute, ws(s), and `wss:` unless the caller opted in to plain connections. */
export function checkWebsocketUrl(url: string, allowInsecure: boolean): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError('websocketUrl', 'must be an absolute ws(s) URL', { provider: GETCHAT });
  }
  if (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') throw new ConfigurationError('websocketUrl', 'must be a ws(s) URL', { provider: GETCHAT });
  if (parsed.protocol === 'ws:' && !allowInsecure && !isLoopbackHost(parsed.hostname)) {
    throw new ConfigurationError(
      'websocketUrl',
      'get.chat requires wss:// outside this machine (plain ws is allowed to localhost, 127.x.x.x and [::1]); for an emulator on another host set allowInsecureHttp: true',
      { provider: GETCHAT },
    );
  }
}

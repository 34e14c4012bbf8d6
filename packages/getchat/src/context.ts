import { ConfigurationError, type HttpClient } from '@wamux/core';
import type { AuthSession } from './auth';
import type { ResolvedCredentials } from './options';
import type { GetchatOperationName, GetchatPathTable } from './paths';
import type { TrustedRequests } from './webhook/parse';

/**
 * What every get.chat operation module needs: the HTTP client, and the
 * method and path of each operation it may call.
 *
 * This file is the seam between the adapter core (auth, messages, media,
 * webhooks: src/*.ts) and the other entry points, the operation groups
 * (src/operations/*.ts, `@wamux/getchat/operations`) and live events
 * (src/live.ts, `@wamux/getchat/live`), which reach a provider's
 * {@link GetchatContexts} through {@link GETCHAT_CONTEXTS}.
 */
export interface GetchatContext {
  readonly provider: 'getchat';
  /** The core HTTP client; the provider's authenticated one carries auth headers, limiter and error mapping. */
  readonly http: HttpClient;
  /**
   * The operations this context calls: method and default path of each. The
   * provider's contexts hold its own (src/paths.ts); the operation groups
   * add theirs (src/operations/paths.ts).
   */
  readonly operations: GetchatPathTable;
  /** The user's path overrides, applied by `resolvePath` (src/paths.ts). */
  readonly overrides: Readonly<Partial<Record<GetchatOperationName, string>>> | undefined;
}

/** What a provider hands its other entry points. */
export interface GetchatContexts {
  /** The authenticated context. */
  readonly ctx: GetchatContext;
  /** A context without credentials: the login endpoints, links handed out by the API. */
  readonly publicCtx: GetchatContext;
  /** What live connections need besides. */
  readonly live: {
    /** The websockets server of the options; `undefined` when it cannot be derived. */
    readonly websocketUrl: string | undefined;
    readonly allowInsecureHttp: boolean;
    /** How the provider authenticates: the websocket wants a token, which some methods can renew. */
    readonly credentials: ResolvedCredentials['method'];
    readonly session: AuthSession;
    /** Requests built from websocket frames, which `parseWebhook` trusts without the shared secret. */
    readonly trusted: TrustedRequests;
    /** Open connections; `provider.close()` closes them. */
    readonly connections: Set<{ close(): Promise<void> }>;
  };
}

/**
 * The key of a provider's {@link GetchatContexts}, a non-enumerable property.
 * `Symbol.for`, not `Symbol()`: the ESM and CommonJS builds, and entries an
 * app bundles separately, each evaluate this module, and must agree on the key.
 */
export const GETCHAT_CONTEXTS = Symbol.for('@wamux/getchat/context');

/** The contexts `createGetchatProvider` stored on `provider`; a `ConfigurationError` naming the argument for anything else. */
export function contextsOf(provider: unknown): GetchatContexts {
  const contexts = typeof provider === 'object' && provider !== null ? (provider as { [GETCHAT_CONTEXTS]?: GetchatContexts })[GETCHAT_CONTEXTS] : undefined;
  if (contexts === undefined) {
    throw new ConfigurationError('provider', 'must be a get.chat provider, from createGetchatProvider() or createProvider({ provider: "getchat" })', { provider: 'getchat' });
  }
  return contexts;
}

// Live events over get.chat's websockets server, for an app without a public
// webhook URL: a vendor extra ("wamux": { "extras": ["live"] }), reached as
// the provider's `live` property (`getchat.live.connect()`).

import { ConfigurationError, createWebhookHandler, type Provider } from '@wamux/core/adapter';
import type { GetchatClient } from '../client';
import { callOperation } from '../client/call';
import { retrieveRefreshToken } from '../client/refresh-token';
import { convertRefreshToken } from '../client/token-exchanges';
import { checkWebsocketUrl, GETCHAT, type ResolvedCredentials } from '../options';
import type { TrustedRequests } from '../webhook/parse';
import { UserWire } from '../wire/users';
import { openLiveConnection, type GetchatLiveConnection, type GetchatLiveOptions } from './client';

/** Live events over the get.chat websockets server, without a public webhook URL: `getchat.live`. */
export interface GetchatLive {
  /**
   * Connects to the websockets server, authenticates with the provider's
   * token, and emits every `waba_webhook` frame through the same parser and
   * handler as webhook deliveries. Reconnects with backoff after a drop.
   * `provider.close()` closes every connection it opened.
   */
  connect(options?: GetchatLiveOptions): GetchatLiveConnection;
}

/** What live connections need from the provider that creates them. */
export interface LiveDeps {
  client: GetchatClient;
  /** The websockets server of the options; `undefined` when it cannot be derived. */
  websocketUrl: string | undefined;
  allowInsecureHttp: boolean;
  /** How the provider authenticates: the websocket wants a token, which some methods can renew. */
  credentials: ResolvedCredentials['method'];
  /** Requests built from websocket frames, which `parseWebhook` trusts without the shared secret. */
  trusted: TrustedRequests;
  /** The provider, for the default handler (`createWebhookHandler(provider)`). */
  provider(): Provider<'getchat'>;
}

/**
 * The token a live connection authenticates with. A D360-Api-Key
 * authenticates HTTP only; the websockets server wants a token. The key's
 * user (an admin) can fetch and convert its own refresh token, keeping it
 * valid for the password-less flow; it is fetched once per provider.
 */
function tokenSource(deps: LiveDeps): (renew: boolean) => Promise<string> {
  const { session, ctx, publicCtx } = deps.client;
  let d360Token: string | undefined;
  return async (renew) => {
    if (deps.credentials !== 'd360ApiKey') {
      if (renew) await session.renew();
      return (await session.cachedToken()) as string;
    }
    if (d360Token !== undefined && !renew) return d360Token;
    const me = await callOperation(ctx, 'retrieveCurrentUser', { schema: UserWire });
    const { refreshToken } = await retrieveRefreshToken(ctx, me.id, undefined);
    d360Token = (await convertRefreshToken(publicCtx, refreshToken, true, undefined)).token;
    return d360Token;
  };
}

/**
 * Creates a provider's `live` property, and `closeAll` for `provider.close()`,
 * which closes every connection it opened.
 */
export function createGetchatLive(deps: LiveDeps): { live: GetchatLive; closeAll(): Promise<void> } {
  const connections = new Set<GetchatLiveConnection>();
  const token = tokenSource(deps);
  const live: GetchatLive = {
    connect(options = {}) {
      const url = options.url ?? deps.websocketUrl;
      if (url === undefined)
        throw new ConfigurationError('websocketUrl', 'cannot be derived from a base URL on an IP address; pass websocketUrl', { provider: GETCHAT });
      if (options.url !== undefined) checkWebsocketUrl(options.url, deps.allowInsecureHttp);
      const connection = openLiveConnection(
        {
          url,
          handler: options.handler ?? createWebhookHandler(deps.provider()),
          trusted: deps.trusted,
          token,
          canRenew: deps.credentials !== 'token',
          redact: (text) => deps.client.ctx.http.redact(text),
        },
        {
          ...options,
          onStateChange: (state) => {
            // A closed connection is forgotten, so connecting again and again holds nothing.
            if (state === 'closed') connections.delete(connection);
            options.onStateChange?.(state);
          },
        },
      );
      connections.add(connection);
      return connection;
    },
  };
  return {
    live,
    async closeAll() {
      const open = [...connections];
      connections.clear();
      await Promise.all(open.map((connection) => connection.close()));
    },
  };
}

export type { GetchatLiveConnection, GetchatLiveOptions, GetchatLiveState, GetchatReconnectOptions } from './client';

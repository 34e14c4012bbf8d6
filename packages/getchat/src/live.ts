// @wamux/getchat/live: live events over get.chat's websockets server, for an
// app without a public webhook URL. A separate entry so that an app that
// receives webhooks does not bundle the websocket client; see
// docs/providers/getchat.md.

import { ConfigurationError, createWebhookHandler, type Provider } from '@wamux/core';
import { contextsOf, type GetchatContexts } from './context';
import { UserWire } from './operations/schemas/users';
import { callOperation } from './operations/shared/call';
import { checkWebsocketUrl, PROVIDER } from './options';
import { retrieveRefreshToken } from './refresh-token';
import { convertRefreshToken } from './token-exchanges';
import { openLiveConnection, type GetchatLiveConnection, type GetchatLiveOptions } from './websocket/client';

/** Live events over the get.chat websockets server, without a public webhook URL. */
export interface GetchatLiveOperations {
  /**
   * Connects to the websockets server, authenticates with the provider's
   * token, and emits every `waba_webhook` frame through the same parser and
   * handler as webhook deliveries. Reconnects with backoff after a drop.
   * `provider.close()` closes every connection it opened.
   */
  connect(options?: GetchatLiveOptions): GetchatLiveConnection;
}

// The websocket token of each D360-Api-Key provider, fetched once (see tokenFor).
const d360Tokens = new WeakMap<GetchatContexts, string>();

/**
 * The token a live connection authenticates with. A D360-Api-Key
 * authenticates HTTP only; the websockets server wants a token. The key's
 * user (an admin) can fetch and convert its own refresh token, keeping it
 * valid for the password-less flow.
 */
async function tokenFor(contexts: GetchatContexts, renew: boolean): Promise<string> {
  const { session, credentials } = contexts.live;
  if (credentials !== 'd360ApiKey') {
    if (renew) await session.renew();
    return (await session.cachedToken()) as string;
  }
  const cached = d360Tokens.get(contexts);
  if (cached !== undefined && !renew) return cached;
  const me = await callOperation(contexts.ctx, 'retrieveCurrentUser', { schema: UserWire });
  const { refreshToken } = await retrieveRefreshToken(contexts.ctx, me.id, undefined);
  const { token } = await convertRefreshToken(contexts.publicCtx, refreshToken, true, undefined);
  d360Tokens.set(contexts, token);
  return token;
}

/**
 * Live events of a get.chat provider, on its credentials:
 *
 * ```ts
 * const live = getchatLive(provider).connect({ handler: webhooks });
 * await live.ready;
 * ```
 *
 * Throws `ConfigurationError` (field `provider`) when `provider` is not a
 * get.chat provider.
 */
export function getchatLive(provider: Provider): GetchatLiveOperations {
  const contexts = contextsOf(provider);
  const { websocketUrl, allowInsecureHttp, credentials, trusted, connections } = contexts.live;
  return {
    connect(options = {}) {
      const url = options.url ?? websocketUrl;
      if (url === undefined) throw new ConfigurationError('websocketUrl', 'cannot be derived from a base URL on an IP address; pass websocketUrl', { provider: PROVIDER });
      if (options.url !== undefined) checkWebsocketUrl(options.url, allowInsecureHttp);
      const connection = openLiveConnection(
        {
          url,
          handler: options.handler ?? createWebhookHandler(provider),
          trusted,
          token: (renew) => tokenFor(contexts, renew),
          canRenew: credentials !== 'token',
          redact: (text) => contexts.ctx.http.redact(text),
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
}

export type { GetchatLiveConnection, GetchatLiveOptions, GetchatLiveState, GetchatReconnectOptions } from './websocket/client';

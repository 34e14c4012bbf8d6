import {
  ConfigurationError,
  createHttpClient,
  createWebhookHandler,
  defineProvider,
  e164Digits,
  resolveRateLimiter,
  type HistoryMessage,
  type HttpClient,
  type Provider,
  type ProviderDriver,
} from '@wamux/core';
import { createAccountsOperations, type GetchatAccountsOperations } from './accounts';
import { createAuthSession } from './auth';
import { createAuthOperations, tokenExchanges, type GetchatAuthOperations } from './auth-operations';
import { capabilitiesFor } from './capabilities';
import type { GetchatContext } from './context';
import { mapGetchatError } from './http-errors';
import { createMediaOperations, type GetchatMediaOperations } from './media';
import { historyMessageOf } from './messages/history-message';
import { createMessagesOperations, type GetchatMessagesOperations } from './messages/operations';
import { createGetchatOperations, type GetchatOperationGroups } from './operations';
import { UserWire } from './operations/schemas/users';
import { callOperation } from './operations/shared/call';
import { checkWebsocketUrl, PROVIDER, resolveOptions, type GetchatOptions } from './options';
import { getchatPaths, isGetchatOperation, resolvePath } from './paths';
import { createReadMarker } from './read-marks';
import { sendMessage } from './send/send-message';
import { listNormalizedTemplates } from './templates';
import { createTrustedRequests, parseGetchatWebhook } from './webhook/parse';
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

/** The typed vendor operations of the get.chat provider, one namespace per section of the document. */
export interface GetchatOperations extends GetchatOperationGroups {
  /** Authorization: tokens, refresh tokens. */
  readonly auth: GetchatAuthOperations;
  /** WhatsApp Accounts. */
  readonly accounts: GetchatAccountsOperations;
  /** Messages: create in WhatsApp's format, list, history, retrieve, mark as received. */
  readonly messages: GetchatMessagesOperations;
  /** Media Files: upload and download. */
  readonly media: GetchatMediaOperations;
  /** The websockets server. */
  readonly live: GetchatLiveOperations;
}

/** The get.chat provider: the wamux `Provider` plus every get.chat operation. */
export type GetchatProvider = Provider<'getchat'> & GetchatOperations;

/**
 * Creates a get.chat (360dialog inbox) provider.
 *
 * ```ts
 * const getchat = createGetchatProvider({ stack: 'acme', token: process.env.GETCHAT_TOKEN! });
 * await getchat.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * ```
 */
export function createGetchatProvider(options: GetchatOptions): GetchatProvider {
  const config = resolveOptions(options);
  const rateLimiter = resolveRateLimiter(config.rateLimit, undefined);
  const webhookSecrets = [config.webhookSecret, ...Object.values(config.webhookHeaders ?? {})].filter((s): s is string => s !== undefined);
  // Read per request, so a token obtained later is scrubbed from errors too.
  const secrets = () => [...authSession.secrets(), ...webhookSecrets];
  const httpOptions = {
    provider: PROVIDER,
    baseUrl: config.baseUrl,
    secrets,
    fetch: config.fetch,
    timeout: config.timeout,
    retry: config.retry,
    rateLimiter,
    mapError: mapGetchatError,
  };
  const contextOf = (http: HttpClient): GetchatContext => ({
    provider: PROVIDER,
    http,
    path(operation, params) {
      if (!isGetchatOperation(operation)) throw new TypeError(`unknown get.chat operation ${operation}`);
      return resolvePath(getchatPaths, config.paths, operation, params);
    },
  });

  // The login endpoints go through a client without credentials: the token
  // they produce is what the authenticated client's headers need.
  const publicCtx = contextOf(createHttpClient(httpOptions));
  const authSession = createAuthSession(config.credentials, tokenExchanges(publicCtx));
  const ctx = contextOf(createHttpClient({ ...httpOptions, headers: () => authSession.headers(), refreshCredentials: () => authSession.renew() }));
  const auth = createAuthOperations(publicCtx, ctx);

  const messages = createMessagesOperations(ctx);
  const media = createMediaOperations(ctx);
  const readMarker = createReadMarker(messages);
  const trusted = createTrustedRequests();
  const connections = new Set<GetchatLiveConnection>();
  const verification = { secret: config.webhookSecret, headers: config.webhookHeaders };

  // A D360-Api-Key authenticates HTTP only; the websockets server wants a
  // token. The key's user (an admin) can fetch and convert its own refresh
  // token, keeping it valid for the password-less flow.
  let liveToken: string | undefined;
  const tokenForLive = async (renew: boolean): Promise<string> => {
    if (config.credentials.method !== 'd360ApiKey') {
      if (renew) await authSession.renew();
      return (await authSession.cachedToken()) as string;
    }
    if (liveToken !== undefined && !renew) return liveToken;
    const me = await callOperation(ctx, 'retrieveCurrentUser', { schema: UserWire });
    const { refreshToken } = await auth.retrieveRefreshToken(me.id);
    liveToken = (await auth.convertRefreshToken({ refreshToken, keepRefreshToken: true })).token;
    return liveToken;
  };

  const driver: ProviderDriver<'getchat'> = {
    specificationVersion: 'v1',
    name: PROVIDER,
    capabilities: capabilitiesFor(config.webhookSecret !== undefined || Object.keys(config.webhookHeaders ?? {}).length > 0),
    send: (message, { signal }) => sendMessage(ctx, media, message, signal),
    async parseWebhook(request) {
      const result = await parseGetchatWebhook(request, verification, trusted);
      readMarker.rememberEvents(result.events);
      return result;
    },
    async uploadMedia(upload, { signal }) {
      const stored = await media.upload(upload, { signal });
      return { id: stored.id, raw: stored };
    },
    downloadMedia: (mediaId, { signal }) => media.download(mediaId, { signal }),
    markRead: (messageId, { signal }) => readMarker.markRead(messageId, signal),
    listTemplates: (listOptions) => listNormalizedTemplates(ctx, listOptions),
    async *listMessages(query) {
      const contact = query.contact ?? query.conversationId;
      const walk = messages.history({
        waId: contact === undefined ? undefined : contact.startsWith('+') ? e164Digits(contact) : contact,
        before: query.before,
        since: query.since,
        order: query.order,
        signal: query.signal,
      });
      let yielded = 0;
      for await (const message of walk) {
        readMarker.rememberMessage(message);
        const history: HistoryMessage | undefined = historyMessageOf(message);
        if (!history) continue;
        yield history;
        yielded += 1;
        if (query.limit !== undefined && yielded >= query.limit) return;
      }
    },
    async close() {
      const open = [...connections];
      connections.clear();
      await Promise.all(open.map((connection) => connection.close()));
    },
  };

  let provider: GetchatProvider | undefined;
  const live: GetchatLiveOperations = {
    connect(liveOptions = {}) {
      const url = liveOptions.url ?? config.websocketUrl;
      if (url === undefined) throw new ConfigurationError('websocketUrl', 'cannot be derived from a base URL on an IP address; pass websocketUrl', { provider: PROVIDER });
      if (liveOptions.url !== undefined) checkWebsocketUrl(liveOptions.url, config.allowInsecureHttp ?? false);
      const handler = liveOptions.handler ?? createWebhookHandler(provider as GetchatProvider);
      const connection = openLiveConnection(
        {
          url,
          handler,
          trusted,
          token: tokenForLive,
          canRenew: config.credentials.method !== 'token',
          redact: (text) => ctx.http.redact(text),
        },
        {
          ...liveOptions,
          onStateChange: (state) => {
            // A closed connection is forgotten, so connecting again and again holds nothing.
            if (state === 'closed') connections.delete(connection);
            liveOptions.onStateChange?.(state);
          },
        },
      );
      connections.add(connection);
      return connection;
    },
  };

  const created: GetchatProvider = defineProvider(driver, {
    ...createGetchatOperations(ctx),
    auth,
    accounts: createAccountsOperations(ctx),
    messages,
    media,
    live,
  } satisfies GetchatOperations);
  provider = created;
  return created;
}

import {
  createHttpClient,
  defineProvider,
  e164Digits,
  resolveRateLimiter,
  type HistoryMessage,
  type HttpClient,
  type Provider,
  type ProviderDriver,
} from '@wamux/core';
import { createAuthSession } from './auth';
import { capabilitiesFor } from './capabilities';
import { GETCHAT_CONTEXTS, type GetchatContext, type GetchatContexts } from './context';
import { mapGetchatError } from './http-errors';
import { downloadMediaFile, uploadMediaFile } from './media';
import { messageHistory } from './messages/calls';
import { historyMessageOf } from './messages/history-message';
import { PROVIDER, resolveOptions, type GetchatOptions } from './options';
import { providerPaths } from './paths';
import { createReadMarker } from './read-marks';
import { sendMessage } from './send/send-message';
import { listNormalizedTemplates } from './templates';
import { tokenExchanges } from './token-exchanges';
import { createTrustedRequests, parseGetchatWebhook } from './webhook/parse';
import { hasWebhookCredentials } from './webhook/verify';

/**
 * The get.chat provider: the wamux `Provider` contract. The typed get.chat
 * operations are in `@wamux/getchat/operations` (`getchatOperations(provider)`)
 * and live events in `@wamux/getchat/live` (`getchatLive(provider)`), so an
 * app bundles only what it uses.
 */
export type GetchatProvider = Provider<'getchat'>;

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
    logger: config.logger,
    telemetry: config.telemetry,
  };
  const contextOf = (http: HttpClient): GetchatContext => ({ provider: PROVIDER, http, operations: providerPaths, overrides: config.paths });

  // The login endpoints go through a client without credentials: the token
  // they produce is what the authenticated client's headers need.
  const publicCtx = contextOf(createHttpClient(httpOptions));
  const authSession = createAuthSession(config.credentials, tokenExchanges(publicCtx));
  const ctx = contextOf(createHttpClient({ ...httpOptions, headers: () => authSession.headers(), refreshCredentials: () => authSession.renew() }));

  const readMarker = createReadMarker(ctx);
  const trusted = createTrustedRequests();
  // Live connections (@wamux/getchat/live) register here, so close() closes them.
  const connections = new Set<{ close(): Promise<void> }>();
  const verification = { secret: config.webhookSecret, headers: config.webhookHeaders, allowUnauthenticated: config.allowUnauthenticatedWebhooks };

  const driver: ProviderDriver<'getchat'> = {
    specificationVersion: 'v1',
    name: PROVIDER,
    capabilities: capabilitiesFor(hasWebhookCredentials(verification)),
    send: (message, { signal }) => sendMessage(ctx, message, signal),
    async parseWebhook(request) {
      const result = parseGetchatWebhook(request, verification, trusted);
      readMarker.rememberEvents(result.events);
      return result;
    },
    async uploadMedia(upload, { signal }) {
      const stored = await uploadMediaFile(ctx, upload, { signal });
      return { id: stored.id, raw: stored };
    },
    downloadMedia: (mediaId, { signal }) => downloadMediaFile(ctx, mediaId, { signal }),
    markRead: (messageId, { signal }) => readMarker.markRead(messageId, signal),
    listTemplates: (listOptions) => listNormalizedTemplates(ctx, listOptions),
    async *listMessages(query) {
      const contact = query.contact ?? query.conversationId;
      const walk = messageHistory(ctx, {
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

  const provider: GetchatProvider = defineProvider(driver);
  // What @wamux/getchat/operations and @wamux/getchat/live read; non-enumerable,
  // so spreading or logging the provider does not show it.
  const contexts: GetchatContexts = {
    ctx,
    publicCtx,
    live: {
      websocketUrl: config.websocketUrl,
      allowInsecureHttp: config.allowInsecureHttp ?? false,
      credentials: config.credentials.method,
      session: authSession,
      trusted,
      connections,
    },
  };
  Object.defineProperty(provider, GETCHAT_CONTEXTS, { value: contexts });
  return provider;
}

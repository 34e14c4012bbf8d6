import { createHttpClient, createProviderError, httpClientOptions, resolveRateLimiter, type HttpClient, type HttpClientOptions } from '@wamux/core/adapter';
import { graphErrorInfo } from '../errors';
import { authHeaders } from '../auth';
import { CLOUD_API, DEFAULT_RATE_LIMIT, type CloudApiConfig } from '../options';

/** The Graph paths the adapter calls, below `<baseUrl>/<graphVersion>`. */
export interface CloudApiPaths {
  /** `POST`: send a message, or mark one read. */
  messages: string;
  /** `POST` multipart: upload media. */
  media: string;
  /** `GET` a media URL, `DELETE` the media. */
  mediaItem(mediaId: string): string;
  /** `GET` the business account's templates; `undefined` without `businessAccountId`. */
  templates: string | undefined;
}

/** The HTTP side of one provider: the Graph client, its paths, and downloads from Meta's media host. */
export interface CloudApiClient {
  http: HttpClient;
  paths: CloudApiPaths;
  /** A client for the origin of a media URL `GET /{media-id}` returned (Meta's lookaside host), with the same Bearer token. */
  mediaHost(url: URL): HttpClient;
  /** The business phone number's id: `DELETE /{media-id}` names it. */
  phoneNumberId: string;
}

/**
 * Hosts Meta serves media downloads from. A media URL comes from a Graph
 * answer and must be fetched with the access token at once (it expires in
 * minutes); the token goes only to these hosts or the Graph origin itself.
 */
const MEDIA_HOSTS = [/(^|\.)fbsbx\.com$/, /(^|\.)whatsapp\.net$/, /(^|\.)facebook\.com$/, /(^|\.)fbcdn\.net$/];

/** Creates the Graph client: Bearer auth, the Graph error table, Meta's default throughput as the client-side limit. */
export function createClient(config: CloudApiConfig): CloudApiClient {
  const headers = authHeaders(config.accessToken);
  const shared: Omit<HttpClientOptions, 'baseUrl'> = {
    provider: CLOUD_API,
    headers,
    secrets: () => [config.accessToken, ...(config.appSecret === undefined ? [] : [config.appSecret])],
    mapError: graphErrorInfo,
    ...httpClientOptions(config),
  };
  const rateLimiter = resolveRateLimiter(config.rateLimit, DEFAULT_RATE_LIMIT);
  const graphBase = `${config.baseUrl}/${config.graphVersion}`;
  const http = createHttpClient({ ...shared, baseUrl: graphBase, ...(rateLimiter === undefined ? {} : { rateLimiter }) });
  const graphOrigin = new URL(graphBase).origin;
  const hosts = new Map<string, HttpClient>();

  return {
    http,
    phoneNumberId: config.phoneNumberId,
    paths: {
      messages: `${config.phoneNumberId}/messages`,
      media: `${config.phoneNumberId}/media`,
      mediaItem: (mediaId) => encodeURIComponent(mediaId),
      templates: config.businessAccountId === undefined ? undefined : `${config.businessAccountId}/message_templates`,
    },
    mediaHost(url) {
      const trusted = url.origin === graphOrigin || (url.protocol === 'https:' && MEDIA_HOSTS.some((host) => host.test(url.hostname)));
      if (!trusted) {
        throw createProviderError('unexpected_response', {
          provider: CLOUD_API,
          message: `refusing to send the access token to ${url.origin}: a media URL must be on the Graph origin or Meta's media hosts`,
          delivery: 'not_sent',
        });
      }
      let client = hosts.get(url.origin);
      if (client === undefined) {
        // Downloads are not rate-limited with messages: they are not sends.
        client = createHttpClient({ ...shared, baseUrl: url.origin });
        hosts.set(url.origin, client);
      }
      return client;
    },
  };
}

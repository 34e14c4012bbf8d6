import { createHttpClient, createProviderError, httpClientOptions, resolveRateLimiter, type HttpClient, type HttpClientOptions } from '@wamux/core/adapter';
import { authHeaders } from '../auth';
import { d360ErrorInfo } from '../errors';
import { API_KEY_HEADER, D360, DEFAULT_RATE_LIMIT, type D360Config } from '../options';

/** The 360dialog paths the adapter calls, below the base URL: the Cloud API's, without a phone number id (the API key names the number). */
export const PATHS = {
  /** `POST`: send a message, or mark one read. */
  messages: 'messages',
  /** `POST` multipart: upload media. */
  media: 'media',
  /** `GET` a media URL, `DELETE` the media. */
  mediaItem: (mediaId: string): string => encodeURIComponent(mediaId),
  /** `GET` the number's templates (360dialog's offset paging). */
  templates: 'v1/configs/templates',
  /** `GET` / `POST` the number's webhook URL and headers. */
  webhook: 'v1/configs/webhook',
} as const;

/** The HTTP side of one provider: the API client and media downloads through 360dialog's host. */
export interface D360Client {
  http: HttpClient;
  /**
   * The URL to download media from, on 360dialog's host: `GET /{media-id}`
   * answers with Meta's URL (`https://lookaside.fbsbx.com/...`), which
   * 360dialog serves under its own host with the API key. Throws for a URL
   * on any other host: the API key goes nowhere else.
   */
  downloadUrl(mediaUrl: string): string;
  /** A client for downloads: the same host and API key, outside the message rate limit. */
  downloads: HttpClient;
}

/** Meta's media host, as `GET /{media-id}` names it: 360dialog documents replacing it with its own. */
const META_MEDIA_HOST = /(^|\.)fbsbx\.com$/i;

/** Creates the 360dialog client: `D360-API-KEY` auth, Graph and 360dialog error bodies, Meta's default throughput as the client-side limit. */
export function createClient(config: D360Config): D360Client {
  const shared: HttpClientOptions = {
    provider: D360,
    baseUrl: config.baseUrl,
    headers: authHeaders(config.apiKey),
    secrets: () => [config.apiKey, ...(config.webhookSecret === undefined ? [] : [config.webhookSecret.value])],
    mapError: d360ErrorInfo,
    ...httpClientOptions(config),
  };
  const rateLimiter = resolveRateLimiter(config.rateLimit, DEFAULT_RATE_LIMIT);
  const baseOrigin = new URL(config.baseUrl).origin;

  return {
    http: createHttpClient({ ...shared, ...(rateLimiter === undefined ? {} : { rateLimiter }) }),
    downloads: createHttpClient(shared),
    downloadUrl(mediaUrl) {
      const url = new URL(mediaUrl);
      if (url.origin === baseOrigin) return url.href;
      if (url.protocol === 'https:' && META_MEDIA_HOST.test(url.hostname)) return `${config.baseUrl}${url.pathname}${url.search}`;
      throw createProviderError('unexpected_response', {
        provider: D360,
        message: `refusing to send the ${API_KEY_HEADER} API key to ${url.origin}: a media URL must be on Meta's media host (which 360dialog serves) or on the base URL`,
        delivery: 'not_sent',
      });
    },
  };
}

import { createHttpClient, httpClientOptions, resolveRateLimiter, type HttpClient } from '@wamux/core/adapter';
import { mapMemoryError } from './errors';
import { MEMORY_PROVIDER, type ResolvedOptions } from './options';

/** The memory API's endpoints, below `baseUrl`. */
export const PATHS = {
  messages: '/messages',
  markRead: (messageId: string) => `/messages/${encodeURIComponent(messageId)}/read`,
  media: '/media',
  mediaItem: (mediaId: string) => `/media/${encodeURIComponent(mediaId)}`,
  templates: '/templates',
  templatesBulk: '/templates/bulk',
} as const;

/** The HTTP client of the memory API: bearer auth, secrets scrubbed, vendor errors read by `mapMemoryError`. */
export function createClient(options: ResolvedOptions): HttpClient {
  return createHttpClient({
    provider: MEMORY_PROVIDER,
    baseUrl: options.baseUrl,
    headers: () => ({ authorization: `Bearer ${options.apiKey}` }),
    secrets: () => [options.apiKey, options.webhookSecret ?? ''],
    ...httpClientOptions(options),
    rateLimiter: resolveRateLimiter(options.rateLimit, { requests: 100, interval: 1000, burst: 20 }),
    mapError: mapMemoryError,
  });
}

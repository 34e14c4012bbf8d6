import { ConfigurationError, type Provider } from '@wamux/core';
import type { Environment } from './config';
import type { ProviderName } from './registry';

/** The environment variable `createProvider` (and so the CLI) reads the Redis URL from when the config has no `redis`. */
export const REDIS_URL_VARIABLE = 'WAMUX_REDIS_URL';

/**
 * The Redis URL a config asks for: its `redis` field, else `WAMUX_REDIS_URL`.
 * `undefined` when neither is set.
 */
export function redisUrlOf(options: Record<string, unknown>, env: Environment): string | undefined {
  const redis = options.redis ?? (env[REDIS_URL_VARIABLE] || undefined);
  if (redis === undefined) return undefined;
  if (typeof redis !== 'string') throw new ConfigurationError('redis', 'must be a redis:// or rediss:// URL');
  return redis;
}

/**
 * Puts the rate limit of `options` in Redis, so every process created from
 * the same config shares it: `rateLimit.store` becomes a Redis store and
 * `rateLimit.key` defaults to `wamux:<provider>` (set it per account when
 * several accounts of one vendor share a Redis). The limit itself must be
 * stated (`rateLimit.requests` and `rateLimit.interval`): it is what the
 * processes share. `rateLimit: false` shares nothing and opens no
 * connection. Returns the adapter's options and what to close with the provider.
 */
export async function shareRateLimit(
  provider: ProviderName,
  options: Record<string, unknown>,
  url: string,
): Promise<{ options: Record<string, unknown>; close(): Promise<void> }> {
  const rateLimit = options.rateLimit;
  if (rateLimit === false) return { options, close: async () => undefined };
  if (typeof rateLimit !== 'object' || rateLimit === null || !('requests' in rateLimit) || !('interval' in rateLimit)) {
    throw new ConfigurationError('rateLimit', 'with redis, state the limit every process shares: rateLimit.requests and rateLimit.interval', { provider });
  }
  const { connectRedisStores } = await import('@wamux/redis');
  const stores = await connectRedisStores(url);
  const shared = rateLimit as Record<string, unknown>;
  return {
    options: { ...options, rateLimit: { ...shared, store: stores.rateLimit, key: shared.key ?? `wamux:${provider}` } },
    close: () => stores.close(),
  };
}

/** Makes `provider.close()` also close what was opened for it. */
export function closingWith(provider: Provider, close: () => Promise<void>): Provider {
  const own = provider.close.bind(provider);
  provider.close = async () => {
    try {
      await own();
    } finally {
      await close();
    }
  };
  return provider;
}

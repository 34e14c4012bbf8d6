import { ConfigurationError, StoreUnavailableError } from '@wamux/core/adapter';
import { toRedisPort, type RedisClientLike } from './client/port';
import { createRedisDedupeStore, type RedisDedupeStore, type RedisDedupeStoreOptions } from './dedupe/redis-dedupe-store';
import { DEFAULT_TIMEOUT, type RedisStoreOptions } from './options';
import { createRedisRateLimitStore, type RedisRateLimitStore, type RedisRateLimitStoreOptions } from './rate-limit/redis-rate-limit-store';
import { createRedisStatusOrderStore, type RedisStatusOrderStore, type RedisStatusOrderStoreOptions } from './status-order/redis-status-order-store';

/** Options of {@link connectRedisStores}: what all stores share, and each store's own. */
export interface RedisStoresOptions extends RedisStoreOptions {
  /** How long to wait for a connection to a URL, in ms. Default 5 000. */
  connectTimeout?: number | undefined;
  /** Which client library opens a URL. Default: ioredis when it is installed, else node-redis (`redis`). */
  library?: 'ioredis' | 'redis' | undefined;
  rateLimit?: Omit<RedisRateLimitStoreOptions, keyof RedisStoreOptions> | undefined;
  dedupe?: Omit<RedisDedupeStoreOptions, keyof RedisStoreOptions> | undefined;
  statusOrder?: Omit<RedisStatusOrderStoreOptions, keyof RedisStoreOptions> | undefined;
}

/** The three stores on one Redis connection. */
export interface RedisStores {
  readonly rateLimit: RedisRateLimitStore;
  readonly dedupe: RedisDedupeStore;
  readonly statusOrder: RedisStatusOrderStore;
  /** One round trip (PING), in ms. Rejects with a `StoreUnavailableError` when Redis does not answer within `timeout`. */
  ping(): Promise<number>;
  /** Closes the connection when it was opened from a URL here; an app's own client is left to the app. */
  close(): Promise<void>;
}

/**
 * The three stores on one connection: an app's own client (ioredis or
 * node-redis), or a `redis://` / `rediss://` URL, for which a client of
 * whichever library is installed is opened (ioredis first). Used by
 * `createProvider` and the CLI for `WAMUX_REDIS_URL`.
 *
 * ```ts
 * const stores = await connectRedisStores(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
 * const webhooks = createWebhookHandler(provider, { dedupe: stores.dedupe, statusOrder: stores.statusOrder });
 * ```
 *
 * A URL that is not one is a `ConfigurationError` on `redis`; a server
 * that cannot be reached within `connectTimeout`, a `StoreUnavailableError`.
 * Neither message contains the URL's password.
 */
export async function connectRedisStores(target: string | RedisClientLike, options: RedisStoresOptions = {}): Promise<RedisStores> {
  const { connectTimeout = 5_000, library, rateLimit, dedupe, statusOrder, ...shared } = options;
  const opened = typeof target === 'string' ? await openClient(target, connectTimeout, library) : undefined;
  const client = opened?.client ?? (target as RedisClientLike);
  const port = toRedisPort(client);
  try {
    const stores = {
      rateLimit: createRedisRateLimitStore(client, { ...shared, ...rateLimit }),
      dedupe: createRedisDedupeStore(client, { ...shared, ...dedupe }),
      statusOrder: createRedisStatusOrderStore(client, { ...shared, ...statusOrder }),
    };
    const timeout = shared.timeout ?? DEFAULT_TIMEOUT;
    return {
      ...stores,
      async ping() {
        const started = performance.now();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const expired = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new StoreUnavailableError(`Redis did not answer PING within ${timeout} ms`, { store: 'redis' })), timeout);
        });
        try {
          await Promise.race([port.send(['PING']), expired]);
        } catch (cause) {
          throw cause instanceof StoreUnavailableError
            ? cause
            : new StoreUnavailableError('Redis did not answer PING', { store: 'redis', cause, secrets: opened?.secrets });
        } finally {
          clearTimeout(timer);
        }
        return performance.now() - started;
      },
      close: async () => opened?.close(),
    };
  } catch (error) {
    await opened?.close();
    throw error;
  }
}

interface OpenedClient {
  client: RedisClientLike;
  secrets: string[];
  close(): Promise<void>;
}

/** Opens a client for `url` with ioredis, or node-redis when only it is installed (or when `library` says so). */
async function openClient(url: string, connectTimeout: number, library: 'ioredis' | 'redis' | undefined): Promise<OpenedClient> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError('redis', 'must be a redis:// or rediss:// URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new ConfigurationError('redis', 'must be a redis:// or rediss:// URL');
  const secrets = [decodeURIComponent(parsed.password), parsed.password].filter((secret) => secret !== '');
  const where = `${parsed.hostname}:${parsed.port || '6379'}`;
  const ioredis = library === 'redis' ? undefined : await import('ioredis').catch(() => undefined);
  const nodeRedis = ioredis || library === 'ioredis' ? undefined : await import('redis').catch(() => undefined);
  if (!ioredis && !nodeRedis) throw new ConfigurationError('redis', `a Redis URL needs a client library: install ${library ?? 'ioredis or redis'}`);

  let close: () => Promise<void>;
  let ready: Promise<unknown>;
  let client: RedisClientLike;
  if (ioredis) {
    const redis = new ioredis.Redis(url, { lazyConnect: true, connectTimeout });
    // Outages are reported by the stores' own `error` events.
    redis.on('error', () => undefined);
    client = redis;
    ready = redis.connect();
    close = async () => redis.disconnect();
  } else {
    const redis = (nodeRedis as typeof import('redis')).createClient({ url, socket: { connectTimeout } });
    redis.on('error', () => undefined);
    client = redis;
    ready = redis.connect();
    close = async () => {
      redis.destroy();
    };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      ready,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no connection within ${connectTimeout} ms`)), connectTimeout))),
    ]);
  } catch (cause) {
    await close();
    throw new StoreUnavailableError(`could not connect to Redis at ${where}`, { store: 'redis', cause, secrets });
  } finally {
    clearTimeout(timer);
  }
  return { client, secrets, close };
}

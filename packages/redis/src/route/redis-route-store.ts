import { EventEmitter } from 'eventemitter3';
import * as v from 'valibot';
import { createStoreGuard, type RedisStoreEvents } from '../client/guard';
import { toRedisPort, type RedisClientLike } from '../client/port';
import {
  DEFAULT_PREFIX,
  DEFAULT_RETRY_INTERVAL,
  DEFAULT_TIMEOUT,
  Milliseconds,
  parseStoreOptions,
  storeOptionsEntries,
  type RedisStoreOptions,
} from '../options';

/** A conversation is remembered for a week past its last message: longer than WhatsApp's 24-hour service window, with room for a reply days later. */
export const DEFAULT_ROUTE_TTL = 7 * 24 * 60 * 60 * 1000;

/** Options of {@link createRedisRouteStore}. */
export interface RedisRouteStoreOptions extends RedisStoreOptions {
  /** How long an owner is remembered after it was last set, in ms. Default 7 days. */
  ttl?: number | undefined;
}

/**
 * The route store of `@wamux/router` on Redis: which provider owns each
 * customer's conversation, message and media file, shared by every process
 * that uses the same Redis and prefix. It has the shape of the router's
 * `RouteStore` (`get`, `set`), so it is passed as `createRouter`'s `store`.
 */
export interface RedisRouteStore extends EventEmitter<RedisStoreEvents> {
  /** The provider name stored under `key`, or `undefined`. */
  get(key: string): Promise<string | undefined>;
  /** Stores `provider` under `key` for `ttl`. */
  set(key: string, provider: string): Promise<void>;
  /** Whether Redis answered the last call. */
  readonly available: boolean;
}

const OptionsSchema = v.object({ ...storeOptionsEntries, ttl: v.optional(Milliseconds) });

/**
 * Creates a {@link RedisRouteStore}: one string key per route
 * (`<prefix>rt:<key>`), written with `SET ... PX ttl` (each send renews
 * it) and read with `GET`. A call that fails or times out rejects with a
 * `StoreUnavailableError` (and `error` is emitted once per outage); the
 * router then goes on without stickiness for that call, never failing the send.
 */
export function createRedisRouteStore(client: RedisClientLike, options: RedisRouteStoreOptions = {}): RedisRouteStore {
  const settings = parseStoreOptions(OptionsSchema, options);
  const port = toRedisPort(client);
  const prefix = `${settings.prefix ?? DEFAULT_PREFIX}rt:`;
  const ttl = String(settings.ttl ?? DEFAULT_ROUTE_TTL);
  const emitter = new EventEmitter<RedisStoreEvents>();
  const guard = createStoreGuard(
    port,
    { store: 'route', timeout: settings.timeout ?? DEFAULT_TIMEOUT, retryInterval: settings.retryInterval ?? DEFAULT_RETRY_INTERVAL },
    emitter,
  );
  const store = emitter as unknown as RedisRouteStore;
  Object.defineProperty(store, 'available', { get: () => guard.available, enumerable: true });
  store.get = async (key) => {
    const value = await guard.run('read a route', () => port.send(['GET', prefix + key], prefix + key), { idempotent: true });
    return typeof value === 'string' ? value : undefined;
  };
  store.set = async (key, provider) => {
    await guard.run('write a route', () => port.send(['SET', prefix + key, provider, 'PX', ttl], prefix + key), { idempotent: true });
  };
  return store;
}

import { DEFAULT_CUSTOMER_WINDOW_TTL, type CustomerWindowStore } from '@wamux/core/adapter';
import { EventEmitter } from 'eventemitter3';
import * as v from 'valibot';
import { createStoreGuard, type RedisStoreEvents } from '../client/guard';
import { toRedisPort, type RedisClientLike } from '../client/port';
import { luaScript, runScript } from '../client/script';
import {
  DEFAULT_PREFIX,
  DEFAULT_RETRY_INTERVAL,
  DEFAULT_TIMEOUT,
  Milliseconds,
  parseStoreOptions,
  storeOptionsEntries,
  type RedisStoreOptions,
} from '../options';

/** Options of {@link createRedisCustomerWindowStore}. */
export interface RedisCustomerWindowStoreOptions extends RedisStoreOptions {
  /** How long a customer's last message is remembered after it was recorded, in ms. Default 30 days. */
  ttl?: number | undefined;
}

/** A {@link CustomerWindowStore} on Redis, shared by every process that uses the same Redis and prefix. */
export interface RedisCustomerWindowStore extends CustomerWindowStore, EventEmitter<RedisStoreEvents> {
  /** Whether Redis answered the last call. */
  readonly available: boolean;
}

/** Keeps the later of the stored time and ARGV[1]: a redelivered older message never shortens a window. */
const RECORD = luaScript(`
local current = tonumber(redis.call('GET', KEYS[1]))
local at = tonumber(ARGV[1])
if current == nil or at > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`);

const OptionsSchema = v.object({ ...storeOptionsEntries, ttl: v.optional(Milliseconds) });

/**
 * The customer service window store for apps that receive webhooks in one
 * process and send from another: a customer's message seen by any process
 * opens the window for all. Pass it as
 * `whatsappLimits: { customerWindow: { store } }` in every process.
 *
 * One string key per customer (its last message time, epoch ms), updated
 * by a Lua script that keeps the later time (atomic, one round trip, safe
 * on Redis Cluster) and expires `ttl` after the last record that moved it. Both calls are
 * idempotent, so one that met a dropped connection is retried within
 * `timeout`. When Redis is unreachable, `record` fails (the webhook is
 * answered 5xx and redelivered) and `lastInbound` fails, which the window
 * check reads as "unknown": the send goes and WhatsApp decides.
 */
export function createRedisCustomerWindowStore(client: RedisClientLike, options: RedisCustomerWindowStoreOptions = {}): RedisCustomerWindowStore {
  const settings = parseStoreOptions(OptionsSchema, options);
  const port = toRedisPort(client);
  const prefix = `${settings.prefix ?? DEFAULT_PREFIX}cw:`;
  const ttl = settings.ttl ?? DEFAULT_CUSTOMER_WINDOW_TTL;
  const emitter = new EventEmitter<RedisStoreEvents>();
  const guard = createStoreGuard(
    port,
    { store: 'customer window', timeout: settings.timeout ?? DEFAULT_TIMEOUT, retryInterval: settings.retryInterval ?? DEFAULT_RETRY_INTERVAL },
    emitter,
  );

  const store = emitter as unknown as RedisCustomerWindowStore;
  Object.defineProperty(store, 'available', { get: () => guard.available, enumerable: true });
  store.record = async (key, at) => {
    const time = Math.floor(at);
    await guard.run('record a customer message', () => runScript(port, RECORD, prefix + key, [String(time), String(ttl)]), { idempotent: true });
  };
  store.lastInbound = async (key) => {
    const reply = await guard.run('read a customer window', () => port.send(['GET', prefix + key], prefix + key), { idempotent: true });
    const at = typeof reply === 'string' ? Number(reply) : Number.NaN;
    return Number.isFinite(at) ? at : undefined;
  };
  return store;
}

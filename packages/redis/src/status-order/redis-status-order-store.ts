import { randomUUID } from 'node:crypto';
import { DELIVERY_STATUSES, statusOfToken, type DeliveryStatus, type StatusClaim, type StatusOrderStore } from '@wamux/core/adapter';
import { EventEmitter } from 'eventemitter3';
import * as v from 'valibot';
import { createStoreGuard, type RedisStoreEvents } from '../client/guard';
import { toRedisPort, type RedisClientLike } from '../client/port';
import { runScript } from '../client/script';
import { DEFAULT_DONE_TTL } from '../dedupe/redis-dedupe-store';
import {
  DEFAULT_PREFIX,
  DEFAULT_RETRY_INTERVAL,
  DEFAULT_TIMEOUT,
  Milliseconds,
  parseStoreOptions,
  storeOptionsEntries,
  type RedisStoreOptions,
} from '../options';
import { CLAIM, COMPLETE, RELEASE } from './status-order-scripts';

/** Options of {@link createRedisStatusOrderStore}. */
export interface RedisStatusOrderStoreOptions extends RedisStoreOptions {
  /** How long a message's statuses are remembered after its last change, in ms. Default 8 days (vendors redeliver for up to 7). */
  ttl?: number | undefined;
  /** The clock leases are measured with, in epoch ms, instead of the Redis server's `TIME`. For tests; every process must use the same one. */
  clock?: (() => number) | undefined;
}

/** A {@link StatusOrderStore} on Redis, shared by every process that uses the same Redis and prefix. */
export interface RedisStatusOrderStore extends StatusOrderStore, EventEmitter<RedisStoreEvents> {
  /** Whether Redis answered the last call. */
  readonly available: boolean;
}

const OptionsSchema = v.object({
  ...storeOptionsEntries,
  ttl: v.optional(Milliseconds),
  clock: v.optional(v.custom<() => number>((value) => typeof value === 'function', 'must be a function returning epoch ms')),
});

const DONE: StatusClaim = Object.freeze({ state: 'done' });
const IN_FLIGHT: StatusClaim = Object.freeze({ state: 'in_flight' });

/**
 * The status order store for apps that receive webhooks in several
 * processes: a message's status only moves forward, whichever process gets
 * which status first, and each status is processed once. Pass it as
 * `createWebhookHandler`'s `statusOrder` option in every process.
 *
 * One hash per message, one Lua script per call (atomic, one round trip,
 * safe on Redis Cluster), leases timed by the server's `TIME`. Every call
 * is idempotent, so one that met a dropped connection is retried within
 * `timeout`; when Redis is unreachable the calls fail (the handler answers
 * 503, the vendor redelivers later).
 */
export function createRedisStatusOrderStore(client: RedisClientLike, options: RedisStatusOrderStoreOptions = {}): RedisStatusOrderStore {
  const settings = parseStoreOptions(OptionsSchema, options);
  const port = toRedisPort(client);
  const prefix = `${settings.prefix ?? DEFAULT_PREFIX}so:`;
  const ttl = settings.ttl ?? DEFAULT_DONE_TTL;
  const clock = settings.clock;
  const emitter = new EventEmitter<RedisStoreEvents>();
  const guard = createStoreGuard(
    port,
    { store: 'status order', timeout: settings.timeout ?? DEFAULT_TIMEOUT, retryInterval: settings.retryInterval ?? DEFAULT_RETRY_INTERVAL },
    emitter,
  );

  const store = emitter as unknown as RedisStatusOrderStore;
  Object.defineProperty(store, 'available', { get: () => guard.available, enumerable: true });
  store.claim = async (key, status, leaseMs) => {
    const token = `${status}.${randomUUID()}`;
    const lease = Math.max(1, Math.ceil(leaseMs));
    const args = [status, token, String(lease), String(Math.max(ttl, lease)), clock ? String(Math.floor(clock())) : ''];
    const reply = await guard.run('claim a status', () => runScript(port, CLAIM, prefix + key, args), {
      idempotent: true,
      // Refused to the caller (503) but granted by Redis after all: give it back, or the redelivery waits out the lease.
      late: (granted) => {
        if (Array.isArray(granted) && granted[0] === 'claimed') void runScript(port, RELEASE, prefix + key, [status, token]).catch(() => undefined);
      },
    });
    return toClaim(reply, token);
  };
  store.complete = async (key, token) => {
    const status = statusOfToken(token);
    if (status === undefined) return;
    await guard.run('complete a status', () => runScript(port, COMPLETE, prefix + key, [status, token, String(ttl)]), { idempotent: true });
  };
  store.release = async (key, token) => {
    const status = statusOfToken(token);
    if (status === undefined) return;
    await guard.run('release a status', () => runScript(port, RELEASE, prefix + key, [status, token]), { idempotent: true });
  };
  return store;
}

/** The script's answer as a {@link StatusClaim}; anything else is a broken script, reported as such. */
function toClaim(reply: unknown, token: string): StatusClaim {
  const [state, current] = Array.isArray(reply) ? (reply as unknown[]) : [];
  if (state === 'claimed') return { state: 'claimed', token };
  if (state === 'done') return DONE;
  if (state === 'in_flight') return IN_FLIGHT;
  if (state === 'stale' && (DELIVERY_STATUSES as readonly unknown[]).includes(current)) return { state: 'stale', current: current as DeliveryStatus };
  throw new TypeError('the status order script answered something unexpected');
}

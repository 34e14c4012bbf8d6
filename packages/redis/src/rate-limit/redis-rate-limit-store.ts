import { createMemoryRateLimitStore, gridGrace, type RateLimitStore, type TokenBucketRule } from '@wamux/core/adapter';
import { EventEmitter } from 'eventemitter3';
import * as v from 'valibot';
import { createStoreGuard, type RedisStoreEvents } from '../client/guard';
import { toRedisPort, type RedisClientLike } from '../client/port';
import { runScript } from '../client/script';
import { DEFAULT_PREFIX, DEFAULT_RETRY_INTERVAL, DEFAULT_TIMEOUT, parseStoreOptions, storeOptionsEntries, type RedisStoreOptions } from '../options';
import { BLOCK, TAKE } from './gcra-scripts';

/** Options of {@link createRedisRateLimitStore}. */
export interface RedisRateLimitStoreOptions extends RedisStoreOptions {
  /**
   * What a limiter does while Redis is unreachable:
   *
   * - `memory` (default): each process limits alone, in its own memory,
   *   at `fallbackShare` of the limit, and an `error` event says so; Redis
   *   is used again as soon as it answers.
   * - `fail`: nothing is sent; waiting and new requests fail with a
   *   `StoreUnavailableError` (`delivery: 'not_sent'`) until Redis answers.
   */
  whenUnavailable?: 'memory' | 'fail' | undefined;
  /**
   * The share of the limit each process takes while it limits alone, in
   * (0, 1]. `1 / <number of processes>` keeps them together under the
   * limit during an outage; the default, 1, lets each use all of it (the
   * vendor's 429 and Retry-After are still obeyed).
   */
  fallbackShare?: number | undefined;
  /** The clock, in epoch ms, instead of the Redis server's `TIME`. For tests; every process must use the same one. */
  clock?: (() => number) | undefined;
}

/** A {@link RateLimitStore} on Redis, shared by every process that uses the same Redis, prefix and limiter key. */
export interface RedisRateLimitStore extends RateLimitStore, EventEmitter<RedisStoreEvents> {
  /** Whether Redis answered the last call (false: the fallback policy is in force). */
  readonly available: boolean;
}

const OptionsSchema = v.object({
  ...storeOptionsEntries,
  whenUnavailable: v.optional(v.picklist(['memory', 'fail'], 'must be "memory" or "fail"')),
  fallbackShare: v.optional(v.pipe(v.number('must be a number'), v.gtValue(0, 'must be more than 0'), v.maxValue(1, 'must be at most 1'))),
  clock: v.optional(v.custom<() => number>((value) => typeof value === 'function', 'must be a function returning epoch ms')),
});

/**
 * The rate limit store for apps that send from several processes: one GCRA
 * bucket per limiter key in Redis, so 4 processes share a limit of 60 per
 * second instead of taking 60 each. Pass it as `rateLimit.store` (with the
 * same `rateLimit.key` everywhere).
 *
 * Each `take` and `blockUntil` is one Lua script on one key (one round trip,
 * atomic, safe on Redis Cluster), timed by the server's `TIME`, so the
 * processes' clocks need not agree. `blockUntil` is shared too: a
 * `Retry-After` one process sees pauses all of them.
 *
 * When Redis is unreachable the store follows `whenUnavailable`; a
 * `blockUntil` never fails (it is called after a request was sent, and a
 * failure there would make a sent message look unsent): it is kept in
 * memory and reported.
 *
 * ```ts
 * const store = createRedisRateLimitStore(new Redis(process.env.REDIS_URL));
 * store.on('error', (error) => log.warn(error.message));
 * const provider = createDesk360Provider({ ...credentials, rateLimit: { requests: 60, interval: 60_000, store, key: 'desk360:account-42' } });
 * ```
 */
export function createRedisRateLimitStore(client: RedisClientLike, options: RedisRateLimitStoreOptions = {}): RedisRateLimitStore {
  const settings = parseStoreOptions(OptionsSchema, options);
  const port = toRedisPort(client);
  const prefix = `${settings.prefix ?? DEFAULT_PREFIX}rl:`;
  const failClosed = settings.whenUnavailable === 'fail';
  const share = settings.fallbackShare ?? 1;
  const clock = settings.clock;
  const emitter = new EventEmitter<RedisStoreEvents>();
  const guard = createStoreGuard(
    port,
    {
      store: 'rate limit',
      timeout: settings.timeout ?? DEFAULT_TIMEOUT,
      retryInterval: settings.retryInterval ?? DEFAULT_RETRY_INTERVAL,
      delivery: 'not_sent',
    },
    emitter,
  );
  // Holds the fallback buckets, and every pause, so a fallback still obeys a Retry-After seen before.
  const memory = createMemoryRateLimitStore();
  const alone = (rule: TokenBucketRule): TokenBucketRule => (share === 1 ? rule : { capacity: rule.capacity, refillPerMs: rule.refillPerMs * share });
  const nowArg = () => (clock ? String(clock()) : '');

  const store = emitter as unknown as RedisRateLimitStore;
  Object.defineProperty(store, 'available', { get: () => guard.available, enumerable: true });

  store.take = async (key, rule, now) => {
    if (!guard.available && !failClosed) {
      guard.probe();
      return memory.take(key, alone(rule), now);
    }
    const startedAt = Date.now();
    const emission = 1 / rule.refillPerMs;
    const tolerance = (rule.capacity - 1) * emission;
    try {
      // Not retried: a take that reached Redis but whose answer was lost has spent a token already.
      const wait = await guard.run(
        'take a token',
        () => runScript(port, TAKE, prefix + key, [String(emission), String(tolerance), String(rule.grace ?? gridGrace(emission)), nowArg()]),
        { idempotent: false },
      );
      return Number(wait);
    } catch (error) {
      if (failClosed) throw error;
      // `now` is as old as the wait for Redis: move it on by that much.
      return memory.take(key, alone(rule), now + (Date.now() - startedAt));
    }
  };

  store.blockUntil = async (key, until) => {
    memory.blockUntil(key, until);
    const delta = Math.ceil(until - (clock ? clock() : Date.now()));
    if (delta <= 0) return;
    if (!guard.available) {
      guard.probe();
      return;
    }
    try {
      await guard.run('share a pause', () => runScript(port, BLOCK, prefix + key, [String(delta), nowArg()]), { idempotent: true });
    } catch {
      // Reported by the guard; the pause holds in this process.
    }
  };

  return store;
}

import { randomUUID } from 'node:crypto';
import type { DedupeClaim, DedupeStore } from '@wamux/core/adapter';
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

/** Meta redelivers a webhook for up to 7 days; a day more covers the slowest redelivery and clock slack. */
export const DEFAULT_DONE_TTL = 8 * 24 * 60 * 60 * 1000;

/** Options of {@link createRedisDedupeStore}. */
export interface RedisDedupeStoreOptions extends RedisStoreOptions {
  /**
   * How long a processed event is remembered, in ms: longer than the
   * longest redelivery window of your vendors. Default 8 days (Meta
   * redelivers for up to 7).
   */
  doneTtl?: number | undefined;
}

/** A {@link DedupeStore} on Redis, shared by every process that uses the same Redis and prefix. */
export interface RedisDedupeStore extends DedupeStore, EventEmitter<RedisStoreEvents> {
  /** Whether Redis answered the last call. */
  readonly available: boolean;
}

/** The value of a processed key. Claim tokens start with `c:`, so they never equal it. */
const DONE = 'done';

/** Marks the key processed when the caller still holds it, or when its claim lapsed and nobody took it over. */
const COMPLETE = luaScript(`
local held = redis.call('GET', KEYS[1])
if held == ARGV[1] or not held then
  redis.call('SET', KEYS[1], '${DONE}', 'PX', ARGV[2])
  return 1
end
return 0
`);

/** Compare-and-delete: forgets the key only for the holder of the claim. */
const RELEASE = luaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

const OptionsSchema = v.object({ ...storeOptionsEntries, doneTtl: v.optional(Milliseconds) });

const CLAIM_DONE: DedupeClaim = Object.freeze({ state: 'done' });
const CLAIM_IN_FLIGHT: DedupeClaim = Object.freeze({ state: 'in_flight' });

/**
 * The webhook dedupe store for apps that receive webhooks in several
 * processes: a vendor's redelivery that lands on another process is
 * recognised, and an event whose listener is running in one process is not
 * run by another at the same time. Pass it as `createWebhookHandler`'s
 * `dedupe` option in every process.
 *
 * One key per event: a claim is `SET key token NX PX lease` (the lease
 * lapses by itself if the process dies), completing replaces the token with
 * `done` for `doneTtl`, releasing is a compare-and-delete (a claim that
 * lapsed and was taken over is not released by its first owner). Every
 * call is idempotent, so one that met a dropped connection is retried
 * within `timeout`. When Redis is unreachable the calls fail (the handler
 * answers 503 and the vendor redelivers later): an event is never run
 * without a claim.
 */
export function createRedisDedupeStore(client: RedisClientLike, options: RedisDedupeStoreOptions = {}): RedisDedupeStore {
  const settings = parseStoreOptions(OptionsSchema, options);
  const port = toRedisPort(client);
  const prefix = `${settings.prefix ?? DEFAULT_PREFIX}dd:`;
  const doneTtl = String(settings.doneTtl ?? DEFAULT_DONE_TTL);
  const emitter = new EventEmitter<RedisStoreEvents>();
  const guard = createStoreGuard(
    port,
    { store: 'webhook dedupe', timeout: settings.timeout ?? DEFAULT_TIMEOUT, retryInterval: settings.retryInterval ?? DEFAULT_RETRY_INTERVAL },
    emitter,
  );

  const claimOnce = async (key: string, token: string, leaseMs: number): Promise<DedupeClaim> => {
    // A key whose claim lapsed between SET and GET is claimed again; twice is enough in practice, the loop bounds it.
    for (let round = 0; round < 3; round += 1) {
      if ((await port.send(['SET', key, token, 'NX', 'PX', String(leaseMs)], key)) !== null) return { state: 'claimed', token };
      const held = await port.send(['GET', key], key);
      if (held === DONE) return CLAIM_DONE;
      // Our own token: an earlier attempt of this call reached Redis and its answer was lost.
      if (held === token) return { state: 'claimed', token };
      if (held !== null) return CLAIM_IN_FLIGHT;
    }
    return CLAIM_IN_FLIGHT;
  };

  const store = emitter as unknown as RedisDedupeStore;
  Object.defineProperty(store, 'available', { get: () => guard.available, enumerable: true });
  store.claim = (key, leaseMs) => {
    const token = `c:${randomUUID()}`;
    return guard.run('claim an event', () => claimOnce(prefix + key, token, Math.max(1, Math.ceil(leaseMs))), {
      idempotent: true,
      // Refused to the caller (503) but granted by Redis after all: give it back, or the redelivery waits out the lease.
      late: (claim) => {
        if (claim.state === 'claimed') void runScript(port, RELEASE, prefix + key, [token]).catch(() => undefined);
      },
    });
  };
  store.complete = async (key, token) => {
    await guard.run('complete an event', () => runScript(port, COMPLETE, prefix + key, [token, doneTtl]), { idempotent: true });
  };
  store.release = async (key, token) => {
    await guard.run('release an event', () => runScript(port, RELEASE, prefix + key, [token]), { idempotent: true });
  };
  return store;
}

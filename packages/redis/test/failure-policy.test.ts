import { createRateLimiter, isWamuxError, StoreUnavailableError, type TokenBucketRule } from '@wamux/core/adapter';
import { createRedisDedupeStore, createRedisRateLimitStore, createRedisStatusOrderStore, toRedisPort, type RedisStoreEvents } from '@wamux/redis';
import type { EventEmitter } from 'eventemitter3';
import { CLIENT_KINDS, connectClient, type TestClient } from './support/clients';
import { eventually } from './support/eventually';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../test-support/redis-server';

const TEN_PER_SECOND: TokenBucketRule = { capacity: 1, refillPerMs: 10 / 1000 };
/** Short, so an outage is noticed quickly; generous next to a healthy local round trip. */
const FAST = { timeout: 300, retryInterval: 100 };

/** The `error` and `recovered` events a store emitted. */
function watch(store: EventEmitter<RedisStoreEvents>) {
  const seen = { errors: [] as StoreUnavailableError[], recovered: 0 };
  store.on('error', (error) => seen.errors.push(error));
  store.on('recovered', () => {
    seen.recovered += 1;
  });
  return seen;
}

let run = 0;
const prefix = () => {
  run += 1;
  return `policy-${process.pid}-${run}:`;
};

describeWithRedis('@wamux/redis failure policies against a real redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  describe.each(CLIENT_KINDS)('with %s', (kind) => {
    let connection: TestClient;
    beforeAll(async () => {
      connection = await connectClient(kind, server);
    });
    afterEach(async () => {
      // Whatever a test did to the server, the next one finds it up.
      server.thaw();
      await server.start();
    });
    afterAll(async () => {
      await connection?.close();
    });
    const raw = (args: string[]) => toRedisPort(connection.client).send(args);

    it('rate limit, whenUnavailable "memory": falls back to this process with one error event, and returns to Redis when it answers', async () => {
      const keys = prefix();
      const store = createRedisRateLimitStore(connection.client, { ...FAST, prefix: keys });
      const seen = watch(store);
      expect(await store.take('shared', TEN_PER_SECOND, Date.now())).toBe(0);

      server.freeze();
      // The first take waits out the timeout, then is served from memory (a fresh bucket: a token at once).
      expect(await store.take('fallback', TEN_PER_SECOND, Date.now())).toBe(0);
      expect(store.available).toBe(false);
      expect(seen.errors).toHaveLength(1);
      expect(seen.errors[0]).toMatchObject({ code: 'store_unavailable', store: 'rate limit', retryable: true, delivery: 'not_sent' });
      expect(seen.errors[0]).toBeInstanceOf(StoreUnavailableError);
      // Later takes are served from memory without asking Redis, and do not report again.
      expect(await store.take('fallback', TEN_PER_SECOND, Date.now())).toBeGreaterThan(0);
      expect(seen.errors).toHaveLength(1);

      server.thaw();
      await eventually(async () => {
        await store.take('probe', TEN_PER_SECOND, Date.now());
        expect(seen.recovered).toBe(1);
      });
      expect(store.available).toBe(true);
      expect(await raw(['EXISTS', `${keys}rl:after`])).toBe(0);
      await store.take('after', TEN_PER_SECOND, Date.now());
      expect(await raw(['EXISTS', `${keys}rl:after`])).toBe(1);
    });

    it('rate limit fallback takes `fallbackShare` of the limit, so N processes alone stay under it together', async () => {
      const store = createRedisRateLimitStore(connection.client, { ...FAST, prefix: prefix(), fallbackShare: 0.25 });
      server.freeze();
      expect(await store.take('quarter', TEN_PER_SECOND, Date.now())).toBe(0);
      // 10 per second, a quarter of it: one every 400 ms.
      expect(await store.take('quarter', TEN_PER_SECOND, Date.now())).toBeGreaterThan(300);
    });

    it('rate limit, whenUnavailable "fail": nothing is sent; the limiter refuses with store_unavailable, not_sent, until Redis answers', async () => {
      const store = createRedisRateLimitStore(connection.client, { ...FAST, prefix: prefix(), whenUnavailable: 'fail' });
      const seen = watch(store);
      const limiter = createRateLimiter({ requests: 10, interval: 1000, store, key: 'account' });
      await limiter.acquire();

      server.freeze();
      const refused = await limiter.acquire().catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(StoreUnavailableError);
      expect(refused).toMatchObject({ code: 'store_unavailable', delivery: 'not_sent', retryable: true, store: 'rate limit' });
      // While down, refusals come at once (no wait for the timeout per call), and a pause never throws.
      await expect(store.take('account', TEN_PER_SECOND, Date.now())).rejects.toMatchObject({ code: 'store_unavailable' });
      await expect(limiter.pauseUntil(Date.now() + 50)).resolves.toBeUndefined();
      expect(seen.errors).toHaveLength(1);

      server.thaw();
      await eventually(async () => {
        await limiter.acquire();
      });
      expect(seen.recovered).toBe(1);
    });

    it('a pause seen by one process holds every process, whatever their clocks', async () => {
      const shared = prefix();
      const second = await connectClient(kind, server);
      try {
        const one = createRedisRateLimitStore(connection.client, { prefix: shared });
        const other = createRedisRateLimitStore(second.client, { prefix: shared });
        await one.blockUntil('account', Date.now() + 5_000);
        // The `now` a caller passes is not used: the server's TIME is.
        const wait = await other.take('account', TEN_PER_SECOND, 0);
        expect(wait).toBeGreaterThan(3_000);
        expect(wait).toBeLessThanOrEqual(5_000);
        // Clocks a day apart still share one schedule.
        expect(await other.take('fresh', TEN_PER_SECOND, Date.now() + 86_400_000)).toBe(0);
        expect(await one.take('fresh', TEN_PER_SECOND, Date.now() - 86_400_000)).toBeGreaterThan(0);
      } finally {
        await second.close();
      }
    });

    it('dedupe and status order fail closed while Redis is down, and keep their answers across a restart with persistence', async () => {
      const keys = prefix();
      const dedupe = createRedisDedupeStore(connection.client, { ...FAST, prefix: keys });
      const statusOrder = createRedisStatusOrderStore(connection.client, { ...FAST, prefix: keys });
      const dedupeSeen = watch(dedupe);
      const statusSeen = watch(statusOrder);
      const processed = await dedupe.claim('event-1', 60_000);
      if (processed.state !== 'claimed') throw new Error('expected a claim');
      await dedupe.complete('event-1', processed.token);
      const read = await statusOrder.claim('message-1', 'read', 60_000);
      if (read.state !== 'claimed') throw new Error('expected a claim');
      await statusOrder.complete('message-1', read.token);

      await server.stop({ keepData: true });
      await expect(dedupe.claim('event-2', 60_000)).rejects.toMatchObject({ code: 'store_unavailable', store: 'webhook dedupe', retryable: true });
      await expect(statusOrder.claim('message-1', 'delivered', 60_000)).rejects.toMatchObject({ code: 'store_unavailable', store: 'status order' });
      // Fast while down: no call is attempted, each fails at once.
      await expect(dedupe.claim('event-2', 60_000)).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(dedupeSeen.errors).toHaveLength(1);
      expect(statusSeen.errors).toHaveLength(1);

      await server.start();
      // The script cache is empty after a restart: EVALSHA answers NOSCRIPT and the store sends the script.
      await eventually(async () => expect(await dedupe.claim('event-1', 60_000)).toEqual({ state: 'done' }));
      await eventually(async () => expect(await statusOrder.claim('message-1', 'delivered', 60_000)).toEqual({ state: 'stale', current: 'read' }));
      // event-2's refused claim may have reached Redis after all (the client queued it): the store gives it back.
      await eventually(async () => expect(await dedupe.claim('event-2', 60_000)).toMatchObject({ state: 'claimed' }));
      expect(dedupeSeen.recovered).toBe(1);
      expect(statusSeen.recovered).toBe(1);
    });

    it('a Redis restarted without persistence has forgotten what was processed (why docs/scaling.md asks for persistence)', async () => {
      const dedupe = createRedisDedupeStore(connection.client, { ...FAST, prefix: prefix() });
      const claim = await dedupe.claim('event', 60_000);
      if (claim.state !== 'claimed') throw new Error('expected a claim');
      await dedupe.complete('event', claim.token);
      await server.stop({ keepData: false });
      await server.start();
      await eventually(async () => expect(await dedupe.claim('event', 60_000)).toMatchObject({ state: 'claimed' }));
    });

    it('runs its scripts again after SCRIPT FLUSH (EVALSHA answers NOSCRIPT, the script is sent once)', async () => {
      const store = createRedisRateLimitStore(connection.client, { prefix: prefix(), whenUnavailable: 'fail' });
      expect(await store.take('k', TEN_PER_SECOND, Date.now())).toBe(0);
      await raw(['SCRIPT', 'FLUSH']);
      expect(await store.take('k', TEN_PER_SECOND, Date.now())).toBeGreaterThan(0);
    });

    it('a call Redis refuses (a key of another type under the prefix) is an error event and a non-retryable error, not an outage', async () => {
      const keys = prefix();
      const store = createRedisRateLimitStore(connection.client, { prefix: keys, whenUnavailable: 'fail' });
      const seen = watch(store);
      await raw(['SET', `${keys}rl:taken`, 'a string']);
      const error = await Promise.resolve(store.take('taken', TEN_PER_SECOND, Date.now())).catch((e: unknown) => e);
      expect(isWamuxError(error) && error.code).toBe('store_unavailable');
      expect(error).toMatchObject({ retryable: false, message: expect.stringContaining('WRONGTYPE') });
      expect(seen.errors).toEqual([error]);
      expect(store.available).toBe(true);
      expect(await store.take('other', TEN_PER_SECOND, Date.now())).toBe(0);
    });
  });
});

import { createServer } from 'node:net';
import { ConfigurationError, StoreUnavailableError } from '@wamux/core';
import { connectRedisStores } from '@wamux/redis';
import { connectClient } from './support/clients';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../test-support/redis-server';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('connectRedisStores: URLs it refuses before connecting', () => {
  it.each(['not a url', 'http://127.0.0.1:6379', 'postgres://u:p@db/x'])('%s is a ConfigurationError on `redis`', async (url) => {
    await expect(connectRedisStores(url)).rejects.toEqual(expect.objectContaining({ code: 'configuration_invalid', field: 'redis' }));
    await expect(connectRedisStores(url)).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('a server that is not there is a StoreUnavailableError that does not carry the password', async () => {
    const password = 's3cr3t-redis-password';
    const error = await connectRedisStores(`redis://app:${password}@127.0.0.1:${await closedPort()}`, { connectTimeout: 1_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({ code: 'store_unavailable', store: 'redis' });
    const seen = JSON.stringify({ json: (error as StoreUnavailableError).toJSON(), message: (error as Error).message, cause: String((error as Error).cause) });
    expect(seen).not.toContain(password);
  });
});

describeWithRedis('connectRedisStores against a real redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(['ioredis', 'redis'] as const)(
    'opens a connection from a URL with %s, gives the three stores and the webhook dedupe on it, and closes it',
    async (library) => {
      const stores = await connectRedisStores(server.url, { prefix: `connect-url-${library}:`, library });
      try {
        expect(await stores.ping()).toBeGreaterThanOrEqual(0);
        expect(await stores.rateLimit.take('k', { capacity: 1, refillPerMs: 0.001 }, Date.now())).toBe(0);
        const claim = await stores.statusOrder.claim('memory:s:msg-1', 'read', 60_000);
        expect(claim).toMatchObject({ state: 'claimed' });
        if (claim.state === 'claimed') await stores.statusOrder.complete('memory:s:msg-1', claim.token);
        // A delivered after read is behind the message.
        expect(await stores.statusOrder.claim('memory:s:msg-1', 'delivered', 60_000)).toMatchObject({ state: 'stale' });
        expect(await stores.dedupe.claim('memory:m:msg-1', 60_000)).toMatchObject({ state: 'claimed' });
        expect(await stores.statusOrder.claim('memory:s:msg-1', 'delivered', 60_000)).toEqual({ state: 'stale', current: 'read' });
      } finally {
        await stores.close();
      }
      await expect(stores.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    },
  );

  it('leaves an app’s own client open', async () => {
    const own = await connectClient('node-redis', server);
    try {
      const stores = await connectRedisStores(own.client, { prefix: 'connect-own:' });
      await stores.close();
      expect(await stores.ping()).toBeGreaterThanOrEqual(0);
    } finally {
      await own.close();
    }
  });
});

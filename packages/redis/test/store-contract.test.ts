import { createRedisDedupeStore, createRedisRateLimitStore, createRedisStatusOrderStore } from '@wamux/redis';
import { runStoreContract } from '@wamux/testing';
import { createRedisCustomerWindowStore } from '../src/customer-window/redis-customer-window-store';
import { CLIENT_KINDS, connectClient, type TestClient } from './support/clients';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../test-support/redis-server';

// The same contract the in-memory stores pass, against a real redis-server,
// through each supported client. Three connections per client stand for
// three processes: the concurrency tests spread their calls over them.
describeWithRedis('@wamux/redis stores on a real redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  for (const kind of CLIENT_KINDS) {
    runStoreContract({
      name: `redis (${kind})`,
      setup: async () => {
        const clients: TestClient[] = await Promise.all([0, 1, 2].map(() => connectClient(kind, server)));
        const prefix = `contract-${kind}:`;
        let next = 0;
        // The contract is about the Redis stores' arithmetic and atomicity, not their outage policy: a
        // slow server on a busy machine must make the suite slower, never hand it to the memory fallback.
        const patient = { prefix, timeout: 30_000 };
        return {
          rateLimit: (clock) =>
            createRedisRateLimitStore((clients[next++ % clients.length] as TestClient).client, { ...patient, clock, whenUnavailable: 'fail' }),
          dedupe: clients.map(({ client }) => createRedisDedupeStore(client, patient)),
          statusOrder: clients.map(({ client }) => createRedisStatusOrderStore(client, patient)),
          customerWindow: ({ ttl }) => clients.map(({ client }) => createRedisCustomerWindowStore(client, { ...patient, ttl })),
          // Leases are Redis key expiries (PX) and the server's TIME: only real time makes them lapse.
          elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          teardown: async () => {
            await Promise.all(clients.map((client) => client.close()));
          },
        };
      },
    });
  }
});

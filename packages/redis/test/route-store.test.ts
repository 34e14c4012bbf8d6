import { createRedisRouteStore } from '@wamux/redis';
import { createRouter, type Router } from '@wamux/router';
import { createMemoryProvider } from '@wamux/memory';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { CLIENT_KINDS, connectClient, type TestClient } from './support/clients';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../test-support/redis-server';

// The router's route store on a real redis-server: two connections stand
// for two processes of one app.
describeWithRedis('createRedisRouteStore on a real redis-server', () => {
  let server: RedisServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  });
  afterAll(async () => {
    await server?.close();
  });

  const connect = async (kind: (typeof CLIENT_KINDS)[number]) => {
    const client = await connectClient(kind, server);
    clients.push(client);
    return client.client;
  };

  for (const kind of CLIENT_KINDS) {
    it(`${kind}: what one process sets, another reads; unknown keys are undefined; each set renews the TTL`, async () => {
      const prefix = `route-${kind}:`;
      const one = createRedisRouteStore(await connect(kind), { prefix, ttl: 60_000 });
      const two = createRedisRouteStore(await connect(kind), { prefix, ttl: 60_000 });
      await one.set('customer:+905551112233', 'getchat');
      expect(await two.get('customer:+905551112233')).toBe('getchat');
      expect(await two.get('customer:+905550000000')).toBeUndefined();
      await two.set('customer:+905551112233', 'desk360');
      expect(await one.get('customer:+905551112233')).toBe('desk360');
      const pttl = Number((await server.query('PTTL', `${prefix}rt:customer:+905551112233`)).slice(1));
      expect(pttl).toBeGreaterThan(0);
      expect(pttl).toBeLessThanOrEqual(60_000);
    });
  }

  it('refuses a bad ttl, naming the field', async () => {
    const client = await connect('ioredis');
    expect(() => createRedisRouteStore(client, { ttl: 0 })).toThrow(expect.objectContaining({ field: 'ttl' }));
  });

  describe('two routers sharing it', () => {
    let primary: MemoryEmulator;
    let secondary: MemoryEmulator;
    const routers: Router[] = [];
    beforeEach(async () => {
      primary = await createMemoryEmulator({ apiKey: 'route-primary-key-1' });
      secondary = await createMemoryEmulator({ apiKey: 'route-secondary-key-2' });
    });
    afterEach(async () => {
      await Promise.all(routers.splice(0).map((router) => router.close()));
      await primary.close();
      await secondary.close();
    });

    const router = async (prefix: string, timeout?: number) => {
      const member = (emulator: MemoryEmulator) =>
        createMemoryProvider({ baseUrl: emulator.url, apiKey: emulator.apiKey, allowInsecureHttp: true, retry: false, rateLimit: false });
      const made = createRouter({
        providers: [
          { name: 'primary', provider: member(primary) },
          { name: 'secondary', provider: member(secondary) },
        ],
        store: createRedisRouteStore(await connect('ioredis'), { prefix, timeout }),
      });
      routers.push(made);
      return made;
    };

    it('a conversation one process moved to the secondary stays there in another process', async () => {
      const [a, b] = [await router('shared-a:'), await router('shared-a:')];
      primary.injectFault({ type: 'http_error', status: 403, times: 1 });
      expect((await a.send({ type: 'text', to: '+905551112233', text: 'from process a' })).provider).toBe('secondary');
      const asked = primary.requests().length;
      expect((await b.send({ type: 'text', to: '+905551112233', text: 'from process b' })).provider).toBe('secondary');
      expect(primary.requests().length).toBe(asked);
      // Another customer still starts at the primary.
      expect((await b.send({ type: 'text', to: '+905559999999', text: 'new customer' })).provider).toBe('primary');
    });

    it('Redis stopped: the send still goes out, and the router emits store_unavailable', async () => {
      const routed = await router('shared-b:', 200);
      const errors: string[] = [];
      routed.on('error', (error) => errors.push(error.code));
      await server.stop();
      try {
        expect((await routed.send({ type: 'text', to: '+905551112233', text: 'redis is down' })).provider).toBe('primary');
      } finally {
        await server.start();
      }
      expect(primary.delivered()).toHaveLength(1);
      expect(errors.length).toBeGreaterThan(0);
      expect(new Set(errors)).toEqual(new Set(['store_unavailable']));
    });
  });
});

import { createServer } from 'node:net';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { createProvider } from 'wamux';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../test-support/redis-server';
import { checkRedis } from '../src/cli/redis-check';

async function closedPortUrl(password = ''): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `redis://${password ? `app:${password}@` : ''}127.0.0.1:${port}`;
}

describe('createProvider with redis: what it refuses or skips before connecting', () => {
  it('asks for the limit to share when there is none', async () => {
    await expect(
      createProvider({ provider: 'memory', baseUrl: 'http://127.0.0.1:1', apiKey: 'k', allowInsecureHttp: true, redis: 'redis://127.0.0.1:1' }, { env: {} }),
    ).rejects.toMatchObject({
      code: 'configuration_invalid',
      field: 'rateLimit',
    });
  });

  it('opens no connection when the rate limit is off', async () => {
    const provider = await createProvider(
      { provider: 'memory', baseUrl: 'http://127.0.0.1:1', apiKey: 'k', allowInsecureHttp: true, rateLimit: false },
      { env: { WAMUX_REDIS_URL: await closedPortUrl() } },
    );
    await provider.close();
  });

  it('refuses a redis that is not a URL', async () => {
    await expect(
      createProvider(
        {
          provider: 'memory',
          baseUrl: 'http://127.0.0.1:1',
          apiKey: 'k',
          allowInsecureHttp: true,
          rateLimit: { requests: 1, interval: 1000 },
          redis: 'localhost',
        },
        { env: {} },
      ),
    ).rejects.toMatchObject({ code: 'configuration_invalid', field: 'redis' });
  });
});

describe('wamux doctor: the Redis check', () => {
  it('reports a server that does not answer, without the password', async () => {
    const result = await checkRedis(await closedPortUrl('hunter2-redis'));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^redis:\/\/127\.0\.0\.1:\d+: store_unavailable/);
    expect(result.detail).not.toContain('hunter2-redis');
  });
});

describeWithRedis('createProvider and doctor against a real redis-server', () => {
  let server: RedisServer;
  let emulator: MemoryEmulator;
  beforeAll(async () => {
    [server, emulator] = await Promise.all([startRedisServer(), createMemoryEmulator()]);
  });
  afterAll(async () => {
    await emulator?.close();
    await server?.close();
  });

  it('two providers from one config (two processes) share one limit in Redis, under the key wamux:<provider>', async () => {
    // 2 per second, no margin: one request every 500 ms, whichever provider sends it.
    const config = {
      provider: 'memory',
      baseUrl: emulator.url,
      apiKey: emulator.apiKey,
      allowInsecureHttp: true,
      rateLimit: { requests: 2, interval: 1000, margin: 0 },
    } as const;
    const one = await createProvider(config, { env: { WAMUX_REDIS_URL: server.url } });
    const other = await createProvider({ ...config, redis: server.url }, { env: {} });
    try {
      await one.send({ type: 'text', to: '+905551112233', text: 'first' });
      const started = Date.now();
      await other.send({ type: 'text', to: '+905551112233', text: 'second' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
      expect(await server.query('EXISTS', 'wamux:rl:wamux:memory')).toBe(':1');
    } finally {
      await one.close();
      await other.close();
    }
  });

  it('doctor reports the round trip of a server that answers', async () => {
    const result = await checkRedis(server.url);
    expect(result).toEqual({ ok: true, detail: expect.stringMatching(/^redis:\/\/127\.0\.0\.1:\d+: PING answered in [\d.]+ ms$/) });
  });
});

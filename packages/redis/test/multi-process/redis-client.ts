import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisClientLike } from '@wamux/redis';

/** The client a child process connects with: `WAMUX_TEST_CLIENT` (`ioredis` or `node-redis`) to `WAMUX_TEST_REDIS_URL`. */
export async function connectFromEnv(): Promise<RedisClientLike> {
  const url = process.env.WAMUX_TEST_REDIS_URL as string;
  if (process.env.WAMUX_TEST_CLIENT === 'node-redis') {
    const client = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(retries * 50, 200) } });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  }
  const client = new Redis(url, { retryStrategy: (times) => Math.min(times * 50, 200) });
  client.on('error', () => undefined);
  await new Promise<void>((resolve) => client.once('ready', () => resolve()));
  return client;
}

import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisClientLike } from '@wamux/redis';
import type { RedisServer } from '../../../../test-support/redis-server';

/** The two clients `@wamux/redis` supports; every Redis test runs with both. */
export const CLIENT_KINDS = ['ioredis', 'node-redis'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/** A connected client and how to let it go. */
export interface TestClient {
  readonly kind: ClientKind;
  readonly client: RedisClientLike;
  close(): Promise<void>;
}

/**
 * Connects a client of `kind` with its defaults (commands issued while it
 * reconnects are queued, as in most apps), reconnecting quickly so the
 * restart tests do not wait on back-off.
 */
export async function connectClient(kind: ClientKind, server: RedisServer): Promise<TestClient> {
  if (kind === 'ioredis') {
    const client = new Redis({ host: '127.0.0.1', port: server.port, retryStrategy: (times) => Math.min(times * 50, 200) });
    // ioredis logs "Unhandled error event" without a listener; the stores report outages themselves.
    client.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve());
      client.once('end', () => reject(new Error('ioredis could not connect')));
    });
    return { kind, client, close: async () => client.disconnect() };
  }
  const client = createClient({ url: server.url, socket: { reconnectStrategy: (retries) => Math.min(retries * 50, 200) } });
  // node-redis throws an "error" event nobody listens to: an app must listen.
  client.on('error', () => undefined);
  await client.connect();
  return {
    kind,
    client,
    close: async () => {
      client.destroy();
    },
  };
}

import { ConfigurationError } from '@wamux/core/adapter';
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/** A `redis://` / `rediss://` URL, or BullMQ's connection options (ioredis options or an ioredis instance). */
export type OutboxConnection = string | ConnectionOptions;

/**
 * BullMQ's connection options for `connection`. A URL becomes ioredis
 * options with `maxRetriesPerRequest: null`, which BullMQ's workers need to
 * ride out a Redis restart instead of failing their commands.
 */
export function toConnectionOptions(connection: OutboxConnection): ConnectionOptions {
  if (typeof connection !== 'string') return connection;
  let url: URL;
  try {
    url = new URL(connection);
  } catch {
    throw new ConfigurationError('connection', 'must be a redis:// or rediss:// URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new ConfigurationError('connection', 'must be a redis:// or rediss:// URL');
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new ConfigurationError('connection', 'the database (the URL path) must be a number');
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * A client of its own for the outbox's keys (unknown and settled sets),
 * on the same server as BullMQ's: a duplicate of an app's ioredis client,
 * or a new one from the options. The caller closes it.
 */
export function openOwnClient(options: ConnectionOptions): Redis {
  if (options instanceof Redis) return options.duplicate();
  // The outbox reads plain replies: an app's replyMapping is not carried over (nor accepted by ioredis's types here).
  const { replyMapping: _replyMapping, ...redisOptions } = options as RedisOptions;
  const client = new Redis({ ...redisOptions, maxRetriesPerRequest: null, lazyConnect: false });
  // Outages are reported by BullMQ's own `error` events; commands wait for the reconnection.
  client.on('error', () => undefined);
  return client;
}

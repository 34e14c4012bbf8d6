import { ConfigurationError } from '@wamux/core/adapter';

/**
 * The one thing the stores need from a Redis client: send a command, get
 * its reply. ioredis and node-redis are adapted to it by
 * {@link toRedisPort}; any other client can be passed as a port directly.
 */
export interface RedisPort {
  /**
   * Sends one command (`['SET', key, value, 'NX', 'PX', '5000']`) and
   * resolves its reply: strings, integers, arrays, `null` for nil. `key` is
   * the one key the command touches, for clients that route by key (Redis
   * Cluster). Rejects with the server's error reply, or a connection error.
   */
  send(args: readonly string[], key?: string): Promise<unknown>;
}

/** An ioredis `Redis` or `Cluster`: `call(command, ...args)`. */
export interface IoRedisLike {
  call(command: string, ...args: string[]): Promise<unknown>;
}

/** A node-redis client (`createClient()`): `sendCommand(args)`. */
export interface NodeRedisLike {
  sendCommand(args: string[]): Promise<unknown>;
}

/** A node-redis cluster (`createCluster()`): `sendCommand(firstKey, isReadonly, args)`. */
export interface NodeRedisClusterLike {
  readonly masters: unknown;
  sendCommand(firstKey: string | undefined, isReadonly: boolean | undefined, args: string[]): Promise<unknown>;
}

/**
 * A Redis client the stores accept: an ioredis `Redis` or `Cluster`, a
 * node-redis client or cluster (connected: call `connect()` first), or a
 * {@link RedisPort} of your own. The app owns the client: the stores never
 * connect or close it.
 */
export type RedisClientLike = IoRedisLike | NodeRedisLike | NodeRedisClusterLike | RedisPort;

/** Adapts any {@link RedisClientLike} to a {@link RedisPort}; a port is returned as is. Anything else is a `ConfigurationError` on `client`. */
export function toRedisPort(client: RedisClientLike): RedisPort {
  const candidate = client as Partial<Record<'call' | 'sendCommand' | 'send' | 'masters', unknown>>;
  if (typeof candidate.call === 'function') {
    const ioredis = client as IoRedisLike;
    return { send: ([command, ...args]) => ioredis.call(command as string, ...args) };
  }
  if (typeof candidate.sendCommand === 'function' && 'masters' in candidate) {
    const cluster = client as NodeRedisClusterLike;
    return { send: (args, key) => cluster.sendCommand(key, false, [...args]) };
  }
  if (typeof candidate.sendCommand === 'function') {
    const nodeRedis = client as NodeRedisLike;
    return { send: (args) => nodeRedis.sendCommand([...args]) };
  }
  if (typeof candidate.send === 'function') return client as RedisPort;
  throw new ConfigurationError('client', 'must be an ioredis client, a node-redis client, or a RedisPort ({ send(args, key) })');
}

/**
 * What a failed Redis call means for a store:
 *
 * - `noscript`: EVALSHA of a script the server does not hold (a restart, a
 *   failover, SCRIPT FLUSH): send the script itself.
 * - `transient`: the server could not answer now (no connection, a reset,
 *   a timeout, LOADING after a restart, BUSY, a failover in progress): the
 *   same call may succeed in a moment.
 * - `refused`: the server answered with an error the same call will get
 *   again (WRONGTYPE, NOPERM, a script error): a misconfiguration.
 */
export type RedisFailure = 'noscript' | 'transient' | 'refused';

/** Error replies that say "not now" rather than "never". */
const TRANSIENT_REPLIES = new Set(['LOADING', 'BUSY', 'TRYAGAIN', 'CLUSTERDOWN', 'MASTERDOWN', 'READONLY', 'MOVED', 'ASK']);

/**
 * Classifies an error a Redis client rejected with. Server error replies
 * start with an upper-case code (`NOSCRIPT No matching script`, `WRONGTYPE
 * Operation against a key...`) in both ioredis and node-redis; anything
 * else is the connection's doing.
 */
export function classifyRedisError(error: unknown): RedisFailure {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const code = /^([A-Z][A-Z_]+)(?:\s|$)/.exec(message)?.[1];
  if (code === undefined) return 'transient';
  if (code === 'NOSCRIPT') return 'noscript';
  return TRANSIENT_REPLIES.has(code) ? 'transient' : 'refused';
}

/** The Redis error code of an error reply (`WRONGTYPE`, `NOPERM`...), for error messages. */
export function redisErrorCode(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  return /^([A-Z][A-Z_]+)(?:\s|$)/.exec(message)?.[1];
}

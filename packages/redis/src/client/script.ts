import { createHash } from 'node:crypto';
import type { RedisPort } from './port';
import { classifyRedisError } from './redis-errors';

/** A Lua script and its SHA1, the name Redis caches it under. */
export interface LuaScript {
  readonly source: string;
  readonly sha: string;
}

/** Prepares a Lua script for {@link runScript}. */
export function luaScript(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * Runs a script on one key: EVALSHA (only the 40-character name travels),
 * and EVAL with the source when the server does not hold it yet (first use,
 * a restart, a failover), which also caches it for the next call. One key
 * per script, so every call is served by one node of a Redis Cluster.
 */
export async function runScript(port: RedisPort, script: LuaScript, key: string, args: readonly string[]): Promise<unknown> {
  try {
    return await port.send(['EVALSHA', script.sha, '1', key, ...args], key);
  } catch (error) {
    if (classifyRedisError(error) !== 'noscript') throw error;
    return port.send(['EVAL', script.source, '1', key, ...args], key);
  }
}

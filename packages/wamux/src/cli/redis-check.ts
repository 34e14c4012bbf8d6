import { redactText } from '@wamux/core/adapter';
import type { Environment } from '../config';
import { redisUrlOf } from '../shared-stores';
import { errorLine } from './errors';
import type { ResolvedTarget } from './target';

/** The Redis URL a configured target asks for (its `redis`, else `WAMUX_REDIS_URL`); none for a built-in emulator. */
export function redisTarget(target: ResolvedTarget, env: Environment): string | undefined {
  if (target.kind !== 'configured') return undefined;
  try {
    return redisUrlOf(target.config as Record<string, unknown>, env);
  } catch {
    return undefined;
  }
}

/**
 * Connects to `url`, sends one PING and closes: what `wamux doctor` shows.
 * The detail names the server without the URL's password.
 */
export async function checkRedis(url: string): Promise<{ ok: boolean; detail: string }> {
  const where = describe(url);
  try {
    const { connectRedisStores } = await import('@wamux/redis');
    const stores = await connectRedisStores(url, { connectTimeout: 3_000, timeout: 3_000 });
    try {
      const ms = await stores.ping();
      return { ok: true, detail: `${where}: PING answered in ${ms.toFixed(1)} ms` };
    } finally {
      await stores.close();
    }
  } catch (error) {
    return { ok: false, detail: `${where}: ${errorLine(error).replace(/^wamux: /, '')}` };
  }
}

/** `redis://host:port` without credentials, or a placeholder for a URL that is not one. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}:${parsed.port || '6379'}`;
  } catch {
    return redactText('(not a URL)');
  }
}

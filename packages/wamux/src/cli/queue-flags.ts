import { UsageError } from './command';

/** The flags every outbox command shares. */
export const QUEUE_OPTIONS = {
  queue: { type: 'string' },
  'queue-name': { type: 'string' },
} as const;

/** Their usage lines. */
export const QUEUE_USAGE = `  --queue <redis-url>     The outbox's Redis (default: WAMUX_REDIS_URL)
  --queue-name <name>     The outbox's queue (default: wamux-outbox)`;

/** `--queue`, else `WAMUX_REDIS_URL`; a usage error when neither is given. */
export function queueConnection(
  values: { queue?: string | undefined; 'queue-name'?: string | undefined },
  env: NodeJS.ProcessEnv,
): { connection: string; name: string | undefined } {
  const connection = values.queue ?? env.WAMUX_REDIS_URL;
  if (connection === undefined || connection === '') throw new UsageError('--queue <redis-url> is required (or set WAMUX_REDIS_URL)');
  return { connection, name: values['queue-name'] };
}

/** `@wamux/queue`, loaded only by the commands that use it: bullmq stays out of every other command's start-up. */
export async function loadQueue(): Promise<typeof import('@wamux/queue')> {
  try {
    return await import('@wamux/queue');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new UsageError('the outbox needs @wamux/queue and ioredis: npm install @wamux/queue ioredis');
    throw error;
  }
}

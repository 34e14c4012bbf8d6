import { createHash } from 'node:crypto';

/**
 * The job id of an idempotency key: BullMQ keeps one job per id, so the
 * same key enqueued twice is one message for as long as the job is kept
 * (see `retention`). Hashed so that any key (colons, spaces, any length)
 * makes a valid id.
 */
export function jobIdForKey(key: string): string {
  return `k-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** The outbox's own Redis keys, next to BullMQ's keys of the same queue. */
export function outboxKeys(prefix: string, name: string) {
  const base = `${prefix}:${name}:wamux`;
  return {
    /** ZSET of the jobs whose outcome is `unknown`, scored by when. */
    unknown: `${base}:unknown`,
    /** SET per recipient of its `unknown` jobs, for settling from a status webhook. */
    unknownTo: (to: string) => `${base}:unknown-to:${to}`,
    /** ZSET of the settled jobs, scored by when. */
    settled: `${base}:settled`,
  };
}

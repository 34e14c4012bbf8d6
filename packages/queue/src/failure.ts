import type { OutboxFailure } from './types';

/** The part of a send error the outbox keeps: code, message, status (wamux errors are already scrubbed of secrets). */
export function describeFailure(error: unknown): OutboxFailure {
  const fields = typeof error === 'object' && error !== null ? (error as { code?: unknown; message?: unknown; status?: unknown }) : {};
  return {
    code: typeof fields.code === 'string' ? fields.code : 'error',
    message: typeof fields.message === 'string' ? fields.message : String(error),
    status: typeof fields.status === 'number' ? fields.status : undefined,
  };
}

/**
 * Thrown by the processor for a `not_sent` failure that may succeed later:
 * BullMQ retries it after {@link retryDelay}, and dead-letters it after the
 * last attempt.
 */
export class NotSentError extends Error {
  constructor(
    readonly failure: OutboxFailure,
    readonly retryAfter: number | undefined,
  ) {
    super(`${failure.code}: ${failure.message}`);
    this.name = 'NotSentError';
  }
}

/** Options of the retry backoff. */
export interface BackoffOptions {
  /** The first delay, in ms; doubles each attempt. Default 1 000. */
  delay?: number | undefined;
  /** The longest delay, in ms, a Retry-After included. Default 60 000. */
  max?: number | undefined;
}

/**
 * The delay before retry `attemptsMade + 1`: the vendor's Retry-After when
 * it gave one, else exponential with equal jitter so that many workers do
 * not retry in step; never more than `max`.
 */
export function retryDelay(attemptsMade: number, error: unknown, options: BackoffOptions = {}): number {
  const base = options.delay ?? 1_000;
  const max = options.max ?? 60_000;
  const retryAfter = error instanceof NotSentError ? error.retryAfter : undefined;
  if (retryAfter !== undefined) return Math.min(Math.max(retryAfter, 0), max);
  const exponential = Math.min(base * 2 ** Math.max(attemptsMade - 1, 0), max);
  return Math.round(exponential / 2 + (Math.random() * exponential) / 2);
}

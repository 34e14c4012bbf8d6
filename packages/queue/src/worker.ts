import { EventEmitter } from 'eventemitter3';
import { deliveryOf, type Provider } from '@wamux/core/adapter';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { openOwnClient, toConnectionOptions } from './connection';
import { describeFailure, NotSentError, retryDelay, type BackoffOptions } from './failure';
import { outboxKeys } from './keys';
import { DEFAULT_PREFIX, DEFAULT_QUEUE_NAME, type OutboxQueueOptions } from './outbox';
import type { OutboxFailure, OutboxJobData, OutboxJobResult } from './types';

/** Options of {@link startOutboxWorker}. */
export interface OutboxWorkerOptions extends OutboxQueueOptions {
  /** The provider to send through. Give it a shared `rateLimit.store` (`@wamux/redis`) so that the vendor's limit holds across every worker. */
  provider: Pick<Provider, 'send'>;
  /** Messages this worker sends at once. Default 8. */
  concurrency?: number | undefined;
  /**
   * How long a worker's hold on a message lasts without renewal, in ms
   * (renewed every half). A worker that dies (SIGKILL, a lost machine)
   * lets its messages go after this long. Default 30 000.
   */
  lockDuration?: number | undefined;
  /** How often expired holds are looked for, in ms. Default 30 000. */
  stalledInterval?: number | undefined;
  /** The backoff between attempts: the same as the outbox's. */
  backoff?: BackoffOptions | undefined;
}

/** The events of one worker (this process's sends only; an outbox hears every worker's). */
export interface OutboxWorkerEvents {
  sent: [event: { jobId: string; messageId: string }];
  /** An attempt failed `not_sent`; `willRetry` says whether another follows. */
  attemptFailed: [event: { jobId: string; failure: OutboxFailure; willRetry: boolean }];
  unknown: [event: { jobId: string; failure: OutboxFailure }];
  error: [error: Error];
}

/** A running outbox worker. */
export interface OutboxWorker extends EventEmitter<OutboxWorkerEvents> {
  /**
   * Stops taking messages and waits for those in flight to finish (sent,
   * or handed back for a retry): none is lost or sent twice. What
   * SIGTERM should call.
   */
  close(): Promise<void>;
}

/**
 * A worker of the outbox: takes messages from the queue and sends them
 * through `provider`. Start any number, in any process.
 *
 * Before each send it records in the job that a send began; a job picked
 * up with that mark (its worker died mid-send) is `unknown`, never sent
 * again. A `not_sent` failure clears the mark and is retried after a
 * backoff (the vendor's Retry-After when it gave one) until the attempts
 * run out, then dead-lettered; one that cannot succeed later (a refusal
 * that is not retryable) is dead-lettered at once. An `unknown` failure
 * ends the job as `unknown`.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const keys = outboxKeys(prefix, name);
  const emitter = new EventEmitter<OutboxWorkerEvents>();
  const provider = options.provider;
  const connection = toConnectionOptions(options.connection);
  const client = openOwnClient(connection);

  const markUnknown = async (job: Job<OutboxJobData, OutboxJobResult>, failure: OutboxFailure): Promise<OutboxJobResult> => {
    await client
      .multi()
      .zadd(keys.unknown, Date.now(), job.id as string)
      .sadd(keys.unknownTo(job.data.message.to), job.id as string)
      .exec();
    emitter.emit('unknown', { jobId: job.id as string, failure });
    return { outcome: 'unknown', failure };
  };

  const process = async (job: Job<OutboxJobData, OutboxJobResult>): Promise<OutboxJobResult> => {
    const data = job.data;
    if (data.sendingSince !== undefined) {
      return markUnknown(job, { code: 'interrupted', message: 'a worker stopped while sending this message: it may have been delivered' });
    }
    // The write-ahead mark: once it is in Redis, no other worker sends this message blindly.
    await job.updateData({ ...data, sendingSince: Date.now() });
    try {
      const result = await provider.send(data.message);
      emitter.emit('sent', { jobId: job.id as string, messageId: result.id });
      return { outcome: 'sent', messageId: result.id, whatsappMessageId: result.whatsappMessageId };
    } catch (error) {
      const failure = describeFailure(error);
      if (deliveryOf(error) !== 'not_sent') return markUnknown(job, failure);
      await job.updateData({ ...data, sendingSince: undefined, lastFailure: failure });
      const retryable = (error as { retryable?: unknown }).retryable === true;
      const willRetry = retryable && job.attemptsMade + 1 < (job.opts.attempts ?? 1);
      emitter.emit('attemptFailed', { jobId: job.id as string, failure, willRetry });
      if (!retryable) throw new UnrecoverableError(`${failure.code}: ${failure.message}`);
      const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
      throw new NotSentError(failure, typeof retryAfter === 'number' ? retryAfter : undefined);
    }
  };

  const worker: Worker<OutboxJobData, OutboxJobResult> = new Worker<OutboxJobData, OutboxJobResult>(name, process, {
    connection,
    prefix,
    concurrency: options.concurrency ?? 8,
    lockDuration: options.lockDuration ?? 30_000,
    stalledInterval: options.stalledInterval ?? options.lockDuration ?? 30_000,
    // A job whose worker died is safe to pick up again (the write-ahead mark
    // makes it `unknown`), so stalls never dead-letter it.
    maxStalledCount: Number.MAX_SAFE_INTEGER,
    settings: { backoffStrategy: (attemptsMade, _type, error) => retryDelay(attemptsMade, error, options.backoff) },
  });
  worker.on('error', (error) => emitter.emit('error', error));

  let closing: Promise<void> | undefined;
  return Object.assign(emitter, {
    close() {
      closing ??= worker.close().finally(() => client.disconnect());
      return closing;
    },
  }) as OutboxWorker;
}

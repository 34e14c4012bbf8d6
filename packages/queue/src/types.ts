import type { OutboundMessage } from '@wamux/core/adapter';

/**
 * Where a message of the outbox stands:
 *
 * - `queued`: waiting its turn (or its delay, or the backoff before a retry);
 * - `sending`: a worker holds it;
 * - `sent`: the vendor accepted it (`messageId` is the vendor's id);
 * - `dead_lettered`: every attempt failed and none was delivered (each
 *   failure was `not_sent`), or the vendor refused it for good;
 * - `unknown`: an attempt may have been delivered (a lost answer, a worker
 *   killed mid-send); never retried blindly, it waits to be settled;
 * - `settled`: an `unknown` message someone settled (a status webhook, the
 *   app, the CLI), with what they found out.
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'dead_lettered' | 'unknown' | 'settled';

/** What the outbox knows about one failure of an attempt. */
export interface OutboxFailure {
  /** The wamux error code (`rate_limited`, `provider_error`, ...), or `interrupted` for a worker that stopped mid-send. */
  code: string;
  /** The error's message (wamux errors are already scrubbed of secrets). */
  message: string;
  /** The HTTP status the vendor answered, when it did. */
  status?: number | undefined;
}

/** How an `unknown` message was settled. */
export type Settlement = { delivered: true; messageId?: string | undefined; by: string; at: number } | { delivered: false; by: string; at: number };

/** One message of the outbox, as {@link Outbox.get} and {@link Outbox.lookup} return it. */
export interface OutboxEntry {
  jobId: string;
  state: OutboxState;
  message: OutboundMessage;
  idempotencyKey?: string | undefined;
  /** Attempts made so far. */
  attempts: number;
  /** The vendor's message id, once sent (or settled as delivered with one). */
  messageId?: string | undefined;
  /** The last failure, for `dead_lettered`, `unknown`, and a `queued` message waiting for a retry. */
  failure?: OutboxFailure | undefined;
  settlement?: Settlement | undefined;
  enqueuedAt: number;
  finishedAt?: number | undefined;
}

/** The messages of the outbox, counted by state. */
export type OutboxCounts = Record<OutboxState, number>;

/** The events of an outbox, from every worker of the queue (through Redis). */
export interface OutboxEvents {
  /** The vendor accepted a message. */
  sent: [event: { jobId: string; messageId: string }];
  /** A message was dead-lettered: no attempt delivered it and none will be made. */
  failed: [event: { jobId: string; failure: OutboxFailure }];
  /** An attempt may have been delivered: the message waits to be settled. */
  unknown: [event: { jobId: string; failure: OutboxFailure }];
  /** An `unknown` message was settled. */
  settled: [event: { jobId: string; settlement: Settlement }];
  /** The outbox's own connection failed (Redis down...); it reconnects by itself. */
  error: [error: Error];
}

/** What a job carries in Redis. */
export interface OutboxJobData {
  message: OutboundMessage;
  key?: string | undefined;
  /** Unique per `send` call: tells a duplicate key from a new message. */
  enqueueId?: string | undefined;
  /** Set just before a send starts, cleared when the attempt proved `not_sent`: a job picked up with it set was interrupted mid-send. */
  sendingSince?: number | undefined;
  lastFailure?: OutboxFailure | undefined;
  settlement?: Settlement | undefined;
}

/** What a finished (completed) job returns. */
export type OutboxJobResult = { outcome: 'sent'; messageId: string; whatsappMessageId?: string | undefined } | { outcome: 'unknown'; failure: OutboxFailure };

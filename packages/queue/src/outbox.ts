import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'eventemitter3';
import { checkOutbound, compact, ConfigurationError, type OutboundMessage, type Provider } from '@wamux/core/adapter';
import { Job, Queue, QueueEvents, QueueEventsProducer, type JobState } from 'bullmq';
import { openOwnClient, toConnectionOptions, type OutboxConnection } from './connection';
import { jobIdForKey, outboxKeys } from './keys';
import type { OutboxCounts, OutboxEntry, OutboxEvents, OutboxJobData, OutboxJobResult, OutboxState, Settlement } from './types';

/** The queue name when none is given. */
export const DEFAULT_QUEUE_NAME = 'wamux-outbox';
/** BullMQ's key prefix when none is given. */
export const DEFAULT_PREFIX = 'bull';

/** What the outbox and its workers share: where the queue is. */
export interface OutboxQueueOptions {
  /** A `redis://` URL or BullMQ connection options. */
  connection: OutboxConnection;
  /** The queue's name: every outbox and worker of one name share its messages. Default `wamux-outbox`. */
  name?: string | undefined;
  /** BullMQ's key prefix. Default `bull`. */
  prefix?: string | undefined;
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions extends OutboxQueueOptions {
  /**
   * The provider the workers send through: messages are validated against
   * its capabilities when enqueued. Without one the outbox can look up,
   * count and settle, but not send.
   */
  provider?: Pick<Provider, 'name' | 'capabilities'> | undefined;
  /** Attempts per message, the first included, while each failure is `not_sent`. Default 8. The delay between them is the workers' `backoff`. */
  attempts?: number | undefined;
  /**
   * How long finished messages are kept, in seconds: their outcome can be
   * looked up, and their idempotency key refuses a duplicate, for this
   * long. Default 7 days for sent or unknown messages, 30 days for
   * dead-lettered ones.
   */
  retention?: { finished?: number | undefined; deadLettered?: number | undefined } | undefined;
  /** Subscribe to the queue's events (sent, failed, unknown, settled). Default true; an outbox that only enqueues can save the connection. */
  events?: boolean | undefined;
}

/** Options of one {@link Outbox.send}. */
export interface OutboxSendOptions {
  /** The same key enqueued twice is one message (for as long as `retention` keeps it). Without one, each call is a new message. */
  idempotencyKey?: string | undefined;
  /** Send no earlier than this many ms from now. */
  delay?: number | undefined;
  /** 1 (highest) to 2 097 152; without one, a message goes before every prioritized one, in order. */
  priority?: number | undefined;
}

/** What {@link Outbox.send} returns. */
export interface OutboxSendResult {
  jobId: string;
  /** True when the idempotency key was already in the outbox: nothing new was enqueued. */
  duplicate: boolean;
}

/** What the settling party found out about an `unknown` message. */
export type SettleOutcome = { delivered: true; messageId?: string | undefined } | { delivered: false };

/** A durable outbox on BullMQ. See docs/outbox.md. */
export interface Outbox extends EventEmitter<OutboxEvents> {
  /** The queue's name. */
  readonly name: string;
  /**
   * Validates `message` against the provider's capabilities (the same
   * typed errors as `send`: nothing is enqueued when it throws), then
   * enqueues it. Resolves with its job id.
   */
  send(message: OutboundMessage, options?: OutboxSendOptions): Promise<OutboxSendResult>;
  /** The message of a job id, or undefined when the outbox does not have it (never had, or no longer keeps). */
  get(jobId: string): Promise<OutboxEntry | undefined>;
  /** The message enqueued with `idempotencyKey`, or undefined. */
  lookup(idempotencyKey: string): Promise<OutboxEntry | undefined>;
  /**
   * Settles an `unknown` message: `delivered: true` (with the vendor's id
   * when known) or `delivered: false` (the app checked: it never arrived;
   * to send it, enqueue it again under a new key). Resolves false when the
   * job is not `unknown` (already settled, or never was).
   */
  settle(ref: { jobId: string } | { idempotencyKey: string }, outcome: SettleOutcome, by?: string): Promise<boolean>;
  /**
   * Settles as delivered the one `unknown` message to `recipient`, with the
   * vendor's `messageId`: what a status webhook naming an unknown message
   * tells. With several unknown messages to the same recipient it cannot
   * tell which one the status is about, and settles none. Resolves the job
   * id it settled, if any.
   */
  settleByRecipient(recipient: string, messageId: string, by?: string): Promise<string | undefined>;
  /**
   * The `unknown` messages awaiting settlement, oldest first. One no
   * longer kept (past `retention`) is dropped from the set, and so from
   * `counts()`, here.
   */
  listUnknown(limit?: number): Promise<OutboxEntry[]>;
  /** The messages the outbox keeps, counted by state. */
  counts(): Promise<OutboxCounts>;
  /** Closes the outbox's connections (not the workers'). */
  close(): Promise<void>;
}

/**
 * A durable outbox on BullMQ: `send` validates and enqueues; workers
 * ({@link startOutboxWorker}, any number, in any process) send. Outcomes
 * follow the `delivery` contract of `send`: `not_sent` failures are
 * retried, then dead-lettered; `unknown` ones wait to be settled.
 *
 * ```ts
 * const outbox = createOutbox({ connection: process.env.REDIS_URL!, provider });
 * const { jobId } = await outbox.send({ type: 'text', to: '+905551112233', text: 'Hi' }, { idempotencyKey: `order-${order.id}` });
 * ```
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const attempts = options.attempts ?? 8;
  if (!Number.isInteger(attempts) || attempts < 1) throw new ConfigurationError('attempts', 'must be a whole number of at least 1');
  const provider = options.provider;
  if (provider !== undefined && (typeof provider.name !== 'string' || typeof provider.capabilities !== 'object'))
    throw new ConfigurationError('provider', 'must be a wamux provider');
  const connection = toConnectionOptions(options.connection);
  const keys = outboxKeys(prefix, name);
  const finished = options.retention?.finished ?? 7 * 24 * 3600;
  const deadLettered = options.retention?.deadLettered ?? 30 * 24 * 3600;

  const emitter = new EventEmitter<OutboxEvents>();
  const client = openOwnClient(connection);
  const queue = new Queue<OutboxJobData, OutboxJobResult>(name, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts,
      // The delay is the workers' to compute (their `backoff`, or the vendor's Retry-After).
      backoff: { type: 'wamux' },
      removeOnComplete: { age: finished },
      removeOnFail: { age: deadLettered },
    },
  });
  queue.on('error', (error) => emitter.emit('error', error));
  const producer = new QueueEventsProducer(name, { connection, prefix });
  producer.on('error', (error) => emitter.emit('error', error));
  let events: QueueEvents | undefined;
  if (options.events !== false) {
    events = new QueueEvents(name, { connection, prefix });
    events.on('error', (error) => emitter.emit('error', error));
    events.on('completed', ({ jobId, returnvalue }) => {
      const result = parseResult(returnvalue);
      if (result?.outcome === 'sent') emitter.emit('sent', { jobId, messageId: result.messageId });
      else if (result?.outcome === 'unknown') emitter.emit('unknown', { jobId, failure: result.failure });
    });
    events.on('failed', ({ jobId }) => {
      // Only a finished job is a dead letter (an attempt that will be retried
      // is not); the reason is read from the job.
      void Job.fromId<OutboxJobData, OutboxJobResult>(queue, jobId).then(
        (job) => {
          if (job && job.finishedOn !== undefined)
            emitter.emit('failed', { jobId, failure: job.data.lastFailure ?? { code: 'error', message: job.failedReason } });
        },
        (error: Error) => emitter.emit('error', error),
      );
    });
    events.on('wamux:settled' as 'waiting', (args: unknown) => {
      const { jobId, settlement } = args as { jobId: string; settlement: string };
      const parsed = safeJson(settlement);
      if (typeof parsed === 'object' && parsed !== null) emitter.emit('settled', { jobId, settlement: parsed as Settlement });
    });
  }

  const entryOf = async (job: Job<OutboxJobData, OutboxJobResult> | undefined): Promise<OutboxEntry | undefined> => {
    if (!job?.id) return undefined;
    const state = toOutboxState(await job.getState(), job);
    const result = parseResult(job.returnvalue);
    return {
      jobId: job.id,
      state,
      message: job.data.message,
      idempotencyKey: job.data.key,
      attempts: job.attemptsMade,
      messageId: result?.outcome === 'sent' ? result.messageId : job.data.settlement?.delivered ? job.data.settlement.messageId : undefined,
      failure: result?.outcome === 'unknown' ? result.failure : job.data.lastFailure,
      settlement: job.data.settlement,
      enqueuedAt: job.timestamp,
      finishedAt: job.finishedOn,
    };
  };
  const fetchJob = (jobId: string) => Job.fromId<OutboxJobData, OutboxJobResult>(queue, jobId);

  const settleJob = async (jobId: string, outcome: SettleOutcome, by: string): Promise<boolean> => {
    const job = await fetchJob(jobId);
    if (!job || job.data.settlement) return false;
    // ZREM decides the race between two settling parties: only the one that removed it goes on.
    const removed = await client.zrem(keys.unknown, jobId);
    if (removed !== 1) return false;
    const settlement: Settlement = outcome.delivered
      ? { delivered: true, messageId: outcome.messageId, by, at: Date.now() }
      : { delivered: false, by, at: Date.now() };
    await job.updateData({ ...job.data, settlement });
    await client.multi().srem(keys.unknownTo(job.data.message.to), jobId).zadd(keys.settled, settlement.at, jobId).exec();
    await producer.publishEvent({ eventName: 'wamux:settled', jobId, settlement: JSON.stringify(settlement) });
    return true;
  };

  return Object.assign(emitter, {
    name,
    async send(message: OutboundMessage, sendOptions: OutboxSendOptions = {}) {
      if (!provider) throw new ConfigurationError('provider', 'is needed to send: messages are checked against its capabilities');
      const valid = checkOutbound(message, provider.capabilities, provider.name);
      const { idempotencyKey: key, delay, priority } = sendOptions;
      if (key !== undefined && (typeof key !== 'string' || key === '')) throw new ConfigurationError('idempotencyKey', 'must be a non-empty string');
      if (delay !== undefined && !(Number.isFinite(delay) && delay >= 0)) throw new ConfigurationError('delay', 'must be a number of ms, 0 or more');
      if (priority !== undefined && !(Number.isInteger(priority) && priority >= 1 && priority <= 2_097_152)) {
        throw new ConfigurationError('priority', 'must be a whole number from 1 to 2097152');
      }
      const jobId = key === undefined ? undefined : jobIdForKey(key);
      const enqueueId = randomUUID();
      const job = await queue.add('send', { message: valid, key, enqueueId }, compact({ jobId, delay, priority }));
      // BullMQ keeps the existing job for an id it has and answers with the id:
      // whether the stored job carries this call's enqueueId tells the two apart.
      const duplicate = jobId !== undefined && (await fetchJob(jobId))?.data.enqueueId !== enqueueId;
      return { jobId: job.id as string, duplicate };
    },
    get: async (jobId: string) => entryOf(await fetchJob(jobId)),
    lookup: async (key: string) => entryOf(await fetchJob(jobIdForKey(key))),
    async settle(ref: { jobId: string } | { idempotencyKey: string }, outcome: SettleOutcome, by = 'app') {
      return settleJob('jobId' in ref ? ref.jobId : jobIdForKey(ref.idempotencyKey), outcome, by);
    },
    async settleByRecipient(recipient: string, messageId: string, by = 'webhook') {
      const candidates = await client.smembers(keys.unknownTo(recipient));
      if (candidates.length !== 1) return undefined;
      const jobId = candidates[0] as string;
      return (await settleJob(jobId, { delivered: true, messageId }, by)) ? jobId : undefined;
    },
    async listUnknown(limit = 100) {
      const ids = await client.zrange(keys.unknown, 0, limit - 1);
      const entries = await Promise.all(ids.map(async (id) => entryOf(await fetchJob(id))));
      // A job past its retention is gone: its id leaves the set (and the counts) here.
      const gone = ids.filter((_, i) => entries[i] === undefined);
      if (gone.length > 0) await client.zrem(keys.unknown, ...gone);
      return entries.filter((entry): entry is OutboxEntry => entry !== undefined);
    },
    async counts() {
      const [bull, unknown, settled] = await Promise.all([
        queue.getJobCounts('waiting', 'prioritized', 'delayed', 'waiting-children', 'active', 'completed', 'failed'),
        client.zcard(keys.unknown),
        client.zcard(keys.settled),
      ]);
      const n = (state: string) => bull[state] ?? 0;
      return {
        queued: n('waiting') + n('prioritized') + n('delayed') + n('waiting-children'),
        sending: n('active'),
        // Completed jobs are the sent ones and the unknown ones (settled or not).
        sent: Math.max(0, n('completed') - unknown - settled),
        dead_lettered: n('failed'),
        unknown,
        settled,
      } satisfies OutboxCounts;
    },
    async close() {
      await Promise.all([events?.close(), producer.close(), queue.close()]);
      client.disconnect();
    },
  }) as Outbox;
}

/** A completed job's return value, parsed when it comes as JSON from an event. */
function parseResult(value: unknown): OutboxJobResult | undefined {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const outcome = (parsed as { outcome?: unknown }).outcome;
  return outcome === 'sent' || outcome === 'unknown' ? (parsed as OutboxJobResult) : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The outbox state of a BullMQ job state. */
function toOutboxState(state: JobState | 'unknown', job: Job<OutboxJobData, OutboxJobResult>): OutboxState {
  switch (state) {
    case 'completed': {
      const result = parseResult(job.returnvalue);
      if (result?.outcome === 'sent') return 'sent';
      return job.data.settlement ? 'settled' : 'unknown';
    }
    case 'failed':
      return 'dead_lettered';
    case 'active':
      return 'sending';
    default:
      return 'queued';
  }
}

// @wamux/queue: a durable outbox on BullMQ. Sends are queued in Redis,
// sent by any number of workers through one shared rate limit, retried
// only when they were provably not sent, and never sent twice.
export {
  createOutbox,
  DEFAULT_PREFIX,
  DEFAULT_QUEUE_NAME,
  type Outbox,
  type OutboxOptions,
  type OutboxQueueOptions,
  type OutboxSendOptions,
  type OutboxSendResult,
  type SettleOutcome,
} from './outbox';
export { startOutboxWorker, type OutboxWorker, type OutboxWorkerEvents, type OutboxWorkerOptions } from './worker';
export { settleFromWebhooks, type SettleFromWebhooksOptions } from './settle-from-webhooks';
export { handleSigterm } from './shutdown';
export { jobIdForKey } from './keys';
export type { OutboxConnection } from './connection';
export type { BackoffOptions } from './failure';
export type { OutboxCounts, OutboxEntry, OutboxEvents, OutboxFailure, OutboxState, Settlement } from './types';

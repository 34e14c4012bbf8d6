import { trimOldest } from '../util/trim-oldest';
import { ConfigurationError } from '../errors/classes';
import type { StatusEvent } from '../model/events';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../model/status';

/**
 * The answer to a claim of one status of one message.
 *
 * - `claimed`: the status moves the message forward; this caller owns it
 *   until it completes or releases the claim, or the lease runs out (as
 *   with {@link DedupeClaim}). Only the holder of `token` settles it.
 * - `in_flight`: another status of the same message (or this one) is being
 *   processed right now: the statuses of one message are processed one at
 *   a time, so its listeners never overlap and never see it go backwards.
 * - `done`: this status of this message was processed already (a redelivery).
 * - `stale`: the message is already past this status (a `delivered` after
 *   `read`, a `sent` after `delivered` or `failed`): emitting it would move
 *   the message backwards. `current` is the furthest status it reached.
 */
export type StatusClaim =
  | { readonly state: 'claimed'; readonly token: string }
  | { readonly state: 'in_flight' }
  | { readonly state: 'done' }
  | { readonly state: 'stale'; readonly current: DeliveryStatus };

/**
 * Keeps each message's status moving forward only, whatever order vendors
 * deliver status webhooks in, and processes each status once. It replaces
 * per-status-key de-duplication for `status` events, with the same claim,
 * then complete or release protocol as {@link DedupeStore}:
 *
 * 1. `claim(key, status, leaseMs)` before the listeners run; the answer
 *    says whether the status is emitted (`claimed`) or not.
 * 2. `complete(key, token)` after every listener succeeded: the status
 *    counts as reached, and later claims of it answer `done`, of any status
 *    behind it `stale`.
 * 3. `release(key, token)` when a listener failed: the status is forgotten,
 *    so the vendor's redelivery runs it again.
 *
 * The order (see {@link statusBehind}): `queued` < `sent` < `delivered` <
 * `read` < `played`, and a status implies every one before it (a message
 * read was delivered). `failed` comes after `sent` and may come beside
 * `delivered` in either order, but not after `read`. `deleted` is never
 * behind. A status claimed and not yet settled counts as reached when
 * deciding whether another one is behind; one that is not behind it waits
 * (`in_flight`) until it is settled.
 */
export interface StatusOrderStore {
  claim(key: string, status: DeliveryStatus, leaseMs: number): StatusClaim | Promise<StatusClaim>;
  complete(key: string, token: string): void | Promise<void>;
  release(key: string, token: string): void | Promise<void>;
}

/** The key of a status event's message in a {@link StatusOrderStore}: one per message, whatever its status. */
export function statusOrderKey(event: StatusEvent): string {
  return `${event.provider}:s:${event.status.messageId}`;
}

/**
 * One bit per status, to keep the statuses a message reached (or has
 * claimed) in one integer. Shared stores keep the same mask, so a store on
 * Redis and the one in memory decide alike.
 */
export const STATUS_BITS: Readonly<Record<DeliveryStatus, number>> = Object.freeze(
  Object.fromEntries(DELIVERY_STATUSES.map((status, index) => [status, 1 << index])) as Record<DeliveryStatus, number>,
);

/** The statuses a message moves through, each implying the ones before it. */
const PROGRESS: readonly DeliveryStatus[] = ['queued', 'sent', 'delivered', 'read', 'played'];

/**
 * Whether `status` would move a message backwards, given the mask of
 * statuses it has reached (see {@link STATUS_BITS}): the status it is
 * behind (the furthest one reached), or `undefined` when it moves forward
 * or sideways.
 *
 * - A step of `queued` … `played` is behind any later step, and `queued`
 *   and `sent` are behind `failed` (a failure is reported after sending).
 * - `failed` is behind `read` and `played` (a message read did not fail),
 *   not behind `delivered`: vendors report both for one message, in either order.
 * - `deleted` is never behind.
 */
export function statusBehind(status: DeliveryStatus, reached: number): DeliveryStatus | undefined {
  if (status === 'deleted') return undefined;
  const furthest = furthestStep(reached);
  const furthestRank = furthest === undefined ? -1 : PROGRESS.indexOf(furthest);
  if (status === 'failed') return furthestRank >= PROGRESS.indexOf('read') ? furthest : undefined;
  const rank = PROGRESS.indexOf(status);
  if (furthestRank > rank) return furthest;
  if ((reached & STATUS_BITS.failed) !== 0 && rank <= PROGRESS.indexOf('sent')) return 'failed';
  return undefined;
}

function furthestStep(reached: number): DeliveryStatus | undefined {
  for (let i = PROGRESS.length - 1; i >= 0; i -= 1) {
    const step = PROGRESS[i] as DeliveryStatus;
    if ((reached & STATUS_BITS[step]) !== 0) return step;
  }
  return undefined;
}

/**
 * The status a claim token stands for: tokens are `<status>.<unique part>`,
 * so `complete` and `release` know which status they settle from the token
 * alone. `undefined` for a token no store issued.
 */
export function statusOfToken(token: string): DeliveryStatus | undefined {
  const status = token.slice(0, token.indexOf('.'));
  return (DELIVERY_STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatus) : undefined;
}

/** Options of {@link createMemoryStatusOrderStore}. */
export interface MemoryStatusOrderStoreOptions {
  /** How many messages to remember; the one touched longest ago is forgotten first. Default 10 000. */
  capacity?: number | undefined;
  /** The clock leases are measured with, in milliseconds. Default `Date.now`; tests inject their own. */
  now?: (() => number) | undefined;
}

interface MessageRecord {
  /** The statuses completed, as a {@link STATUS_BITS} mask. */
  reached: number;
  claims: Map<DeliveryStatus, { token: string; expiresAt: number }>;
}

const DONE: StatusClaim = Object.freeze({ state: 'done' });
const IN_FLIGHT: StatusClaim = Object.freeze({ state: 'in_flight' });

/**
 * A {@link StatusOrderStore} in this process's memory: right for one
 * process (behind a load balancer, share one, such as `@wamux/redis`'s).
 * It remembers the last `capacity` messages touched; a message forgotten
 * starts over (its next status moves it forward). It holds no timer: a
 * lease that ran out is noticed at the next claim of the message.
 */
export function createMemoryStatusOrderStore(options: MemoryStatusOrderStoreOptions = {}): StatusOrderStore {
  const { capacity = 10_000, now = Date.now } = options;
  if (!Number.isInteger(capacity) || capacity < 1) throw new ConfigurationError('capacity', 'must be a whole number of messages, at least 1');
  const records = new Map<string, MessageRecord>();
  let issued = 0;

  /** The record of `key`, moved to the newest end so the oldest-touched is forgotten first. */
  const touch = (key: string): MessageRecord => {
    const record = records.get(key) ?? { reached: 0, claims: new Map() };
    records.delete(key);
    records.set(key, record);
    trimOldest(records, capacity);
    return record;
  };

  return {
    claim(key, status, leaseMs) {
      const record = touch(key);
      if ((record.reached & STATUS_BITS[status]) !== 0) return DONE;
      const time = now();
      let inFlight = 0;
      for (const [claimed, held] of record.claims) {
        if (held.expiresAt <= time) record.claims.delete(claimed);
        else if (claimed === status) return IN_FLIGHT;
        else inFlight |= STATUS_BITS[claimed];
      }
      const behind = statusBehind(status, record.reached | inFlight);
      if (behind !== undefined) return { state: 'stale', current: behind };
      // One status of a message at a time: this one waits for the one being processed.
      if (inFlight !== 0) return IN_FLIGHT;
      issued += 1;
      const token = `${status}.${issued}`;
      record.claims.set(status, { token, expiresAt: time + leaseMs });
      return { state: 'claimed', token };
    },
    complete(key, token) {
      const status = statusOfToken(token);
      if (status === undefined) return;
      const record = touch(key);
      const held = record.claims.get(status);
      // A holder whose lease ran out may still complete, unless someone took the status over.
      if (held !== undefined && held.token !== token) return;
      record.claims.delete(status);
      record.reached |= STATUS_BITS[status];
    },
    release(key, token) {
      const status = statusOfToken(token);
      if (status === undefined) return;
      const record = records.get(key);
      if (record?.claims.get(status)?.token === token) record.claims.delete(status);
    },
  };
}

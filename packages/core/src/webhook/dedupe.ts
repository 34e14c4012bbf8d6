import { trimOldest } from '../util/trim-oldest';
import { ConfigurationError } from '../errors/classes';
import type { WebhookEvent } from '../model/events';

/**
 * The answer to a claim of an event's key.
 *
 * - `claimed`: this caller owns the event until it completes or releases the
 *   claim, or until the lease runs out. `token` proves ownership: only the
 *   holder of the token can complete or release it (a claim that outlived
 *   its lease and was taken over is not released by its first owner).
 * - `in_flight`: another caller holds a live claim; the event is being
 *   processed and must neither run again nor be acknowledged as processed.
 * - `done`: the event was processed; a redelivery is a duplicate.
 */
export type DedupeClaim = { readonly state: 'claimed'; readonly token: string } | { readonly state: 'in_flight' } | { readonly state: 'done' };

/**
 * Where the webhook handler records which events it has processed, so a
 * vendor's redelivery is processed once. The contract is claim, then
 * complete or release:
 *
 * 1. `claim(key, leaseMs)` before the app's listeners run. A live claim
 *    makes concurrent claims of the same key answer `in_flight`; a claim
 *    not completed or released within `leaseMs` lapses (the process died,
 *    the listener hung), and the next claim wins.
 * 2. `complete(key, token)` after every listener succeeded: later claims
 *    answer `done` for as long as the store remembers the key.
 * 3. `release(key, token)` when a listener failed: the key is forgotten,
 *    so the vendor's redelivery runs it again. Listeners that missed the
 *    handler's deadline keep running, and keep the claim: it is completed
 *    if they succeed late and released if they fail (one that never
 *    settles lets it lapse), so a redelivery meanwhile is `in_flight`
 *    rather than a second run.
 *
 * Bounded stores may forget old `done` keys; a store shared by several
 * processes (Redis: SET NX PX to claim, compare-and-delete to release)
 * implements the same three calls atomically.
 */
export interface DedupeStore {
  claim(key: string, leaseMs: number): DedupeClaim | Promise<DedupeClaim>;
  complete(key: string, token: string): void | Promise<void>;
  release(key: string, token: string): void | Promise<void>;
}

/**
 * The identity of an event for de-duplication: a message by its id, a status
 * by message id and state (a message is delivered once, read once), a
 * provider event by the id its adapter gave it (none: never deduplicated).
 */
export function dedupeKey(event: WebhookEvent): string | undefined {
  switch (event.type) {
    case 'message':
      return `${event.provider}:m:${event.message.id}`;
    case 'status':
      return `${event.provider}:s:${event.status.messageId}:${event.status.status}`;
    case 'provider_event':
      return event.id === undefined ? undefined : `${event.provider}:p:${event.kind}:${event.id}`;
  }
}

/** Options of {@link createMemoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /** How many processed (`done`) keys to remember at least; the oldest are forgotten first. Default 10 000. */
  capacity?: number | undefined;
  /** The clock leases are measured with, in milliseconds. Default `Date.now`; tests inject their own. */
  now?: (() => number) | undefined;
}

const DONE: DedupeClaim = Object.freeze({ state: 'done' });
const IN_FLIGHT: DedupeClaim = Object.freeze({ state: 'in_flight' });

/**
 * A {@link DedupeStore} in this process's memory: right for one process (a
 * redelivery that lands on another instance is not recognised; share a
 * store then). It remembers the last `capacity` processed keys, in the order
 * they completed, and the claims in flight. A claim past its lease can be
 * taken over and can no longer be completed or released by its holder, as
 * with a key that expired in a shared store. It holds no timer: lapsed
 * claims are forgotten as later claims arrive, so memory stays bounded by
 * `capacity` plus the claims alive. A number is taken as the capacity.
 */
export function createMemoryDedupeStore(options: MemoryDedupeStoreOptions | number = {}): DedupeStore {
  const { capacity = 10_000, now = Date.now } = typeof options === 'number' ? { capacity: options } : options;
  if (!Number.isInteger(capacity) || capacity < 1) throw new ConfigurationError('capacity', 'must be a whole number of keys, at least 1');
  const done = new Set<string>();
  const claims = new Map<string, { token: string; expiresAt: number }>();
  let issued = 0;
  let sweepAbove = capacity;

  /** Forgets lapsed claims: the oldest first (one lease for all: they lapse in order), everything when claims pile up. */
  const forgetLapsed = (time: number) => {
    for (const [key, claim] of claims) {
      if (claim.expiresAt > time) break;
      claims.delete(key);
    }
    if (claims.size <= sweepAbove) return;
    for (const [key, claim] of claims) if (claim.expiresAt <= time) claims.delete(key);
    sweepAbove = Math.max(capacity, claims.size * 2);
  };

  const holds = (key: string, token: string) => {
    const claim = claims.get(key);
    return claim !== undefined && claim.token === token && claim.expiresAt > now();
  };

  return {
    claim(key, leaseMs) {
      if (done.has(key)) return DONE;
      const time = now();
      forgetLapsed(time);
      const held = claims.get(key);
      if (held !== undefined && held.expiresAt > time) return IN_FLIGHT;
      // Re-inserted, not updated, so the map stays in lease order.
      claims.delete(key);
      issued += 1;
      const token = String(issued);
      claims.set(key, { token, expiresAt: time + leaseMs });
      return { state: 'claimed', token };
    },
    complete(key, token) {
      // Only a live claim: past its lease the key may already run elsewhere, as in a shared store.
      if (!holds(key, token)) return;
      claims.delete(key);
      done.add(key);
      trimOldest(done, capacity);
    },
    release(key, token) {
      if (holds(key, token)) claims.delete(key);
    },
  };
}

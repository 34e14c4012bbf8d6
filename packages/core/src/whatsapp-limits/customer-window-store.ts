import { trimOldest } from '../util/trim-oldest';
import { DEFAULT_CUSTOMER_WINDOW_TTL } from './defaults';

/**
 * Where the customer service window tracker keeps, per customer, when the
 * customer last wrote. In memory by default; a shared store (Redis:
 * `createRedisCustomerWindowStore` of `@wamux/redis`) lets every process
 * see a message that reached any of them.
 *
 * Keys are `customerKey`s, prefixed with the provider's scope.
 */
export interface CustomerWindowStore {
  /**
   * Records that customer `key` wrote at `at` (epoch ms). Only a later time
   * moves the record: deliveries that arrive out of order never shorten a
   * window. Atomic in a shared store.
   */
  record(key: string, at: number): void | Promise<void>;
  /** When customer `key` last wrote (epoch ms), or `undefined` when the store does not know (never, or forgotten). */
  lastInbound(key: string): number | undefined | Promise<number | undefined>;
}

/** Options of {@link createMemoryCustomerWindowStore}. */
export interface MemoryCustomerWindowStoreOptions {
  /** How long a customer's last message is remembered, in ms. Default 30 days (past the window, so a closed window stays known). */
  ttl?: number | undefined;
  /** Customers remembered at most; the least recently written to is forgotten first. Default 100 000. */
  maxEntries?: number | undefined;
  /** The clock (epoch ms), for tests. `Date.now` by default. */
  now?: (() => number) | undefined;
}

/**
 * The in-memory {@link CustomerWindowStore}: this process only, bounded in
 * size and age, so a long-running app does not grow with every customer.
 */
export function createMemoryCustomerWindowStore(options: MemoryCustomerWindowStoreOptions = {}): CustomerWindowStore {
  const ttl = options.ttl ?? DEFAULT_CUSTOMER_WINDOW_TTL;
  const maxEntries = Math.max(1, options.maxEntries ?? 100_000);
  const now = options.now ?? Date.now;
  // Map order is insertion order: re-inserting on every record keeps the most recent last.
  const entries = new Map<string, { at: number; expires: number }>();
  return {
    record(key, at) {
      const current = entries.get(key);
      if (current !== undefined && current.expires > now() && current.at >= at) return;
      entries.delete(key);
      entries.set(key, { at, expires: now() + ttl });
      trimOldest(entries, maxEntries);
    },
    lastInbound(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.at;
    },
  };
}

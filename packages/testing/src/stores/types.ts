import type { DedupeStore, RateLimitStore, StatusOrderStore } from '@wamux/core/adapter';
import type { CustomerWindowStores } from './customer-window-contract';

/**
 * What a store implementation gives {@link runStoreContract}. Each list
 * holds handles on one shared store: for a store in memory, the same
 * object; for a server, one store per client connection, as several
 * processes would have. The suite spreads concurrent calls over them and
 * uses fresh keys in every test, so the store need not be emptied.
 */
export interface StoreContractSetup {
  /** A handle on the rate limit store whose time is `clock()` (an in-memory store reads the `now` it is given instead). */
  rateLimit(clock: () => number): RateLimitStore;
  dedupe: readonly DedupeStore[];
  statusOrder: readonly StatusOrderStore[];
  /**
   * Handles on one customer window store that remembers for `ttl` ms, when
   * the implementation has one (the suite's customer window tests are
   * skipped without it).
   */
  customerWindow?: CustomerWindowStores | undefined;
  /**
   * Lets `ms` of lease time pass: moves an injected clock forward, or
   * waits for real against a server whose keys expire on its own clock.
   */
  elapse(ms: number): Promise<void>;
  /** Stops what `setup` started (clients, servers). */
  teardown?(): Promise<void>;
}

/** Options of {@link runStoreContract}. */
export interface StoreContractOptions {
  /** Shown in the test names: `memory`, `redis (ioredis)`... */
  name: string;
  /** Called once, before the tests. */
  setup(): StoreContractSetup | Promise<StoreContractSetup>;
}

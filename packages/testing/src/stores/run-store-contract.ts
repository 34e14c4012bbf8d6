import { afterAll, beforeAll, describe } from '@jest/globals';
import { customerWindowContract } from './customer-window-contract';
import { dedupeContract } from './dedupe-contract';
import { rateLimitContract } from './rate-limit-contract';
import { statusOrderContract } from './status-order-contract';
import type { StoreContractOptions, StoreContractSetup } from './types';

/**
 * Registers, as jest tests, the contract every wamux store passes, in
 * memory or on a server: GCRA arithmetic against reference vectors for a
 * `RateLimitStore`; claim, complete, release, leases and 32 concurrent
 * claims for a `DedupeStore`; forward-only status order for a
 * `StatusOrderStore`; latest-time-wins, sharing and expiry for a
 * `CustomerWindowStore`, when the setup gives one.
 *
 * ```ts
 * runStoreContract({
 *   name: 'memory',
 *   setup: () => {
 *     let now = 0;
 *     const rateLimit = createMemoryRateLimitStore();
 *     const dedupe = createMemoryDedupeStore({ now: () => now });
 *     const statusOrder = createMemoryStatusOrderStore({ now: () => now });
 *     return { rateLimit: () => rateLimit, dedupe: [dedupe], statusOrder: [statusOrder], elapse: async (ms) => { now += ms; } };
 *   },
 * });
 * ```
 */
export function runStoreContract(options: StoreContractOptions): void {
  describe(`${options.name} store contract`, () => {
    let setup: StoreContractSetup | undefined;
    const current = (): StoreContractSetup => {
      if (!setup) throw new Error('the store contract setup failed; see the first error');
      return setup;
    };
    beforeAll(async () => {
      setup = await options.setup();
    });
    afterAll(async () => {
      await setup?.teardown?.();
    });

    describe('RateLimitStore', () => {
      rateLimitContract(() => (clock) => current().rateLimit(clock));
    });
    describe('DedupeStore', () => {
      dedupeContract(() => ({ stores: current().dedupe, elapse: (ms) => current().elapse(ms) }));
    });
    describe('StatusOrderStore', () => {
      statusOrderContract(() => ({ stores: current().statusOrder, elapse: (ms) => current().elapse(ms) }));
    });
    describe('CustomerWindowStore', () => {
      customerWindowContract(() => {
        const { customerWindow } = current();
        if (!customerWindow) throw new Error(`${options.name}: the setup gives no customerWindow stores`);
        return { stores: customerWindow, elapse: (ms) => current().elapse(ms) };
      });
    });
  });
}

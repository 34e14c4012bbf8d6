import { createMemoryDedupeStore, createMemoryRateLimitStore, createMemoryStatusOrderStore } from '@wamux/core';
import { runStoreContract } from '@wamux/testing';
// Not exported by @wamux/core's entries yet.
import { createMemoryCustomerWindowStore } from '../../core/src/whatsapp-limits/customer-window-store';

// The in-memory stores, on a clock the suite moves: one process's stores,
// so every "handle" is the same object.
runStoreContract({
  name: 'memory',
  setup: () => {
    let now = 1_000_000;
    const rateLimit = createMemoryRateLimitStore();
    const dedupe = createMemoryDedupeStore({ now: () => now });
    const statusOrder = createMemoryStatusOrderStore({ now: () => now });
    return {
      rateLimit: () => rateLimit,
      dedupe: [dedupe],
      statusOrder: [statusOrder],
      customerWindow: ({ ttl }) => [createMemoryCustomerWindowStore({ ttl, now: () => now })],
      elapse: async (ms) => {
        now += ms;
      },
    };
  },
});

// The router runs the same contract suite as every adapter. Its members
// share one emulator, so whichever member a message goes to, the suite sees
// it there. The router is named after the vendor because the suite checks
// that `provider.name` and the `provider` of webhook events agree, and the
// router leaves events as its members parsed them.
import { createDesk360Provider, desk360Capabilities } from '@wamux/desk360';
import { createDesk360Emulator } from '@wamux/desk360/emulator';
import { createRouter } from '@wamux/router';
import { createMemoryProvider, memoryCapabilities } from '@wamux/memory';
import { runProviderContract, type ContractProviderOptions } from '@wamux/testing';
import { createMemoryEmulator } from '@wamux/memory/emulator';

// A narrow member first (text, images by URL, reply buttons), the full one
// second: everything the narrow one cannot carry must be routed to the full
// one, and the router must declare what at least one member supports.
const narrow = {
  outbound: ['text', 'image', 'interactive'],
  interactive: ['buttons'],
  mediaSources: ['url'],
  inbound: ['text', 'image'],
  statuses: ['delivered', 'read'],
  features: [],
} as const;

runProviderContract({
  name: 'memory',
  capabilities: memoryCapabilities,
  async setup() {
    const emulator = await createMemoryEmulator();
    const member = (options: ContractProviderOptions, capabilities?: typeof narrow) =>
      createMemoryProvider({
        baseUrl: emulator.url,
        apiKey: options.credentials === 'invalid' ? 'wrong-key-0000' : emulator.apiKey,
        webhookSecret: emulator.webhookSecret,
        allowInsecureHttp: true,
        capabilities,
        timeout: options.timeout,
        retry: options.retry,
        rateLimit: options.rateLimit,
      });
    return {
      emulator,
      secrets: [emulator.apiKey, emulator.webhookSecret],
      createProvider: (options = {}) =>
        createRouter({
          name: 'memory',
          strategy: 'failover',
          providers: [
            { name: 'narrow', provider: member(options, narrow) },
            { name: 'full', provider: member(options) },
          ],
          webhookProvider: 'full',
        }),
    };
  },
});

const WEBHOOK_SECRET = { value: 'router-contract-webhook-secret', query: 'secret' } as const;

// Two accounts of one real adapter, round-robin, without stickiness: sends
// alternate between the members.
runProviderContract({
  name: 'desk360',
  capabilities: desk360Capabilities,
  // The member's own limit, carried through the router: docs/providers/desk360.md, decision 7.
  skip: { bulkOneRequest: 'Desk360 sends one bulk call per parameter set' },
  async setup() {
    const emulator = await createDesk360Emulator({ webhookSecret: WEBHOOK_SECRET, rateLimit: false });
    const member = (options: ContractProviderOptions) =>
      createDesk360Provider({
        apiKey: options.credentials === 'invalid' ? 'not-the-desk360-key' : emulator.apiKey,
        integrationId: emulator.integrationId,
        baseUrl: emulator.url,
        allowInsecureHttp: true,
        webhookSecret: WEBHOOK_SECRET,
        timeout: options.timeout,
        retry: options.retry,
        rateLimit: options.rateLimit,
      });
    return {
      emulator,
      secrets: [emulator.apiKey, WEBHOOK_SECRET.value],
      createProvider: (options = {}) =>
        createRouter({
          name: 'desk360',
          strategy: 'round-robin',
          sticky: false,
          providers: [
            { name: 'desk360-a', provider: member(options) },
            { name: 'desk360-b', provider: member(options) },
          ],
        }),
    };
  },
});

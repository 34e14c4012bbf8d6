import { createDesk360Provider, desk360Capabilities } from '@wamux/desk360';
import { createDesk360Emulator } from '@wamux/desk360/emulator';
import { runProviderContract } from '@wamux/testing';

const WEBHOOK_SECRET = { value: 'desk360-contract-webhook-secret', query: 'secret' } as const;

runProviderContract({
  name: 'desk360',
  capabilities: desk360Capabilities,
  skip: {
    // A vendor limit, not an emulator gap: docs/providers/desk360.md, decision 7.
    bulkOneRequest: "Desk360's bulk send takes one parameter set for all destinations, so recipients with different parameters are one bulk call per set",
  },
  setup: async () => {
    const emulator = await createDesk360Emulator({ webhookSecret: WEBHOOK_SECRET, rateLimit: false });
    return {
      emulator,
      secrets: [emulator.apiKey, WEBHOOK_SECRET.value],
      createProvider: (options = {}) =>
        createDesk360Provider({
          apiKey: options.credentials === 'invalid' ? 'not-the-desk360-key' : emulator.apiKey,
          integrationId: emulator.integrationId,
          baseUrl: emulator.url,
          allowInsecureHttp: true,
          webhookSecret: WEBHOOK_SECRET,
          timeout: options.timeout,
          retry: options.retry,
          rateLimit: options.rateLimit,
        }),
    };
  },
});

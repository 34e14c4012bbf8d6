import { create360dialogProvider, d360Capabilities } from '@wamux/360dialog';
import { create360dialogEmulator } from '@wamux/360dialog/emulator';
import { runProviderContract } from '@wamux/testing';
import { DOCUMENT_FIXTURES } from './webhook-fixtures';

const WEBHOOK_SECRET = { header: 'x-d360-contract-secret', value: '360dialog-contract-webhook-secret' } as const;

runProviderContract({
  name: '360dialog',
  capabilities: d360Capabilities,
  // 360dialog forwards Meta's payloads as they are: Meta's documented bodies must read the same through it.
  webhookFixtures: DOCUMENT_FIXTURES,
  setup: async () => {
    const emulator = await create360dialogEmulator({ webhookSecret: WEBHOOK_SECRET });
    return {
      emulator,
      secrets: [emulator.apiKey, WEBHOOK_SECRET.value],
      deliver: (body, options) => emulator.deliver(body, options),
      createProvider: (options = {}) =>
        create360dialogProvider({
          apiKey: options.credentials === 'invalid' ? 'not-the-360dialog-key' : emulator.apiKey,
          baseUrl: emulator.url,
          webhookSecret: WEBHOOK_SECRET,
          ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
          ...(options.retry === undefined ? {} : { retry: options.retry }),
          ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
        }),
    };
  },
});

import { cloudApiCapabilities, createCloudApiProvider } from '@wamux/cloud-api';
import { createCloudApiEmulator } from '@wamux/cloud-api/emulator';
import { runProviderContract } from '@wamux/testing';
import { DOCUMENT_FIXTURES } from './webhook-fixtures';

runProviderContract({
  name: 'cloud-api',
  capabilities: cloudApiCapabilities,
  webhookFixtures: DOCUMENT_FIXTURES,
  setup: async () => {
    const emulator = await createCloudApiEmulator();
    return {
      emulator,
      secrets: [emulator.accessToken, emulator.appSecret, emulator.verifyToken],
      deliver: (body, options) => emulator.deliver(body, options),
      createProvider: (options = {}) =>
        createCloudApiProvider({
          accessToken: options.credentials === 'invalid' ? 'not-the-cloud-api-token' : emulator.accessToken,
          phoneNumberId: emulator.phoneNumberId,
          businessAccountId: emulator.businessAccountId,
          baseUrl: emulator.url,
          allowInsecureHttp: true,
          appSecret: emulator.appSecret,
          verifyToken: emulator.verifyToken,
          ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
          ...(options.retry === undefined ? {} : { retry: options.retry }),
          ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
        }),
    };
  },
});

import { runProviderContract } from '@wamux/testing';
import { createMessagingApiProvider, messagingApiCapabilities } from '@wamux/messaging-api';
import { createMessagingApiEmulator } from '@wamux/messaging-api/emulator';

const API_KEY = 'contract-api-key-5b8f21';
const API_ID = 'contract-api-id-77aa03';
const VERIFY_TOKEN = 'contract-verify-token-9c1e44';
const WRONG_KEY = 'contract-wrong-key-000111';

runProviderContract({
  name: 'messaging-api',
  capabilities: messagingApiCapabilities,
  setup: async () => {
    const emulator = await createMessagingApiEmulator({ apiKey: API_KEY, apiId: API_ID, verifyToken: VERIFY_TOKEN });
    return {
      emulator,
      secrets: [API_KEY, API_ID, VERIFY_TOKEN, WRONG_KEY],
      createProvider: (options = {}) =>
        createMessagingApiProvider({
          baseUrl: emulator.url,
          apiKey: options.credentials === 'invalid' ? WRONG_KEY : API_KEY,
          apiId: API_ID,
          channelId: emulator.channelId,
          verifyToken: VERIFY_TOKEN,
          allowInsecureHttp: true,
          timeout: options.timeout,
          retry: options.retry,
          rateLimit: options.rateLimit,
        }),
    };
  },
});

import { runProviderContract } from '@wamux/testing';
import { createGetchatProvider, getchatCapabilities } from '../src';
import { createGetchatEmulator } from '../src/emulator';
import { usernameFixtures } from './fixtures/usernames';

const WEBHOOK_SECRET = 'contract-webhook-secret-7f3a';
const INVALID_TOKEN = 'invalid-token-0000000000000000000000000';

runProviderContract({
  name: 'getchat',
  capabilities: getchatCapabilities,
  // WhatsApp's username payloads (Meta's and 360dialog's documents), which get.chat forwards as they are.
  webhookFixtures: usernameFixtures,
  setup: async () => {
    const emulator = await createGetchatEmulator({ webhookSecret: WEBHOOK_SECRET });
    return {
      emulator,
      secrets: [emulator.credentials.token, INVALID_TOKEN, WEBHOOK_SECRET],
      deliver: (body, options) => emulator.deliver(body, options),
      createProvider: ({ credentials = 'valid', ...options } = {}) =>
        createGetchatProvider({
          baseUrl: emulator.url,
          allowInsecureHttp: true,
          token: credentials === 'valid' ? emulator.credentials.token : INVALID_TOKEN,
          webhookSecret: WEBHOOK_SECRET,
          ...options,
        }),
    };
  },
});

import { runProviderContract } from '@wamux/testing';
import { createGetchatProvider, getchatCapabilities } from '../src';
import { createGetchatEmulator } from '../src/emulator';

const WEBHOOK_SECRET = 'contract-webhook-secret-7f3a';
const INVALID_TOKEN = 'invalid-token-0000000000000000000000000';

runProviderContract({
  name: 'getchat',
  capabilities: getchatCapabilities,
  setup: async () => {
    const emulator = await createGetchatEmulator({ webhookSecret: WEBHOOK_SECRET });
    return {
      emulator,
      secrets: [emulator.credentials.token, INVALID_TOKEN, WEBHOOK_SECRET],
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

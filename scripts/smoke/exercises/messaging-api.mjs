// @wamux/messaging-api: a round trip with the verify token the vendor sends
// as x-verify-token.
import assert from 'node:assert/strict';
import { assertAnswers, roundTrip } from './round-trip.mjs';

export const messagingApiExercises = {
  async '@wamux/messaging-api'(messagingApi, { load, defer }) {
    const { createMessagingApiEmulator } = await load('@wamux/messaging-api/emulator');
    const { createWebhookHandler } = await load('@wamux/core');
    const emulator = await createMessagingApiEmulator({ apiId: 'smoke-api-id' });
    defer(() => emulator.close());
    const provider = messagingApi.createMessagingApiProvider({
      baseUrl: emulator.url,
      apiKey: emulator.apiKey,
      apiId: emulator.apiId,
      channelId: emulator.channelId,
      verifyToken: emulator.verifyToken,
    });
    defer(() => provider.close?.());
    assert.equal(provider.name, 'messaging-api');
    await roundTrip({ provider, emulator, createWebhookHandler, defer });
  },

  async '@wamux/messaging-api/emulator'({ createMessagingApiEmulator }, { defer }) {
    const emulator = await createMessagingApiEmulator();
    defer(() => emulator.close());
    assert.equal(emulator.provider, 'messaging-api');
    await assertAnswers(emulator.url);
  },
};

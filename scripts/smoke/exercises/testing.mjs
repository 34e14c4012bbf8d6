// @wamux/testing: the in-memory reference provider against its emulator.
import assert from 'node:assert/strict';
import { assertAnswers, roundTrip } from './round-trip.mjs';

export const testingExercises = {
  async '@wamux/testing'(testing, { load, defer }) {
    // The contract suite needs jest's globals; here it only has to load.
    assert.equal(typeof testing.runProviderContract, 'function');
    const { createMemoryEmulator } = await load('@wamux/testing/emulator');
    const { createWebhookHandler } = await load('@wamux/core');
    const emulator = await createMemoryEmulator();
    defer(() => emulator.close());
    const provider = testing.createMemoryProvider({ baseUrl: emulator.url, apiKey: emulator.apiKey, webhookSecret: emulator.webhookSecret, allowInsecureHttp: true });
    defer(() => provider.close?.());
    assert.equal(provider.name, 'memory');
    await roundTrip({ provider, emulator, createWebhookHandler, defer });
  },

  async '@wamux/testing/emulator'(toolkit, { defer }) {
    assert.equal(typeof toolkit.createEmulatorServer, 'function');
    const emulator = await toolkit.createMemoryEmulator();
    defer(() => emulator.close());
    await assertAnswers(emulator.url);
  },
};

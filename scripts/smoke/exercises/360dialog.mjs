// @wamux/360dialog: a provider created offline, then a round trip through its
// emulator with the secret header 360dialog adds to every delivery (set in
// its webhook configuration).
import assert from 'node:assert/strict';
import { assertAnswers, roundTrip } from './round-trip.mjs';

const WEBHOOK_SECRET = { header: 'x-smoke-360dialog-secret', value: 'smoke-360dialog-webhook-secret' };

export const d360Exercises = {
  async '@wamux/360dialog'(d360, { load, defer }) {
    const offline = d360.create360dialogProvider({ apiKey: 'k' });
    defer(() => offline.close?.());
    assert.equal(offline.name, '360dialog');
    assert.equal(typeof offline.webhook.configure, 'function');

    const { create360dialogEmulator } = await load('@wamux/360dialog/emulator');
    const { createWebhookHandler } = await load('@wamux/core');
    const emulator = await create360dialogEmulator({ webhookSecret: WEBHOOK_SECRET });
    defer(() => emulator.close());
    const provider = d360.create360dialogProvider({ apiKey: emulator.apiKey, baseUrl: emulator.url, webhookSecret: WEBHOOK_SECRET });
    defer(() => provider.close?.());
    await roundTrip({ provider, emulator, createWebhookHandler, defer });
  },

  async '@wamux/360dialog/emulator'({ create360dialogEmulator }, { defer }) {
    const emulator = await create360dialogEmulator();
    defer(() => emulator.close());
    assert.equal(emulator.provider, '360dialog');
    await assertAnswers(`${emulator.url}/v1/configs/webhook`);
  },
};

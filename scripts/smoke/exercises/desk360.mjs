// @wamux/desk360: the reproduction, then a round trip through its
// emulator with the shared webhook secret Desk360's adapter documents.
import assert from 'node:assert/strict';
import { assertAnswers, roundTrip } from './round-trip.mjs';

const WEBHOOK_SECRET = { value: 'smoke-desk360-webhook-secret', header: 'x-webhook-secret' };

export const desk360Exercises = {
  async '@wamux/desk360'(desk360, { load, defer }) {
    // Verbatim from the issue: this threw "ky.create is not a function" under require().
    const offline = desk360.createDesk360Provider({ apiKey: 'k', integrationId: 1 });
    defer(() => offline.close?.());
    assert.equal(offline.name, 'desk360');

    const { createDesk360Emulator } = await load('@wamux/desk360/emulator');
    const { createWebhookHandler } = await load('@wamux/core');
    const emulator = await createDesk360Emulator({ webhookSecret: WEBHOOK_SECRET });
    defer(() => emulator.close());
    const provider = desk360.createDesk360Provider({
      baseUrl: emulator.url,
      apiKey: emulator.apiKey,
      integrationId: emulator.integrationId,
      webhookSecret: WEBHOOK_SECRET,
    });
    defer(() => provider.close?.());
    await roundTrip({ provider, emulator, createWebhookHandler, defer });
  },

  async '@wamux/desk360/emulator'({ createDesk360Emulator }, { defer }) {
    const emulator = await createDesk360Emulator();
    defer(() => emulator.close());
    assert.equal(emulator.provider, 'desk360');
    await assertAnswers(emulator.url);
  },
};

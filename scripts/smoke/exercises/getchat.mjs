// @wamux/getchat and its three other entries: a round trip with the `auth`
// webhook secret, one typed operation, and one live websocket connection.
import assert from 'node:assert/strict';
import { assertAnswers, roundTrip } from './round-trip.mjs';

const WEBHOOK_SECRET = 'smoke-getchat-webhook-secret';

/** A get.chat emulator and a provider configured against it, both closed in teardown. */
async function getchatTarget({ load, defer }) {
  const { createGetchatEmulator } = await load('@wamux/getchat/emulator');
  const { createGetchatProvider } = await load('@wamux/getchat');
  const emulator = await createGetchatEmulator({ webhookSecret: WEBHOOK_SECRET });
  defer(() => emulator.close());
  const provider = createGetchatProvider({
    baseUrl: emulator.url,
    token: emulator.credentials.token,
    webhookSecret: WEBHOOK_SECRET,
    websocketUrl: emulator.websocketUrl,
    allowInsecureHttp: true,
  });
  defer(() => provider.close?.());
  return { emulator, provider };
}

export const getchatExercises = {
  async '@wamux/getchat'(getchat, context) {
    assert.equal(typeof getchat.createGetchatProvider, 'function');
    const { createWebhookHandler } = await context.load('@wamux/core');
    const { emulator, provider } = await getchatTarget(context);
    assert.equal(provider.name, 'getchat');
    await roundTrip({ provider, emulator, createWebhookHandler, defer: context.defer });
  },

  async '@wamux/getchat/operations'({ getchatOperations }, context) {
    const { provider } = await getchatTarget(context);
    const me = await getchatOperations(provider).users.current();
    assert.equal(typeof me.id, 'number', `users.current() returned ${JSON.stringify(me)}`);
  },

  async '@wamux/getchat/live'({ getchatLive }, context) {
    const { provider } = await getchatTarget(context);
    const connection = getchatLive(provider).connect();
    context.defer(() => connection.close());
    await connection.ready;
    assert.equal(connection.state, 'open');
  },

  async '@wamux/getchat/emulator'({ createGetchatEmulator }, { defer }) {
    const emulator = await createGetchatEmulator();
    defer(() => emulator.close());
    assert.equal(emulator.provider, 'getchat');
    await assertAnswers(emulator.url);
  },
};

// @wamux/getchat and its emulator entry: a round trip with the `auth`
// webhook secret, one typed operation and one live websocket connection
// (both properties of the provider).
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
    // The emulator's ws:// websocket URL: get.chat's check allows plain ws:// only with this (http:// to loopback needs nothing).
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
    // The typed operations, grouped by the document's sections.
    const me = await provider.users.current();
    assert.equal(typeof me.id, 'number', `users.current() returned ${JSON.stringify(me)}`);
    // Live events: the vendor extra, also a property.
    const connection = provider.live.connect();
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

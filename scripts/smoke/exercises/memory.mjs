// @wamux/memory: the reference adapter in both modes. In process (no
// options, no server): send, the outbox, failNext and a signed inbound
// delivery for the app's webhook handler. Over HTTP: the round trip against
// its emulator on a loopback port (plain http, no allowInsecureHttp).
import assert from 'node:assert/strict';
import { assertAnswers, CUSTOMER, roundTrip } from './round-trip.mjs';

export const memoryExercises = {
  async '@wamux/memory'(memory, { load, defer }) {
    const { createWebhookHandler, RateLimitError } = await load('@wamux/core');

    const inProcess = memory.createMemoryProvider();
    defer(() => inProcess.close?.());
    assert.equal(inProcess.name, 'memory');
    const sent = await inProcess.send({ type: 'text', to: CUSTOMER, text: 'hello' });
    assert.deepEqual(
      inProcess.sent.map((entry) => entry.id),
      [sent.id],
    );
    const other = memory.createMemoryProvider();
    defer(() => other.close?.());
    assert.notEqual((await other.send({ type: 'text', to: CUSTOMER, text: 'hello' })).id, sent.id, 'two providers handed out the same message id');

    inProcess.failNext('rate_limited');
    const failure = await inProcess.send({ type: 'text', to: CUSTOMER, text: 'again' }).then(
      () => undefined,
      (error) => error,
    );
    assert.ok(failure instanceof RateLimitError, `failNext('rate_limited') rejected with ${failure}`);
    assert.equal(failure.delivery, 'not_sent');

    const webhooks = createWebhookHandler(inProcess);
    const received = [];
    webhooks.on('message', ({ message }) => received.push(message));
    const reply = await webhooks.handle(await inProcess.inbound({ from: CUSTOMER, text: 'ping' }));
    assert.equal(reply.status, 200);
    assert.deepEqual(
      received.map((message) => message.content),
      [{ type: 'text', text: 'ping' }],
    );

    const { createMemoryEmulator } = await load('@wamux/memory/emulator');
    const emulator = await createMemoryEmulator();
    defer(() => emulator.close());
    const provider = memory.createMemoryProvider({ baseUrl: emulator.url, apiKey: emulator.apiKey, webhookSecret: emulator.webhookSecret });
    defer(() => provider.close?.());
    await roundTrip({ provider, emulator, createWebhookHandler, defer });
  },

  async '@wamux/memory/emulator'({ createMemoryEmulator, createInProcessMemoryEmulator }, { defer }) {
    const emulator = await createMemoryEmulator();
    defer(() => emulator.close());
    assert.equal(emulator.provider, 'memory');
    await assertAnswers(emulator.url);
    const inProcess = createInProcessMemoryEmulator();
    const response = await inProcess.fetch(`${inProcess.url}/templates`, { headers: { authorization: `Bearer ${inProcess.apiKey}` } });
    assert.equal(response.status, 200);
    await response.arrayBuffer();
  },
};

// What every provider is put through: receive one customer message through a
// webhook handler on a local server, then reply through the vendor's
// emulator. Together that is creating the provider, building a webhook
// handler, parsing a webhook body and sending one message.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';

export const CUSTOMER = '+905551119988';

/** Listens on 127.0.0.1 and a free port; closing is deferred to the entry's teardown. */
export async function startServer(listener, defer) {
  const server = createServer(listener);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  defer(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets of the clients would hold close() open.
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${server.address().port}`;
}

/** Whether something answers HTTP at `url` (any status below 500). */
export async function assertAnswers(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  assert.ok(response.status < 500, `GET ${url} answered ${response.status}`);
}

/**
 * The round trip: `emulator` posts a customer message to a handler made by
 * `createWebhookHandler(provider)`, which must emit it; then
 * `provider.send` replies and the emulator must have received the reply.
 */
export async function roundTrip({ provider, emulator, createWebhookHandler, defer }) {
  const handler = createWebhookHandler(provider);
  const messages = [];
  const errors = [];
  handler.on('message', ({ message }) => messages.push(message));
  handler.on('error', (error) => errors.push(`${error.code}: ${error.message}`));
  const origin = await startServer((req, res) => void handler.node(req, res), defer);

  const inbound = await emulator.simulateInbound(
    { from: CUSTOMER, profileName: 'Smoke', content: { type: 'text', text: 'ping' } },
    { webhookUrl: `${origin}/webhooks` },
  );
  assert.equal(inbound.status, 200, `the webhook handler answered ${inbound.status} ${inbound.responseBody} ${errors.join('; ')}`);
  assert.equal(messages.length, 1, `the webhook handler emitted ${messages.length} messages ${errors.join('; ')}`);
  assert.equal(messages[0].from, CUSTOMER);
  assert.deepEqual(messages[0].content, { type: 'text', text: 'ping' });

  const sent = await provider.send({ type: 'text', to: CUSTOMER, text: 'pong' });
  assert.equal(typeof sent.id, 'string');
  const delivered = emulator.delivered().find((message) => message.id === sent.id);
  assert.ok(delivered, `the emulator has no message ${sent.id}`);
  assert.equal(delivered.message.to, CUSTOMER);
}

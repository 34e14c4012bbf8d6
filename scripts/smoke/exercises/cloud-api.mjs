// @wamux/cloud-api: a round trip through its emulator (signed webhooks, the
// app secret the adapter verifies them with), the GET subscription
// handshake, and one vendor operation.
import assert from 'node:assert/strict';
import { assertAnswers, roundTrip, startServer } from './round-trip.mjs';

export const cloudApiExercises = {
  async '@wamux/cloud-api'(cloudApi, { load, defer }) {
    const offline = cloudApi.createCloudApiProvider({ accessToken: 'token', phoneNumberId: '106540352242922' });
    defer(() => offline.close());
    assert.equal(offline.name, 'cloud-api');

    const { createCloudApiEmulator } = await load('@wamux/cloud-api/emulator');
    const { createWebhookHandler } = await load('@wamux/core');
    const emulator = await createCloudApiEmulator();
    defer(() => emulator.close());
    const provider = cloudApi.createCloudApiProvider({
      baseUrl: emulator.url,
      accessToken: emulator.accessToken,
      phoneNumberId: emulator.phoneNumberId,
      businessAccountId: emulator.businessAccountId,
      appSecret: emulator.appSecret,
      verifyToken: emulator.verifyToken,
      allowInsecureHttp: true,
    });
    defer(() => provider.close());
    await roundTrip({ provider, emulator, createWebhookHandler, defer });

    // Meta's GET handshake, answered by the provider.
    const origin = await startServer((req, res) => {
      const reply = provider.verifySubscription({ method: req.method ?? 'GET', url: req.url ?? '/', headers: {}, body: '' });
      res.writeHead(reply?.status ?? 405, reply?.headers ?? {}).end(typeof reply?.body === 'string' ? reply.body : '');
    }, defer);
    const handshake = await emulator.verifySubscription({ webhookUrl: `${origin}/webhooks` });
    assert.equal(handshake.echoed, true, `the handshake answered ${handshake.status} ${handshake.body}`);

    // A vendor operation: upload, then delete.
    const { id } = await provider.media.upload({ data: new Uint8Array([1, 2, 3]), filename: 'a.bin', mimeType: 'application/octet-stream' });
    await provider.media.delete(id);
    assert.equal(emulator.media(id), undefined);
  },

  async '@wamux/cloud-api/emulator'({ createCloudApiEmulator }, { defer }) {
    const emulator = await createCloudApiEmulator();
    defer(() => emulator.close());
    assert.equal(emulator.provider, 'cloud-api');
    await assertAnswers(emulator.url);
  },
};

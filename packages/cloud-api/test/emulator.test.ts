import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, RequestRejectedError, type WebhookEvent } from '@wamux/core';
import { createCloudApiProvider, type CloudApiProvider } from '@wamux/cloud-api';
import { createCloudApiEmulator, type CloudApiEmulator } from '@wamux/cloud-api/emulator';

let emulator: CloudApiEmulator;
let cloudApi: CloudApiProvider;

const connect = (overrides: { retry?: false } = {}) =>
  createCloudApiProvider({
    accessToken: emulator.accessToken,
    phoneNumberId: emulator.phoneNumberId,
    businessAccountId: emulator.businessAccountId,
    baseUrl: emulator.url,
    appSecret: emulator.appSecret,
    verifyToken: emulator.verifyToken,
    rateLimit: false,
    retry: overrides.retry ?? { limit: 2, baseDelay: 1, maxDelay: 5 },
  });

beforeAll(async () => {
  emulator = await createCloudApiEmulator();
  cloudApi = connect();
});
afterAll(async () => {
  await cloudApi.close();
  await emulator.close();
});
beforeEach(() => emulator.clearFaults());

describe('standalone', () => {
  it("starts with Meta's sample templates: hello_world can be sent by name", async () => {
    const names: string[] = [];
    for await (const template of cloudApi.listTemplates()) names.push(template.name);
    expect(names).toContain('hello_world');
    const result = await cloudApi.send({ type: 'template', to: '+16505551234', template: { name: 'hello_world', language: 'en_US' } });
    expect(emulator.delivered().at(-1)).toMatchObject({ id: result.id, message: { type: 'template', template: { name: 'hello_world' } } });
  });

  it('refuses an unknown template with 132001', async () => {
    const error = await cloudApi.send({ type: 'template', to: '+16505551234', template: { name: 'no_such', language: 'en' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ vendorCode: '132001', delivery: 'not_sent' });
  });

  it('listens on the port it is given, and rejects a busy one with a clear error', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    await expect(createCloudApiEmulator({ port })).rejects.toThrow(/cannot listen on 127.0.0.1:\d+: the port is in use/);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    const onPort = await createCloudApiEmulator({ port });
    expect(onPort.url).toBe(`http://127.0.0.1:${port}/${onPort.graphVersion}`);
    await onPort.close();
  });
});

describe('Meta errors', () => {
  it.each([130429, 131056])('%i is retried by the adapter and the message sent once', async (code) => {
    const before = emulator.delivered().length;
    emulator.injectMetaError({ code });
    await cloudApi.send({ type: 'text', to: '+16505551234', text: 'after a rate limit' });
    expect(emulator.delivered().length - before).toBe(1);
  });

  it('131047 is thrown with the action, not sent', async () => {
    emulator.injectMetaError({ code: 131047 });
    const error = await cloudApi.send({ type: 'text', to: '+16505551234', text: 'late' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error).toMatchObject({ vendorCode: '131047', delivery: 'not_sent' });
    expect((error as Error).message).toMatch(/send a template message/);
  });
});

describe('media', () => {
  it('hands out media URLs that expire; a download asks for a fresh one', async () => {
    const { id } = await cloudApi.uploadMedia({ data: new Uint8Array([1, 2, 3]), filename: 'a.bin', mimeType: 'application/octet-stream' });
    const described = await cloudApi.media.url(id);
    emulator.expireMediaUrls();
    const stale = await fetch(described.url, { headers: { authorization: `Bearer ${emulator.accessToken}` } });
    expect(stale.status).toBe(404);
    await stale.arrayBuffer();
    expect(Array.from((await cloudApi.downloadMedia(id)).data)).toEqual([1, 2, 3]);
  });

  it('refuses a download without the Bearer token', async () => {
    const id = emulator.addMedia({ data: new Uint8Array([9]), mimeType: 'image/png' });
    const described = await cloudApi.media.url(id);
    const response = await fetch(described.url);
    expect(response.status).toBe(401);
    await response.arrayBuffer();
  });

  it('deletes media', async () => {
    const id = emulator.addMedia({ data: new Uint8Array([9]), mimeType: 'image/png' });
    await cloudApi.media.delete(id);
    expect(emulator.media(id)).toBeUndefined();
  });
});

describe('webhooks through a webhook handler', () => {
  let server: Server;
  let url: string;
  const events: WebhookEvent[] = [];

  beforeAll(async () => {
    const handler = createWebhookHandler(cloudApi, { dedupe: false });
    handler.on('message', (event) => events.push(event));
    handler.on('provider_event', (event) => events.push(event));
    server = createServer((req, res) => {
      // The GET handshake, until core's handler answers it.
      if (req.method === 'GET') {
        const reply = cloudApi.verifySubscription({ method: 'GET', url: req.url ?? '/', headers: {}, body: '' });
        res.writeHead(reply?.status ?? 405, reply?.headers).end(typeof reply?.body === 'string' ? reply.body : '');
        return;
      }
      void handler.node(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  beforeEach(() => {
    events.length = 0;
  });

  it('answers the subscription handshake with the challenge', async () => {
    await expect(emulator.verifySubscription({ webhookUrl: url, challenge: '1158201444' })).resolves.toMatchObject({
      status: 200,
      body: '1158201444',
      echoed: true,
    });
  });

  it('signs deliveries so the provider accepts them, and an unsigned one is refused', async () => {
    const signed = await emulator.simulateInbound({ from: '+16505551234', content: { type: 'text', text: 'hi' } }, { webhookUrl: url });
    expect(signed.status).toBe(200);
    const unsigned = await emulator.simulateInbound(
      { from: '+16505551234', content: { type: 'text', text: 'forged' } },
      { webhookUrl: url, unauthenticated: true },
    );
    expect(unsigned.status).toBe(401);
    expect(events.map((event) => (event.type === 'message' && event.message.content.type === 'text' ? event.message.content.text : event.type))).toEqual([
      'hi',
    ]);
  });

  it('delivers other fields as provider events', async () => {
    await emulator.simulateField(
      'message_template_status_update',
      { event: 'APPROVED', message_template_id: 1, message_template_name: 'hello_world', message_template_language: 'en_US', reason: 'NONE' },
      { webhookUrl: url },
    );
    expect(events).toMatchObject([{ type: 'provider_event', kind: 'message_template_status_update', payload: { value: { event: 'APPROVED' } } }]);
  });
});

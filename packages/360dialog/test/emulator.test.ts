import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, RequestRejectedError, type WebhookEvent } from '@wamux/core';
import { create360dialogProvider, type D360Provider } from '@wamux/360dialog';
import { create360dialogEmulator, type D360Emulator } from '@wamux/360dialog/emulator';

let emulator: D360Emulator;
let d360: D360Provider;

const connect = (overrides: { retry?: false } = {}) =>
  create360dialogProvider({
    apiKey: emulator.apiKey,
    baseUrl: emulator.url,
    ...(emulator.webhookSecret === undefined ? {} : { webhookSecret: emulator.webhookSecret }),
    rateLimit: false,
    retry: overrides.retry ?? { limit: 2, baseDelay: 1, maxDelay: 5 },
  });

beforeAll(async () => {
  emulator = await create360dialogEmulator();
  d360 = connect();
});
afterAll(async () => {
  await d360.close();
  await emulator.close();
});
beforeEach(() => emulator.clearFaults());

/** A webhook receiver for one test: the provider's webhook handler on a port, recording each delivery's headers. */
async function receiver(provider: D360Provider) {
  const events: WebhookEvent[] = [];
  const headers: Array<Record<string, unknown>> = [];
  const handler = createWebhookHandler(provider);
  handler.on('message', (event) => void events.push(event));
  const server: Server = createServer((req, res) => {
    headers.push({ ...req.headers });
    void handler.node(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/360dialog`;
  return { url, events, headers, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('standalone', () => {
  it('starts with the sample templates: order_update can be sent by name', async () => {
    const names: string[] = [];
    for await (const template of d360.listTemplates()) names.push(template.name);
    expect(names).toContain('order_update');
    const result = await d360.send({ type: 'template', to: '+16505551234', template: { name: 'order_update', language: 'en', body: ['Ada', 'A-1'] } });
    expect(emulator.delivered().at(-1)).toMatchObject({ id: result.id, message: { type: 'template', template: { name: 'order_update' } } });
  });

  it('answers a request without the API key with 401 naming the D360-API-KEY header', async () => {
    const response = await fetch(`${emulator.url}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toMatch(/D360-API-KEY/);
  });

  it('listens on the port it is given, and rejects a busy one with a clear error', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    await expect(create360dialogEmulator({ port })).rejects.toThrow(/in use/);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    const onPort = await create360dialogEmulator({ port });
    expect(onPort.url).toBe(`http://127.0.0.1:${port}`);
    await onPort.close();
  });
});

describe('Meta errors, passed through', () => {
  it.each([130429, 131056])('%i is retried by the adapter and the message sent once', async (code) => {
    const before = emulator.delivered().length;
    emulator.injectMetaError({ code });
    await d360.send({ type: 'text', to: '+16505551234', text: 'after a rate limit' });
    expect(emulator.delivered().length).toBe(before + 1);
  });

  it('131047 is refused at once with the action', async () => {
    emulator.injectMetaError({ code: 131047 });
    const error = await d360.send({ type: 'text', to: '+16505551234', text: 'late' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error).toMatchObject({ vendorCode: '131047', delivery: 'not_sent' });
  });
});

describe('media', () => {
  it("hands out Meta's URL, serves it on its own host with the API key, and stops when it expires", async () => {
    const { id } = await d360.uploadMedia({ data: new Uint8Array([7, 8]), mimeType: 'image/png', filename: 'x.png' });
    const described = await d360.media.url(id);
    expect(new URL(described.url).hostname).toBe('lookaside.fbsbx.com');
    await expect(d360.downloadMedia(id)).resolves.toMatchObject({ mimeType: 'image/png' });
    emulator.expireMediaUrls();
    const path = new URL(described.url);
    const expired = await fetch(`${emulator.url}${path.pathname}${path.search}`, { headers: { 'D360-API-KEY': emulator.apiKey } });
    expect(expired.status).toBe(404);
    await d360.media.delete(id);
    expect(emulator.media(id)).toBeUndefined();
  });
});

describe('webhook configuration', () => {
  it('posts to the configured URL with the configured headers, which the provider checks', async () => {
    const app = await receiver(d360);
    try {
      const secret = emulator.webhookSecret as { header: string; value: string };
      await d360.webhook.configure({ url: app.url, headers: { [secret.header]: secret.value } });
      expect(emulator.webhookConfig()).toEqual({ url: app.url, headers: { [secret.header]: secret.value } });
      await expect(d360.webhook.get()).resolves.toEqual({ url: app.url, headers: { [secret.header]: secret.value } });
      const result = await emulator.simulateInbound({ from: '+16505551234', content: { type: 'text', text: 'hi' } });
      expect(result.status).toBe(200);
      expect(app.headers.at(-1)?.[secret.header]).toBe(secret.value);
      expect(app.events).toEqual([expect.objectContaining({ type: 'message', provider: '360dialog' })]);
      const forged = await emulator.simulateInbound({ from: '+16505551234', content: { type: 'text', text: 'forged' } }, { unauthenticated: true });
      expect(forged.status).toBe(401);
      expect(app.events).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, createWebhookHandler, RateLimitError, type WebhookEvent } from '@wamux/core';
import { createDesk360Provider, type Desk360Options, type Desk360Provider } from '@wamux/desk360';
import { createDesk360Emulator, type Desk360Emulator } from '@wamux/desk360/emulator';
import { caught, collect } from './helpers';

const TO = '+905551112233';
const SECRET = { value: 'emulator-test-webhook-secret', header: 'x-webhook-secret' } as const;

let emulator: Desk360Emulator;

beforeAll(async () => {
  emulator = await createDesk360Emulator({
    rateLimit: false,
    webhookSecret: SECRET,
    integrations: Array.from({ length: 25 }, (_, i) => ({ id: 11 + i, name: `Line ${i}`, phoneNumber: `+90555000${String(i).padStart(4, '0')}` })),
  });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const connect = (options: Partial<Desk360Options> = {}): Desk360Provider =>
  createDesk360Provider({
    apiKey: emulator.apiKey,
    integrationId: emulator.integrationId,
    baseUrl: emulator.url,
    allowInsecureHttp: true,
    rateLimit: false,
    retry: { limit: 2, baseDelay: 5, maxDelay: 20 },
    webhookSecret: SECRET,
    ...options,
  } as Desk360Options);

const api = (path: string, init: RequestInit & { auth?: string } = {}) =>
  fetch(`${emulator.url}${path}`, {
    ...init,
    headers: { authorization: init.auth ?? `Bearer ${emulator.apiKey}`, ...(init.headers as Record<string, string>) },
  });

describe('login (the older document)', () => {
  const login = (password = emulator.user.password) => connect({ apiKey: undefined, email: emulator.user.email, password });

  it('logs in, and logs in again once when the token expires', async () => {
    const desk360 = login();
    await desk360.send({ type: 'text', to: TO, text: 'one' });
    emulator.expireTokens();
    await desk360.send({ type: 'text', to: TO, text: 'two' });
    const logins = emulator.requests().filter((r) => r.path === '/v1/login');
    expect(logins).toHaveLength(2);
    expect(emulator.delivered().map((d) => d.message)).toEqual([
      { type: 'text', to: TO, text: 'one' },
      { type: 'text', to: TO, text: 'two' },
    ]);
  });

  it('answers wrong passwords with invalid_credentials, then too_many_attempts after five', async () => {
    for (let i = 0; i < 5; i += 1) {
      const error = await caught(() => login('wrong-password').send({ type: 'text', to: TO, text: 'x' }));
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error).toMatchObject({ vendorCode: 'invalid_credentials' });
    }
    const locked = await caught(() => login('wrong-password').send({ type: 'text', to: TO, text: 'x' }));
    expect(locked).toBeInstanceOf(RateLimitError);
    expect(locked).toMatchObject({ vendorCode: 'too_many_attempts' });
    expect(emulator.delivered()).toHaveLength(0);
  });
});

describe('lists', () => {
  it('pages integrations 20 at a time through the Link header', async () => {
    const integrations = await collect(connect().integrations.list());
    expect(integrations).toHaveLength(25);
    expect(integrations[0]).toMatchObject({ id: 11, name: 'Line 0', phoneNumber: '+905550000000' });
    const pages = emulator.requests().filter((r) => r.path.startsWith('/v1/integrations?'));
    expect(pages.map((r) => r.path)).toEqual(['/v1/integrations?page=1', '/v1/integrations?page=2']);
  });

  it('lists seeded templates with Desk360 languages and statuses', async () => {
    emulator.seedTemplates([
      { id: 'seed-en', name: 'order_update', language: 'en', body: 'Hello {{1}}', header: 'Order {{1}}' },
      { id: 'seed-tr', name: 'order_update', language: 'tr', body: 'Merhaba {{1}}', status: 'pending' },
    ]);
    const [template] = await collect(connect().templates.list());
    expect(template?.translations.map((t) => [t.languageId, t.language, t.status, t.variables])).toEqual([
      [1, 'English', 'approved', ['header-1', 'body-1']],
      [2, 'Türkçe', 'pending', ['body-1']],
    ]);
  });
});

describe('rate limit', () => {
  it('sends X-RateLimit headers and answers over the limit with 429 + Retry-After, which the client waits out', async () => {
    emulator.setRateLimit({ requests: 2, interval: 1_000 });
    try {
      const desk360 = connect();
      const first = await desk360.send({ type: 'text', to: TO, text: '1' });
      expect(first.rateLimit).toMatchObject({ limit: 2, remaining: 1 });
      await desk360.send({ type: 'text', to: TO, text: '2' });
      await desk360.send({ type: 'text', to: TO, text: '3' });
      // The third send was answered 429 once, then sent again after Retry-After.
      expect(emulator.requests().filter((r) => r.path.endsWith('/messages'))).toHaveLength(4);
      expect(emulator.delivered()).toHaveLength(3);
    } finally {
      emulator.setRateLimit(undefined);
    }
  });
});

describe('Desk360 operations against the emulator', () => {
  const png = { data: new Uint8Array(Buffer.from('89504e470d0a1a0a', 'hex')), filename: 'pixel.png', mimeType: 'image/png' };

  it('templates.send with an attachment arrives as a template with header media', async () => {
    emulator.seedTemplates([{ id: 'seed-1', name: 'promo', language: 'en', body: 'Hi {{1}}' }]);
    const desk360 = connect();
    const [template] = await collect(desk360.templates.list());
    const sent = await desk360.templates.send({ templateId: template?.id ?? 0, languageId: 1, to: TO, parameters: { 'body-1': 'Ada' }, attachment: png });
    const [delivered] = emulator.delivered();
    expect(delivered?.id).toBe(sent.messageId);
    expect(delivered?.message).toMatchObject({
      type: 'template',
      to: TO,
      template: { id: 'seed-1', name: 'promo', language: 'en', body: ['Ada'], headerMedia: { type: 'image' } },
    });
  });

  it('refuses a template send that misses a variable, in Desk360 error format', async () => {
    emulator.seedTemplates([{ id: 'seed-1', name: 'promo', language: 'en', body: 'Hi {{1}} {{2}}' }]);
    const error = await caught(() => connect().send({ type: 'template', to: TO, template: { name: 'promo', language: 'en', body: ['Ada'] } }));
    expect(error).toMatchObject({ code: 'request_rejected', status: 400, vendorCode: 'failed_validation' });
    expect((error as Error).message).toContain('The destinations.0.parameters.body-2 field is required.');
  });

  it('templates.sendBulk with a CSV file reaches every number', async () => {
    emulator.seedTemplates([{ id: 'seed-1', name: 'promo', language: 'en', body: 'Hi {{1}}' }]);
    const sent = await connect().templates.sendBulk({
      templateId: 1,
      languageId: 1,
      destinations: [TO],
      parameters: { 'body-1': 'all' },
      destinationsFile: { data: 'phone\n+905551110001\n+905551110002\n' },
    });
    expect(sent.phones).toEqual([TO, '+905551110001', '+905551110002']);
    expect(emulator.delivered().map((d) => d.message.to)).toEqual([TO, '+905551110001', '+905551110002']);
  });

  it('messages.sendMedia sends each file as its own message and stores it', async () => {
    const pdf = { data: new Uint8Array(Buffer.from('%PDF-1.4')), filename: 'a.pdf', mimeType: 'application/pdf' };
    const sent = await connect().messages.sendMedia({ to: TO, attachments: [png, pdf] });
    expect(sent.messages.map((m) => m.type)).toEqual(['image', 'document']);
    expect(emulator.delivered().map((d) => d.message.type)).toEqual(['image', 'document']);
    const stored = emulator.media(sent.messages[1]?.mediaId ?? '');
    expect(stored && Buffer.from(stored.data).toString()).toBe('%PDF-1.4');
  });

  it('messages.markRead records the receipt with its number', async () => {
    await connect().messages.markRead({ to: TO, messageIds: ['a', 'b'] });
    expect(emulator.readMarks()).toEqual([{ to: TO, messageIds: ['a', 'b'] }]);
  });
});

describe('emulator fidelity', () => {
  it('answers a missing field with the documented error body', async () => {
    const response = await api(`/integrations/${emulator.integrationId}/conversations/messages`, {
      method: 'POST',
      body: new URLSearchParams({ text: 'Hello!' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'failed_validation', message: 'The to field is required.', doc_url: 'https://docs.desk360.com/api' },
    });
  });

  it('accepts the bare key of the template examples, and locations on /messages (the table path)', async () => {
    const response = await api(`/integrations/${emulator.integrationId}/conversations/messages`, {
      method: 'POST',
      auth: emulator.apiKey,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: TO, location: { longitude: -122.425332, latitude: 37.758056, name: 'Facebook HQ', address: '1 Hacker Way' } }),
    });
    expect(response.status).toBe(200);
    expect(emulator.delivered()[0]?.message).toEqual({
      type: 'location',
      to: TO,
      latitude: 37.758056,
      longitude: -122.425332,
      name: 'Facebook HQ',
      address: '1 Hacker Way',
    });
  });

  it.each([
    ['an unknown integration', '/integrations/999/conversations/messages', 'POST', 404, 'model_not_found_exception'],
    ['a wrong method', '/integrations', 'DELETE', 405, 'method_not_allowed_exception'],
    ['an unknown path', '/nothing', 'GET', 404, 'not_found_exception'],
  ])('answers %s with its documented code', async (_what, path, method, status, code) => {
    const response = await api(path, { method });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('answers a wrong key with authentication_exception', async () => {
    const response = await api('/integrations', { auth: 'Bearer wrong' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'authentication_exception' } });
  });
});

describe('webhooks through the emulator', () => {
  let server: Server;
  let url: string;
  const events: WebhookEvent[] = [];
  let receiver: Desk360Provider;

  beforeAll(async () => {
    receiver = connect();
    const handler = createWebhookHandler(receiver, { dedupe: false });
    handler.on('message', (e) => events.push(e));
    handler.on('status', (e) => events.push(e));
    server = createServer((req, res) => void handler.node(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/desk360`;
    emulator.setWebhookUrl(url);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    events.length = 0;
  });

  it('delivers a voice note from an ad with its referral', async () => {
    const timestamp = new Date(1_741_867_567_000);
    const result = await emulator.simulateInbound({
      from: '+905551119988',
      profileName: 'John Doe',
      timestamp,
      content: { type: 'audio', media: { id: 'voice-1', mimeType: 'audio/ogg', voice: true } },
      referral: { sourceId: 'AD_ID', sourceType: 'ad', headline: 'Sale', sourceUrl: 'https://fb.example/ad' },
    });
    expect(result.status).toBe(200);
    expect(result.payload).toMatchObject({ messages: { from: '905551119988', timestamp: '1741867567', type: 'voice', voice: { media_id: 'voice-1' } } });
    expect(events[0]).toMatchObject({
      type: 'message',
      message: { id: result.id, content: { type: 'audio', media: { id: 'voice-1', voice: true } }, referral: { sourceId: 'AD_ID', headline: 'Sale' } },
    });
  });

  it('posts a status for a sent message to its recipient, and an unauthenticated post is refused', async () => {
    const sent = await receiver.send({ type: 'text', to: TO, text: 'status me' });
    await emulator.simulateStatus({ messageId: sent.id, status: 'read' });
    expect(events[0]).toMatchObject({ type: 'status', status: { messageId: sent.id, status: 'read', recipient: TO } });
    const refused = await emulator.simulateStatus({ messageId: sent.id, status: 'delivered' }, { unauthenticated: true });
    expect(refused.status).toBe(401);
    expect(events).toHaveLength(1);
  });
});

describe('a standalone emulator (wamux emulate desk360)', () => {
  it('starts with the sample template, so a template send by name works', async () => {
    const standalone = await createDesk360Emulator({ rateLimit: false });
    try {
      const desk360 = createDesk360Provider({
        apiKey: standalone.apiKey,
        integrationId: standalone.integrationId,
        baseUrl: standalone.url,
        allowInsecureHttp: true,
        rateLimit: false,
      });
      await desk360.send({ type: 'template', to: TO, template: { name: 'order_update', language: 'en', body: ['Ada', 'A-1'] } });
      expect(standalone.delivered()).toHaveLength(1);
    } finally {
      await standalone.close();
    }
  });

  it('starts with no templates when given templates: []', async () => {
    const empty = await createDesk360Emulator({ rateLimit: false, templates: [] });
    try {
      const desk360 = createDesk360Provider({
        apiKey: empty.apiKey,
        integrationId: empty.integrationId,
        baseUrl: empty.url,
        allowInsecureHttp: true,
        rateLimit: false,
      });
      expect(await collect(desk360.listTemplates())).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('listens on the port it is given, and refuses a busy one with a typed error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const onPort = await createDesk360Emulator({ rateLimit: false, port });
    try {
      expect(new URL(onPort.url).port).toBe(String(port));
      await expect(createDesk360Emulator({ rateLimit: false, port })).rejects.toMatchObject({ code: 'configuration_invalid', field: 'port' });
    } finally {
      await onPort.close();
    }
  });
});

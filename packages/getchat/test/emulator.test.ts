import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, type WebhookEvent } from '@wamux/core/adapter';
import { createGetchatProvider, isGetchatProviderEvent, type GetchatProvider } from '../src';
import { createGetchatEmulator, type GetchatEmulator } from '../src/emulator';

const CUSTOMER = '+905551119988';
const SECRET = 'emulator-webhook-secret';
const HEADERS = { 'X-Bot-Key': 'bot-header-value-123' };

let emulator: GetchatEmulator;
let provider: GetchatProvider;
let server: Server;
let webhookUrl: string;
const events: WebhookEvent[] = [];

beforeAll(async () => {
  emulator = await createGetchatEmulator({ webhookSecret: SECRET, webhookHeaders: HEADERS, incomingMessagesField: true });
  provider = createGetchatProvider({
    baseUrl: emulator.url,
    allowInsecureHttp: true,
    username: emulator.credentials.username,
    password: emulator.credentials.password,
    webhookSecret: SECRET,
    webhookHeaders: HEADERS,
    rateLimit: false,
  });
  const handler = createWebhookHandler(provider, { dedupe: false });
  handler.on('message', (e) => events.push(e));
  handler.on('status', (e) => events.push(e));
  handler.on('provider_event', (e) => events.push(e));
  server = createServer((req, res) => void handler.node(req, res));
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/getchat`;
  emulator.setWebhookUrl(webhookUrl);
});
afterAll(async () => {
  await provider.close();
  server.close();
  await emulator.close();
});
beforeEach(() => {
  events.length = 0;
  emulator.setWebhookShape('cloud_api');
});

describe('the emulator against the provider', () => {
  it.each(['cloud_api', 'on_premise'] as const)('%s deliveries: the same message event, once (messages + incoming_messages)', async (shape) => {
    emulator.setWebhookShape(shape);
    const result = await emulator.simulateInbound({
      from: CUSTOMER,
      profileName: 'Ada',
      content: { type: 'location', latitude: 41, longitude: 29, name: 'Here' },
    });
    expect(result.status).toBe(200);
    const payload = result.payload as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual(
      shape === 'cloud_api' ? ['entry', 'incoming_messages', 'object'] : ['contacts', 'incoming_messages', 'messages'],
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'message',
      message: { id: result.id, from: CUSTOMER, profileName: 'Ada', content: { type: 'location', latitude: 41, longitude: 29, name: 'Here' } },
    });
  });

  it('statuses carry getchat_id, so they link to the id send() returned', async () => {
    const sent = await provider.send({ type: 'text', to: CUSTOMER, text: 'hello' });
    const result = await emulator.simulateStatus({ messageId: sent.id, status: 'read' });
    const item = (result.payload as { entry: Array<{ changes: Array<{ value: { statuses: Array<Record<string, unknown>> } }> }> }).entry[0]?.changes[0]?.value
      .statuses[0];
    expect(item?.getchat_id).toBe(sent.id);
    expect(events[0]).toMatchObject({ type: 'status', status: { messageId: sent.id, whatsappMessageId: item?.id, status: 'read', recipient: CUSTOMER } });
  });

  it("an inbox agent's message arrives as an outgoing_message provider event, not as a customer message", async () => {
    const result = await emulator.simulateOutgoing({
      to: CUSTOMER,
      text: 'Hi, this is Konrad from support',
      sender: { id: 4, username: 'konrad', firstName: 'Konrad' },
    });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event && isGetchatProviderEvent(event) && event.kind).toBe('outgoing_message');
    expect(event).toMatchObject({
      id: result.id,
      payload: {
        fromUs: true,
        customerWaId: '905551119988',
        content: { type: 'text', text: 'Hi, this is Konrad from support' },
        sender: { id: 4, username: 'konrad' },
      },
    });
  });

  it('refuses deliveries without the configured header or secret (401), emitting nothing', async () => {
    const result = await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'x' } }, { unauthenticated: true });
    expect(result.status).toBe(401);
    expect(events).toHaveLength(0);
  });

  it("markRead marks the chat as received up to the message; the chat's unread count follows", async () => {
    const inbound = await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'read me' } });
    const before = await provider.chats.retrieve(CUSTOMER);
    expect(before.newMessages).toBeGreaterThan(0);
    await provider.markRead(inbound.id);
    const mark = emulator.receivedMarks().at(-1);
    expect(mark?.customerWaId).toBe('905551119988');
    expect((await provider.chats.retrieve(CUSTOMER)).newMessages).toBe(0);
  });

  it('logged in once with username and password; media round-trips by bytes', async () => {
    const uploaded = await provider.uploadMedia({ data: new Uint8Array([1, 2, 3]), filename: 'x.bin', mimeType: 'application/octet-stream' });
    const downloaded = await provider.downloadMedia(uploaded.id);
    expect(downloaded).toMatchObject({ data: new Uint8Array([1, 2, 3]), mimeType: 'application/octet-stream', filename: 'x.bin' });
    expect(emulator.requests().filter((r) => r.path === '/api/v1/auth/token/')).toHaveLength(1);
  });

  it('seeded templates are listed, by the driver and by the templates namespace alike', async () => {
    emulator.seedTemplates([{ id: 'tpl_1', name: 'order_update', language: 'en', body: 'Hello {{1}}' }]);
    const normalized = [];
    for await (const template of provider.listTemplates()) normalized.push(template.name);
    const vendor = [];
    for await (const template of provider.templates.list()) vendor.push(template.name);
    expect(normalized).toEqual(['order_update']);
    expect(vendor).toEqual(['order_update']);
  });
});

describe('the emulator standalone', () => {
  it('starts with the sample templates, so a template send by name works', async () => {
    const standalone = await createGetchatEmulator();
    const client = createGetchatProvider({ baseUrl: standalone.url, token: standalone.credentials.token, allowInsecureHttp: true, rateLimit: false });
    try {
      const names: string[] = [];
      for await (const template of client.listTemplates()) names.push(template.name);
      expect(names).toContain('order_update');
      standalone.reset();
      const again: string[] = [];
      for await (const template of client.listTemplates()) again.push(template.name);
      expect(again).toEqual(names);
    } finally {
      await client.close();
      await standalone.close();
    }
  });

  it('listens on the port it is given, and refuses a busy one with a ConfigurationError naming port', async () => {
    const first = await createGetchatEmulator();
    const port = Number(new URL(first.url).port);
    try {
      await expect(createGetchatEmulator({ port })).rejects.toMatchObject({ name: 'PortInUseError', field: 'port' });
    } finally {
      await first.close();
    }
    const second = await createGetchatEmulator({ port });
    try {
      expect(new URL(second.url).port).toBe(String(port));
    } finally {
      await second.close();
    }
  });
});

import { createServer, type Server } from 'node:net';
import { AuthenticationError, NotFoundError, type MessageEvent } from '@wamux/core';
import { PortInUseError } from '@wamux/emulator';
import { createMessagingApiProvider, inboundSession, isMessagingApiEvent, type MessagingApiOptions } from '@wamux/messaging-api';
import { createMessagingApiEmulator, type MessagingApiEmulator } from '@wamux/messaging-api/emulator';
import { collect } from './helpers';
import { startReceiver } from './receiver';

const API_KEY = 'emu-test-api-key-4410';
const API_ID = 'emu-test-api-id-9921';
const TOKEN = 'emu-test-verify-token-7733';
const CUSTOMER = '+905551119988';

let emulator: MessagingApiEmulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const provider = (extra: Partial<MessagingApiOptions> = {}) =>
  createMessagingApiProvider({
    baseUrl: emulator.url,
    apiKey: API_KEY,
    apiId: API_ID,
    channelId: emulator.channelId,
    verifyToken: TOKEN,
    allowInsecureHttp: true,
    retry: { limit: 1, baseDelay: 1 },
    onContactInfo: ({ phone }) => (phone === CUSTOMER ? { name: 'Grace Hopper', profileId: 'CRM-42' } : undefined),
    ...extra,
  });

beforeAll(async () => {
  emulator = await createMessagingApiEmulator({ apiKey: API_KEY, apiId: API_ID, verifyToken: TOKEN });
  receiver = await startReceiver(provider());
});
afterAll(async () => {
  await receiver.close();
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
  receiver.events.length = 0;
  receiver.errors.length = 0;
});

describe('configuration against the emulator', () => {
  it('lists channels (sandbox ones on request) and global vars', async () => {
    const channels = await provider().config.listChannels();
    expect(channels.map((c) => c.channelId)).toEqual([emulator.channelId]);
    expect(await provider().config.listChannels({ sandbox: true })).toHaveLength(2);
    expect((await provider().config.globalVars()).map((v) => v.key)).toEqual(['support_email', 'business_hours']);
  });

  it('sets the webhook URL the emulator then posts to', async () => {
    const app = await provider().config.setWebhook({ url: receiver.url });
    expect(app?.webhook).toBe(receiver.url);
    expect(emulator.webhookUrl()).toBe(receiver.url);
    await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'hello' } });
    expect(receiver.events).toHaveLength(1);
  });

  it('filters HSM templates by channel approval status', async () => {
    emulator.seedTemplates([
      { id: 't1', name: 'approved_one', language: 'en', body: 'Hi {{1}}' },
      { id: 't2', name: 'pending_one', language: 'en', body: 'Hi', status: 'pending' },
    ]);
    const approved = await provider().config.listTemplates({ channelId: emulator.channelId, channelStatus: 'APPROVED' });
    expect(approved.map((t) => t.code)).toEqual(['approved_one']);
    const normalized = await collect(provider().listTemplates());
    expect(normalized.map((t) => [t.name, t.status])).toEqual([
      ['approved_one', 'approved'],
      ['pending_one', 'pending'],
    ]);
  });
});

describe('a conversation session', () => {
  it('inbound, reply, history, routing, resolve, close', async () => {
    const inbound = await emulator.simulateInbound(
      { from: CUSTOMER, profileName: 'Grace', content: { type: 'text', text: 'Where is my order?' } },
      { webhookUrl: receiver.url },
    );
    expect(inbound.status).toBe(200);
    const event = receiver.events[0] as MessageEvent;
    const session = inboundSession(event);
    expect(session?.sessionId).toBe(emulator.sessions()[0]?.sessionId);
    const sessionId = session?.sessionId as string;

    const sent = await provider().send({ type: 'text', to: CUSTOMER, text: 'On its way' });
    const history = await provider().sessions.messages({ sessionId });
    expect(history.map((m) => [m.messageId, m.status])).toEqual([
      [inbound.id, 'RECEIVD'],
      [sent.id, 'SENT'],
    ]);

    const [routed] = await provider().sessions.route({ sessionId, queue: 'billing', agent: 'ada', skills: ['tr'], params: { priority: 'high' } });
    expect(routed).toMatchObject({
      eventCode: 'SESSION_ROUTED',
      sessionRouted: { sourceQueue: 'default', targetQueue: 'billing', params: { priority: 'high' } },
    });
    expect(emulator.sessions()[0]).toMatchObject({ queue: 'billing', agent: 'ada', skills: ['tr'] });

    await expect(provider().sessions.resolve({ sessionId })).resolves.toMatchObject([{ eventCode: 'SESSION_RESOLVED' }]);
    await expect(provider().sessions.close({ sessionId })).resolves.toMatchObject([{ eventCode: 'SESSION_CLOSED' }]);
    // The emulator answers these with a failure envelope inside HTTP 200.
    await expect(provider().sessions.close({ sessionId })).rejects.toMatchObject({ code: 'request_rejected', status: 200, vendorCode: 'SESSION_CLOSED' });
    await expect(provider().sessions.messages({ sessionId: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('session events and actions arrive as typed provider events', async () => {
    const session = emulator.openSession(CUSTOMER);
    await emulator.simulateSessionEvent(
      { sessionId: session.sessionId, eventCode: 'SESSION_ROUTED', sessionRouted: { targetQueue: 'bot' } },
      { webhookUrl: receiver.url },
    );
    await emulator.simulateAction('SEND_INVOICE', { webhookUrl: receiver.url });
    const [routed, action] = receiver.events;
    expect(routed && isMessagingApiEvent(routed, 'session_event') && routed.payload).toMatchObject({
      eventCode: 'SESSION_ROUTED',
      sessionId: session.sessionId,
      event: { sessionRouted: { targetQueue: 'bot' } },
    });
    expect(action && isMessagingApiEvent(action, 'action') && action.payload.actionCode).toBe('SEND_INVOICE');
  });
});

describe('contacts and analytics against the emulator', () => {
  it('sets a contact language and pushes data and events', async () => {
    await provider().contacts.setLanguage({ contactId: 'wa905551119988_905550000000', lang: 'tr_TR' });
    expect(emulator.contactLanguages()).toEqual({ wa905551119988_905550000000: 'tr_TR' });
    await expect(provider().analytics.pushData({ id: 'cust-1', type: 'customer', data: { tier: 'gold' } })).resolves.toMatchObject({ id: 'cust-1' });
    await provider().analytics.pushEvent({ eventName: 'ORDER_SHIPPED', id: 42 });
    expect(emulator.pushedData()).toEqual([{ id: 'cust-1', type: 'customer', data: { tier: 'gold' }, links: [] }]);
    expect(emulator.pushedEvents()).toEqual([{ eventName: 'ORDER_SHIPPED', id: 42, links: [] }]);
  });

  it("answers the contact/info request with the app's callback, on its own URL or the shared one", async () => {
    for (const webhookUrl of [receiver.contactInfoUrl, receiver.url]) {
      const known = await emulator.simulateContactInfo({ phone: CUSTOMER, name: 'Grace' }, { webhookUrl });
      expect(known).toMatchObject({ status: 200, reply: { name: 'Grace Hopper', profileId: 'CRM-42' } });
    }
    const unknown = await emulator.simulateContactInfo({ phone: '+15551234567' }, { webhookUrl: receiver.contactInfoUrl });
    expect(unknown.reply).toEqual({});
    const refused = await emulator.simulateContactInfo({ phone: CUSTOMER }, { webhookUrl: receiver.contactInfoUrl, unauthenticated: true });
    expect(refused.status).toBe(401);
    expect(receiver.events.filter((e) => e.type === 'provider_event')).toHaveLength(3);
  });
});

describe('vendor-format sends the model cannot decode', () => {
  it('a list, or a recipient by contact id, is in the outbox but not in delivered()', async () => {
    await provider().messages.send({
      type: 'text',
      to: { phone: '905551119988' },
      text: { body: 'Pick a slot' },
      options: { buttonDisplayScheme: 'list', buttons: [{ name: 'am', code: 'am', label: 'Morning', desc: '09-12' }] },
    });
    await provider().messages.send({ type: 'text', to: { contactId: 'wa905551119988_905550000000' }, text: { body: 'hi' } });
    expect(emulator.outbox()).toHaveLength(2);
    expect(emulator.delivered()).toHaveLength(0);
  });

  it('an unknown channel is refused in an HTTP 200 envelope', async () => {
    const error = await provider()
      .messages.send({ type: 'text', to: { phone: '905551119988' }, text: { body: 'x' }, channelId: 'wa360:not-a-channel' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 200, vendorCode: 'CHANNEL_NOT_FOUND', details: { fieldErrors: [{ field: 'channelId' }] } });
  });

  it('a template the emulator does not know is refused in an HTTP 200 envelope', async () => {
    const error = await provider()
      .send({ type: 'template', to: CUSTOMER, template: { name: 'nope', language: 'en' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 200, vendorCode: 'TEMPLATE_NOT_FOUND' });
  });
});

describe('emulator options', () => {
  it('requires the configured x-api-id', async () => {
    await expect(provider({ apiId: 'some-other-id' }).config.listChannels()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('can answer failures with their HTTP status instead of 200', async () => {
    const strict = await createMessagingApiEmulator({ apiKey: API_KEY, failuresAsHttp200: false });
    try {
      const client = createMessagingApiProvider({ baseUrl: strict.url, apiKey: API_KEY, channelId: 'wa360:unknown', allowInsecureHttp: true, retry: false });
      const error = await client.send({ type: 'text', to: CUSTOMER, text: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, vendorCode: 'CHANNEL_NOT_FOUND' });
      await expect(client.sessions.close({ sessionId: 'missing' })).rejects.toMatchObject({ status: 404 });
    } finally {
      await strict.close();
    }
  });

  it('serves media it holds at the links it sends', async () => {
    const id = emulator.addMedia({ data: new Uint8Array([1, 2, 3]), mimeType: 'image/png', filename: 'a.png' });
    await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'image', media: { id } } }, { webhookUrl: receiver.url });
    const media = (receiver.events[0] as MessageEvent).message.content;
    expect(media).toMatchObject({ type: 'image', media: { id, mimeType: 'image/png', filename: 'a.png' } });
    const url = (media as { media: { url: string } }).media.url;
    const response = await fetch(url);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('rejects a body that is not an OutBoundMsg with field errors', async () => {
    const response = await fetch(`${emulator.url}/api/v1/message/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, 'x-api-id': API_ID },
      body: JSON.stringify({ type: 'text', to: {}, text: { body: 'x' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 400, statusKey: 'INVALID_REQUEST', errors: [{ field: 'to' }] });
  });
});

describe('the x-api-id header', () => {
  const channels = (target: MessagingApiEmulator, headers: Record<string, string>) => fetch(`${target.url}/api/v1/config/channels`, { headers });

  it('a request without it, to an emulator that requires one, gets a 401 saying it is missing and how to set it', async () => {
    const response = await channels(emulator, { 'x-api-key': API_KEY });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { message: string };
    expect(body).toMatchObject({ status: 401, statusKey: 'UNAUTHORIZED' });
    expect(body.message).toMatch(/x-api-id header is missing/);
    expect(body.message).toMatch(/apiId \(MESSAGING_API_ID\)/);
    expect(body.message).not.toContain(API_ID);
    // The adapter's error carries the reason.
    const error = await provider({ apiId: undefined })
      .config.listChannels()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/x-api-id header is missing/);
  });

  it('a wrong key and a wrong id are told apart', async () => {
    expect(await (await channels(emulator, {})).json()).toMatchObject({ message: expect.stringMatching(/x-api-key header is missing/) });
    expect(await (await channels(emulator, { 'x-api-key': 'wrong-key-0000' })).json()).toMatchObject({
      message: expect.stringMatching(/x-api-key header does not match/),
    });
    expect(await (await channels(emulator, { 'x-api-key': API_KEY, 'x-api-id': 'wrong-id-0000' })).json()).toMatchObject({
      message: expect.stringMatching(/x-api-id header does not match/),
    });
  });

  it('is optional when the emulator was started without an apiId, as it is for the adapter', async () => {
    const open = await createMessagingApiEmulator({ apiKey: API_KEY });
    try {
      expect(open.apiId).toBeUndefined();
      const options = { baseUrl: open.url, apiKey: API_KEY, channelId: open.channelId, allowInsecureHttp: true };
      expect(await createMessagingApiProvider(options).config.listChannels()).toHaveLength(1);
      expect(await createMessagingApiProvider({ ...options, apiId: 'any-id' }).config.listChannels()).toHaveLength(1);
    } finally {
      await open.close();
    }
  });
});

describe('standalone', () => {
  it('starts with the sample templates, so a template sends by name without seeding; reset() keeps them', async () => {
    const fresh = await createMessagingApiEmulator();
    try {
      const standalone = createMessagingApiProvider({
        baseUrl: fresh.url,
        apiKey: fresh.apiKey,
        channelId: fresh.channelId,
        allowInsecureHttp: true,
        retry: false,
      });
      expect((await collect(standalone.listTemplates())).map((t) => [t.name, t.status])).toEqual([['order_update', 'approved']]);
      const template = { name: 'order_update', language: 'en', body: ['Ada', '#1001'] };
      await expect(standalone.send({ type: 'template', to: CUSTOMER, template })).resolves.toMatchObject({ id: expect.any(String) });
      fresh.reset();
      expect(await collect(standalone.listTemplates())).toHaveLength(1);
      fresh.seedTemplates([]);
      expect(await collect(standalone.listTemplates())).toHaveLength(0);
    } finally {
      await fresh.close();
    }
  });

  it('starts with no templates when told so', async () => {
    const empty = await createMessagingApiEmulator({ templates: [] });
    try {
      const client = createMessagingApiProvider({ baseUrl: empty.url, apiKey: empty.apiKey, allowInsecureHttp: true });
      expect(await client.config.listTemplates()).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('listens on the port it is given, and a busy port rejects with PortInUseError naming it', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const error = await createMessagingApiEmulator({ port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toContain(String(port));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
    // The port is free now: the emulator takes it.
    const onPort = await createMessagingApiEmulator({ port });
    try {
      expect(new URL(onPort.url).port).toBe(String(port));
    } finally {
      await onPort.close();
    }
  });
});

it('refuses a request without credentials with 401 and the envelope', async () => {
  const response = await fetch(`${emulator.url}/api/v1/config/channels`);
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ status: 401, statusKey: 'UNAUTHORIZED' });
});

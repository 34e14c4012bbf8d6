import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { AuthenticationError, createWebhookHandler, type WamuxError, type WebhookEvent, type WebhookHandler } from '@wamux/core/adapter';
import { WebSocketServer } from 'ws';
import { createGetchatProvider, type GetchatLiveState, type GetchatOptions, type GetchatProvider } from '../src';
import { createGetchatEmulator, type GetchatEmulator } from '../src/emulator';

const CUSTOMER = '+905551119988';
const FAST = { initialDelay: 10, maxDelay: 50 };

let emulator: GetchatEmulator;
const providers: GetchatProvider[] = [];

beforeAll(async () => {
  emulator = await createGetchatEmulator({ webhookSecret: 'the-webhook-secret' });
});
afterEach(async () => {
  await Promise.all(providers.splice(0).map((p) => p.close()));
  emulator.reset();
});
afterAll(() => emulator.close());

function makeProvider(credentials: Partial<GetchatOptions> = { token: emulator.credentials.token }): GetchatProvider {
  const provider = createGetchatProvider({
    baseUrl: emulator.url,
    websocketUrl: emulator.websocketUrl,
    allowInsecureHttp: true,
    webhookSecret: 'the-webhook-secret',
    rateLimit: false,
    ...credentials,
  } as GetchatOptions);
  providers.push(provider);
  return provider;
}

/** Collects a handler's events and errors. */
function collect(handler: WebhookHandler) {
  const events: WebhookEvent[] = [];
  const errors: WamuxError[] = [];
  handler.on('message', (e) => events.push(e));
  handler.on('status', (e) => events.push(e));
  handler.on('provider_event', (e) => events.push(e));
  handler.on('error', (e) => errors.push(e));
  return { events, errors };
}

async function until(condition: () => boolean, ms = 3_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('live events over the websockets server', () => {
  it('authenticates with the token first, then turns waba_webhook frames into events (no webhook secret needed)', async () => {
    const provider = makeProvider();
    const connection = provider.live.connect({ reconnect: FAST });
    const { events } = collect(connection.handler);
    await connection.ready;
    expect(connection.state).toBe('open');
    expect(emulator.liveClients()).toBe(1);

    const sent = await provider.send({ type: 'text', to: CUSTOMER, text: 'hi' });
    const inbound = await emulator.simulateInbound({ from: CUSTOMER, profileName: 'Ada', content: { type: 'text', text: 'hello' } });
    await emulator.simulateStatus({ messageId: sent.id, status: 'delivered' });
    await until(() => events.length === 2);
    expect(events[0]).toMatchObject({
      type: 'message',
      message: { id: inbound.id, from: CUSTOMER, profileName: 'Ada', content: { type: 'text', text: 'hello' } },
    });
    expect(events[1]).toMatchObject({ type: 'status', status: { messageId: sent.id, status: 'delivered' } });
  });

  it('a provider with no webhook secret still receives live frames (the token authenticates them), while HTTP deliveries are refused', async () => {
    const provider = makeProvider({ token: emulator.credentials.token, webhookSecret: undefined });
    const connection = provider.live.connect({ reconnect: FAST });
    const { events } = collect(connection.handler);
    await connection.ready;
    const inbound = await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'over the websocket' } });
    await until(() => events.length === 1);
    expect(events[0]).toMatchObject({ type: 'message', message: { id: inbound.id } });

    const outcome = await createWebhookHandler(provider, { dedupe: false }).handle({
      method: 'POST',
      url: 'http://127.0.0.1/hook',
      headers: {},
      body: JSON.stringify(inbound.payload),
    });
    expect(outcome).toMatchObject({ status: 500, events: [], error: { code: 'configuration_invalid', field: 'webhookSecret' } });
  });

  it('survives a dropped connection: reconnects with backoff and keeps delivering', async () => {
    const provider = makeProvider();
    const states: GetchatLiveState[] = [];
    const connection = provider.live.connect({ reconnect: FAST, onStateChange: (state) => states.push(state) });
    const { events } = collect(connection.handler);
    await connection.ready;

    emulator.dropLiveConnections();
    await until(() => states.includes('reconnecting'));
    await until(() => connection.state === 'open' && emulator.liveClients() === 1);
    await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'after the drop' } });
    await until(() => events.length === 1);
    expect(events[0]).toMatchObject({ type: 'message', message: { content: { text: 'after the drop' } } });
    expect(states).toEqual(['authenticating', 'open', 'reconnecting', 'authenticating', 'open']);
  });

  it('shares one handler, and its de-duplication, with webhook deliveries', async () => {
    const provider = makeProvider();
    const handler = createWebhookHandler(provider);
    const { events } = collect(handler);
    const connection = provider.live.connect({ handler });
    await connection.ready;
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => void handler.node(req, res));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

    const result = await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'twice' } }, { webhookUrl });
    expect(result.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.filter((e) => e.type === 'message')).toHaveLength(1);
    server.close();
  });

  it('gets a websocket token for D360-Api-Key auth through the refresh token, keeping it valid', async () => {
    const provider = makeProvider({ d360ApiKey: emulator.credentials.d360ApiKey });
    const refreshToken = emulator.credentials.refreshToken;
    const connection = provider.live.connect();
    await connection.ready;
    const paths = emulator.requests().map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(['GET /api/v1/users/current/', 'GET /api/v1/users/1/refresh_token/', 'POST /api/v1/auth/convert_refresh_token/']);
    expect(emulator.requests()[2]?.body).toEqual({ refresh_token: refreshToken, keep_refresh_token: true });
    expect(emulator.credentials.refreshToken).toBe(refreshToken);
  });

  it('logs in with username and password for the websocket token', async () => {
    const provider = makeProvider({ username: emulator.credentials.username, password: emulator.credentials.password });
    await provider.live.connect().ready;
    expect(emulator.requests().map((r) => r.path)).toEqual(['/api/v1/auth/token/']);
  });

  it('a refused token ends the connection with an AuthenticationError that leaks nothing', async () => {
    const provider = makeProvider({ token: 'wrong-token-0123456789' });
    const connection = provider.live.connect({ reconnect: FAST });
    const { errors } = collect(connection.handler);
    const error = await connection.ready.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(errors[0]).toBe(error);
    expect(connection.state).toBe('closed');
    expect(inspect(error, { depth: 10 })).not.toContain('wrong-token-0123456789');
  });

  it('provider.close() closes the connections opened on it', async () => {
    const provider = makeProvider();
    const connection = provider.live.connect();
    await connection.ready;
    await provider.close();
    expect(connection.state).toBe('closed');
    await until(() => emulator.liveClients() === 0);
  });

  it('needs a websocket URL', () => {
    const provider = makeProvider({ token: emulator.credentials.token, websocketUrl: undefined } as Partial<GetchatOptions>);
    expect(() => provider.live.connect()).toThrow(/websocketUrl: cannot be derived/);
  });
});

describe('the websocket protocol, frame by frame', () => {
  /** A bare server that accepts any token and sends the given frames. */
  async function frameServer(frames: string[]) {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    const received: string[] = [];
    server.on('connection', (socket) => {
      socket.once('message', (data) => {
        received.push(String(data));
        socket.send(JSON.stringify({ type: 'token', status: 'success', message: 'Welcome, peter!' }));
        for (const frame of frames) socket.send(frame);
      });
    });
    return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`, received, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('sends {"token"} first; reads getchat_webhook frames (payload under any documented key) and reports bad frames', async () => {
    const server = await frameServer([
      JSON.stringify({ type: 'response', status: 'bad_request', message: 'Expecting value: line 1 column 1 (char 0)' }),
      JSON.stringify({
        type: 'getchat_webhook',
        payload: {
          outgoing_messages: [
            { id: 'gc-1', waba_payload: { to: '905551119988', type: 'text', text: { body: 'agent' }, id: 'wamid.1', timestamp: 1700000000 }, from_us: true },
          ],
        },
      }),
      'not json',
      JSON.stringify({ type: 'typing', wa_id: '905551119988' }),
    ]);
    const provider = makeProvider();
    const connection = provider.live.connect({ url: server.url, reconnect: false });
    const { events, errors } = collect(connection.handler);
    await connection.ready;
    await until(() => events.length === 1 && errors.length === 2);
    expect(server.received).toEqual([JSON.stringify({ token: emulator.credentials.token })]);
    expect(events[0]).toMatchObject({ type: 'provider_event', kind: 'outgoing_message', id: 'gc-1' });
    expect(errors.map((e) => e.message)).toEqual([
      'the get.chat websocket answered bad_request: Expecting value: line 1 column 1 (char 0)',
      'a websocket frame is not a JSON object with a type',
    ]);
    await connection.close();
    await server.close();
  });
});

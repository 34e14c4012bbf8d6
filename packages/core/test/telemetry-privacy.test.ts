import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, type Provider, type TelemetryOptions } from '@wamux/core/adapter';
import { createDesk360Provider } from '@wamux/desk360';
import { createDesk360Emulator } from '@wamux/desk360/emulator';
import { createGetchatProvider } from '@wamux/getchat';
import { createGetchatEmulator } from '@wamux/getchat/emulator';
import { createMessagingApiProvider } from '@wamux/messaging-api';
import { createMessagingApiEmulator } from '@wamux/messaging-api/emulator';
import { createMemoryProvider } from '@wamux/memory';
import { CUSTOMER, RECIPIENT } from '@wamux/testing';
import { createMemoryEmulator } from '@wamux/memory/emulator';
import type { Emulator } from '@wamux/emulator';
import { recordingLogger, registerTestSdk, type TestSdk } from './telemetry-support';

// Runs sends (a success, a 429 retried, a 5xx, a refusal) and webhooks (a
// message whose listener fails then succeeds, a status, a delivery without
// its credentials) over each adapter's emulator with an SDK and a logger
// attached, then scans every span name and attribute, metric name and
// label, and log line for the configured credentials, the test phone
// numbers and the message texts.

const TEXT = 'telemetry-scan private words';
const logger = recordingLogger();
const telemetry: TelemetryOptions | undefined = undefined;

interface Setup {
  emulator: Emulator;
  secrets: string[];
  provider: Provider;
}

const common = { allowInsecureHttp: true, retry: { baseDelay: 1, maxDelay: 5 }, logger, telemetry } as const;

const adapters: Array<[string, () => Promise<Setup>]> = [
  [
    'memory',
    async () => {
      const emulator = await createMemoryEmulator({ apiKey: 'scan-memory-key-1a2b', webhookSecret: 'scan-memory-hook-3c4d' });
      return {
        emulator,
        secrets: [emulator.apiKey, emulator.webhookSecret],
        provider: createMemoryProvider({ ...common, baseUrl: emulator.url, apiKey: emulator.apiKey, webhookSecret: emulator.webhookSecret, rateLimit: false }),
      };
    },
  ],
  [
    'desk360',
    async () => {
      const webhookSecret = { value: 'scan-desk360-hook-5e6f', query: 'secret' } as const;
      const emulator = await createDesk360Emulator({ apiKey: 'scan-desk360-key-7a8b', webhookSecret, rateLimit: false });
      const provider = createDesk360Provider({
        ...common,
        rateLimit: false,
        apiKey: emulator.apiKey,
        integrationId: emulator.integrationId,
        baseUrl: emulator.url,
        webhookSecret,
      });
      return { emulator, secrets: [emulator.apiKey, webhookSecret.value], provider };
    },
  ],
  [
    'getchat',
    async () => {
      const emulator = await createGetchatEmulator({ webhookSecret: 'scan-getchat-hook-9c0d' });
      const provider = createGetchatProvider({ ...common, baseUrl: emulator.url, token: emulator.credentials.token, webhookSecret: 'scan-getchat-hook-9c0d' });
      const { username: _user, ...credentials } = emulator.credentials;
      return { emulator, secrets: [...Object.values(credentials), 'scan-getchat-hook-9c0d'], provider };
    },
  ],
  [
    'messaging-api',
    async () => {
      const keys = { apiKey: 'scan-mapi-key-1e2f', apiId: 'scan-mapi-id-3a4b', verifyToken: 'scan-mapi-verify-5c6d' };
      const emulator = await createMessagingApiEmulator(keys);
      const provider = createMessagingApiProvider({ ...common, ...keys, baseUrl: emulator.url, channelId: emulator.channelId });
      return { emulator, secrets: Object.values(keys), provider };
    },
  ],
];

let sdk: TestSdk;
beforeAll(() => {
  sdk = registerTestSdk();
});
afterAll(async () => {
  await sdk.shutdown();
});

describe.each(adapters)('%s: nothing sensitive in spans, metrics or logs', (name, setup) => {
  let context: Setup;
  let server: Server;
  let url: string;
  let failNext = true;

  beforeAll(async () => {
    context = await setup();
    const handler = createWebhookHandler(context.provider, { logger });
    handler.on('message', () => {
      if (failNext) {
        failNext = false;
        throw new Error(`listener failed for ${CUSTOMER}: ${TEXT}`);
      }
    });
    handler.on('status', () => undefined);
    handler.on('error', () => undefined);
    server = createServer((req, res) => void handler.node(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await context.provider.close();
    await context.emulator.close();
  });

  it('runs sends and webhooks, then finds no credential, phone number or text in anything emitted', async () => {
    sdk.reset();
    logger.lines.length = 0;
    const { provider, emulator } = context;

    const sent = await provider.send({ type: 'text', to: RECIPIENT, text: TEXT });
    emulator.injectFault({ type: 'http_error', status: 429, retryAfter: 0, times: 1 });
    await provider.send({ type: 'text', to: RECIPIENT, text: TEXT });
    emulator.injectFault({ type: 'http_error', status: 500, times: 1 });
    await provider.send({ type: 'text', to: RECIPIENT, text: TEXT }).catch(() => undefined);
    await provider.send({ type: 'text', to: `${RECIPIENT}x`, text: TEXT }).catch(() => undefined);

    const webhook = { webhookUrl: url };
    const inbound = { from: CUSTOMER, profileName: 'Ada Lovelace', content: { type: 'text', text: TEXT } } as const;
    expect((await emulator.simulateInbound(inbound, webhook)).status).toBe(500);
    expect((await emulator.simulateInbound({ ...inbound, id: 'scan-inbound-2' }, webhook)).status).toBeLessThan(300);
    await emulator.simulateStatus({ messageId: sent.id, status: 'delivered', recipient: RECIPIENT }, webhook);
    expect((await emulator.simulateInbound(inbound, { ...webhook, unauthenticated: true })).status).toBeGreaterThanOrEqual(400);

    const spans = sdk.spans().map((span) => ({ name: span.name, attributes: span.attributes, events: span.events.map((e) => [e.name, e.attributes]) }));
    const points = (await sdk.points()).map((point) => ({ name: point.name, attributes: point.attributes }));
    // Something was emitted: the scan below cannot pass on silence.
    expect(spans.filter((span) => span.name === `send ${name}`)).toHaveLength(4);
    expect(spans.some((span) => span.name === `webhook ${name}` && span.attributes['wamux.webhook.answer'] === 'failed')).toBe(true);
    expect(points.some((point) => point.name === 'wamux.http.retries')).toBe(true);
    expect(logger.lines.some((line) => line.level === 'warn' && line.fields?.reason === 'rate_limited')).toBe(true);
    expect(logger.lines.some((line) => line.level === 'error' && line.fields?.eventType === 'message')).toBe(true);

    const emitted = JSON.stringify({ spans, points, logs: logger.lines });
    const forbidden = [...context.secrets, RECIPIENT, RECIPIENT.slice(3), CUSTOMER, CUSTOMER.slice(3), TEXT, 'private words', 'Ada Lovelace'];
    for (const value of forbidden) {
      expect({ value, found: emitted.includes(value) }).toEqual({ value, found: false });
    }
  });
});

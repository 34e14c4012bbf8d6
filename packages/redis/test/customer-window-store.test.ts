import { ConfigurationError, defineProvider, RateLimitError, StoreUnavailableError, type ProviderDriver, type WebhookEvent } from '@wamux/core/adapter';
import { createRedisRateLimitStore } from '@wamux/redis';
import { createRedisCustomerWindowStore } from '../src/customer-window/redis-customer-window-store';
import { CLIENT_KINDS, connectClient, type TestClient } from './support/clients';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../test-support/redis-server';

const PHONE = '+905551112233';
const BUSINESS = '+14155550000';
const HOUR = 60 * 60 * 1000;
const webhook = { method: 'POST', url: 'http://x/', headers: {}, body: '{}' };

let run = 0;
const prefix = () => {
  run += 1;
  return `cw-${process.pid}-${run}:`;
};

/** A provider over a fake driver whose webhooks carry `events`; counts the sends that reached the driver. */
function provider(whatsappLimits: NonNullable<Parameters<typeof defineProvider>[2]>['whatsappLimits'], events: WebhookEvent[] = []) {
  let sent = 0;
  const driver: ProviderDriver<'fake'> = {
    specificationVersion: 'v1',
    name: 'fake',
    capabilities: { outbound: ['text', 'template'], interactive: [], mediaSources: [], inbound: ['text'], statuses: ['sent'], features: [] },
    send: async () => {
      sent += 1;
      return { id: `sent-${sent}`, raw: {} };
    },
    parseWebhook: async () => ({ events }),
  };
  return { provider: defineProvider(driver, {}, { whatsappLimits }), sends: () => sent };
}

const inbound = (at: number): WebhookEvent => ({
  type: 'message',
  provider: 'fake',
  message: { id: `in-${at}`, from: PHONE, customer: { phone: PHONE }, timestamp: new Date(at), content: { type: 'text', text: 'hello' } },
  raw: {},
});

describeWithRedis('@wamux/redis customer window store and shared WhatsApp limits on a real redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a bad option with a ConfigurationError naming it', () => {
    const client = { send: async () => null };
    expect(() => createRedisCustomerWindowStore(client, { ttl: 0 })).toThrow(ConfigurationError);
    expect(() => createRedisCustomerWindowStore(client, { ttl: 1.5 })).toThrow(expect.objectContaining({ field: 'ttl' }));
  });

  describe.each(CLIENT_KINDS)('with %s', (kind) => {
    let receiving: TestClient;
    let sending: TestClient;
    beforeAll(async () => {
      [receiving, sending] = await Promise.all([connectClient(kind, server), connectClient(kind, server)]);
    });
    afterAll(async () => {
      await Promise.all([receiving?.close(), sending?.close()]);
    });

    it('a message received by one process closes (and opens) the window for a process sending from another connection', async () => {
      const keys = prefix();
      let now = Date.parse('2026-03-01T10:00:00Z');
      const clock = () => now;
      const receiver = provider(
        { phoneNumber: BUSINESS, customerWindow: { store: createRedisCustomerWindowStore(receiving.client, { prefix: keys }) }, clock },
        [inbound(now)],
      );
      const sender = provider({ phoneNumber: BUSINESS, customerWindow: { store: createRedisCustomerWindowStore(sending.client, { prefix: keys }) }, clock });

      await receiver.provider.parseWebhook(webhook);
      now += 2 * HOUR;
      await expect(sender.provider.send({ type: 'text', to: PHONE, text: 'still open' })).resolves.toMatchObject({ id: 'sent-1' });
      now += 23 * HOUR;
      await expect(sender.provider.send({ type: 'text', to: PHONE, text: 'closed' })).rejects.toMatchObject({ code: 'window_closed', delivery: 'not_sent' });
      await expect(sender.provider.send({ type: 'template', to: PHONE, template: { name: 'follow_up', language: 'en' } })).resolves.toBeDefined();
      expect(sender.sends()).toBe(2);
    });

    it('the pair rate is shared through a RedisRateLimitStore: a second process is refused for the same customer', async () => {
      const keys = prefix();
      const limits = (client: TestClient) => ({
        phoneNumber: BUSINESS,
        pairRate: { interval: 60_000, burst: 1, maxWait: 0 },
        store: createRedisRateLimitStore(client.client, { prefix: keys, whenUnavailable: 'fail' }),
      });
      const first = provider(limits(receiving));
      const second = provider(limits(sending));
      await first.provider.send({ type: 'text', to: PHONE, text: 'one' });
      const error = await second.provider.send({ type: 'text', to: PHONE, text: 'two' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({ delivery: 'not_sent' });
      expect((error as RateLimitError).retryAfter).toBeGreaterThan(0);
      await expect(second.provider.send({ type: 'text', to: '+905551112299', text: 'another customer' })).resolves.toBeDefined();
    });
  });

  it('while Redis is down, recording fails (the delivery is redelivered) and a send is not refused for an unknown window', async () => {
    const connection = await connectClient('ioredis', server);
    try {
      const store = createRedisCustomerWindowStore(connection.client, { prefix: prefix(), timeout: 300, retryInterval: 100 });
      store.on('error', () => undefined);
      const { provider: limited } = provider({ customerWindow: { store } }, [inbound(Date.now())]);
      await server.stop();
      await expect(limited.parseWebhook(webhook)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(limited.send({ type: 'text', to: PHONE, text: 'hi' })).resolves.toBeDefined();
      expect(store.available).toBe(false);
    } finally {
      await server.start();
      await connection.close();
    }
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError, UnsupportedFeatureError, ValidationError, type OutboundMessage } from '@wamux/core';
import { createRouter, type Router } from '@wamux/router';
import { memberFor, texts, twoEmulators } from './support';

const TO = '+905551112233';
const text = (body: string, to = TO): OutboundMessage => ({ type: 'text', to, text: body });

let emulators: Awaited<ReturnType<typeof twoEmulators>>;
let router: Router | undefined;
let server: Server | undefined;

beforeEach(async () => {
  emulators = await twoEmulators();
});

afterEach(async () => {
  await router?.close();
  if (server !== undefined) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  }
  await emulators.close();
  router = undefined;
  server = undefined;
});

const pair = (extra: Parameters<typeof createRouter>[0] extends infer O ? Partial<O> : never = {}) =>
  createRouter({
    providers: [
      { name: 'primary', provider: memberFor(emulators.primary) },
      { name: 'secondary', provider: memberFor(emulators.secondary) },
    ],
    ...extra,
  });

describe('circuit breaker', () => {
  it('opens after N consecutive not_sent failures, skips the provider, half-opens after the cool-down and closes on success', async () => {
    let now = 1_000_000;
    const events: string[] = [];
    router = pair({ breaker: { failureThreshold: 2, cooldown: 10_000 }, clock: () => now, sticky: false });
    router.on('provider_down', (e) => events.push(`down:${e.provider}:${e.retryAt.getTime() - now}`));
    router.on('provider_up', (e) => events.push(`up:${e.provider}`));

    // 403: the vendor refused our credentials; certainly not sent.
    emulators.primary.injectFault({ type: 'http_error', status: 403, times: 2 });
    expect((await router.send(text('one'))).provider).toBe('secondary');
    expect(router.health()[0]).toMatchObject({ state: 'up', failures: 1 });
    expect((await router.send(text('two'))).provider).toBe('secondary');
    expect(events).toEqual(['down:primary:10000']);
    expect(router.health()[0]).toMatchObject({ provider: 'primary', state: 'down', failures: 2, retryAt: new Date(now + 10_000) });

    // Open: the primary is not even asked.
    const asked = emulators.primary.requests().length;
    expect((await router.send(text('three'))).provider).toBe('secondary');
    expect(emulators.primary.requests().length).toBe(asked);

    // After the cool-down one trial send goes to the primary; it fails, and the circuit opens again.
    now += 10_000;
    expect(router.health()[0]?.state).toBe('probing');
    emulators.primary.injectFault({ type: 'http_error', status: 403, times: 1 });
    expect((await router.send(text('four'))).provider).toBe('secondary');
    expect(router.health()[0]?.state).toBe('down');
    expect(events).toEqual(['down:primary:10000', 'down:primary:10000']);

    // Next trial succeeds: the circuit closes.
    now += 10_000;
    expect((await router.send(text('five'))).provider).toBe('primary');
    expect(events.at(-1)).toBe('up:primary');
    expect(router.health()[0]).toMatchObject({ state: 'up', failures: 0 });
    expect(texts(emulators.primary)).toEqual(['five']);
    expect(texts(emulators.secondary)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('a rate-limit block opens the circuit at once, for the Retry-After the vendor gave', async () => {
    const now = 5_000;
    router = pair({ breaker: { failureThreshold: 5, cooldown: 1_000 }, clock: () => now });
    emulators.primary.injectFault({ type: 'http_error', status: 429, retryAfter: 30, times: 1 });
    expect((await router.send(text('limited'))).provider).toBe('secondary');
    expect(router.health()[0]).toMatchObject({ state: 'down', retryAt: new Date(now + 30_000) });
  });

  it('a refusal of the message itself (400) fails over but leaves the circuit closed', async () => {
    router = pair({ breaker: { failureThreshold: 1 } });
    emulators.primary.injectFault({ type: 'http_error', status: 400, times: 1 });
    expect((await router.send(text('rejected at primary'))).provider).toBe('secondary');
    expect(router.health()[0]).toMatchObject({ state: 'up', failures: 0 });
  });
});

describe('safe failover', () => {
  it('an unknown outcome goes back to the caller and is not sent elsewhere', async () => {
    router = pair();
    emulators.primary.injectFault({ type: 'http_error', status: 500, times: 1 });
    const error = await router.send(text('maybe sent')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'provider_error', delivery: 'unknown', provider: 'memory' });
    expect(emulators.secondary.requests()).toHaveLength(0);
  });

  it('a validation error is not failed over (the same message is invalid everywhere)', async () => {
    router = pair();
    const error = await router.send({ type: 'text', to: '12345', text: 'x' } as OutboundMessage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('message.to');
    expect(emulators.primary.requests()).toHaveLength(0);
    expect(emulators.secondary.requests()).toHaveLength(0);
  });

  it('when every provider says not_sent, the last error is thrown and nothing was delivered', async () => {
    router = pair();
    emulators.primary.injectFault({ type: 'http_error', status: 403, times: 1 });
    emulators.secondary.injectFault({ type: 'http_error', status: 403, times: 1 });
    const error = await router.send(text('nowhere')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'permission_denied', delivery: 'not_sent' });
    expect([...texts(emulators.primary), ...texts(emulators.secondary)]).toEqual([]);
  });
});

describe('capabilities', () => {
  const textOnly = { outbound: ['text'], interactive: [], mediaSources: [], inbound: ['text'], statuses: ['read'], features: [] } as const;

  it('declares what at least one provider supports and routes a message to one that can carry it', async () => {
    router = createRouter({
      providers: [
        { name: 'narrow', provider: memberFor(emulators.primary, { capabilities: textOnly }) },
        {
          name: 'full',
          provider: memberFor(emulators.secondary, { capabilities: { ...textOnly, outbound: ['text', 'location'], features: ['messages.markRead'] } }),
        },
      ],
    });
    expect(router.capabilities.outbound).toEqual(['text', 'location']);
    expect(router.capabilities.features).toEqual(['messages.markRead']);
    const location: OutboundMessage = { type: 'location', to: TO, latitude: 41, longitude: 29 };
    expect((await router.send(location)).provider).toBe('full');
    expect(emulators.primary.requests()).toHaveLength(0);
    expect((await router.send(text('hi'))).provider).toBe('full'); // the conversation is now with `full`
  });

  it('a message no provider can carry fails with UnsupportedFeatureError before any I/O', async () => {
    router = createRouter({
      providers: [
        { name: 'a', provider: memberFor(emulators.primary, { capabilities: textOnly }) },
        { name: 'b', provider: memberFor(emulators.secondary, { capabilities: textOnly }) },
      ],
    });
    const error = await router.send({ type: 'location', to: TO, latitude: 1, longitude: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect(error).toMatchObject({ delivery: 'not_sent', provider: 'router' });
    await expect(router.markRead('some-id')).rejects.toBeInstanceOf(UnsupportedFeatureError);
    expect([...emulators.primary.requests(), ...emulators.secondary.requests()]).toHaveLength(0);
  });
});

describe('templates', () => {
  const template: OutboundMessage = { type: 'template', to: TO, template: { name: 'order_update', language: 'en', body: ['Ada'] } };

  it('a template without a mapping is not failed over', async () => {
    router = pair();
    emulators.primary.injectFault({ type: 'http_error', status: 403, times: 1 });
    await expect(router.send(template)).rejects.toMatchObject({ delivery: 'not_sent' });
    expect(emulators.secondary.requests()).toHaveLength(0);
  });

  it('a mapped template fails over with the fields the next provider knows it by', async () => {
    router = pair({ templates: { order_update: { primary: {}, secondary: { name: 'order_update_v2', language: 'en_US' } } } });
    emulators.primary.injectFault({ type: 'http_error', status: 403, times: 1 });
    const result = await router.send(template);
    expect(result.provider).toBe('secondary');
    expect(emulators.secondary.delivered()[0]?.message).toMatchObject({
      type: 'template',
      template: { name: 'order_update_v2', language: 'en_US', body: ['Ada'] },
    });
  });

  it('a mapped template goes only to providers that know it', async () => {
    router = pair({ templates: { order_update: { secondary: { name: 'order_update' } } } });
    expect((await router.send(template)).provider).toBe('secondary');
    expect(emulators.primary.requests()).toHaveLength(0);
  });
});

describe('conversations stay with their provider', () => {
  it('follow-ups go to the provider that last sent to the customer, whatever the strategy', async () => {
    router = pair({ strategy: 'round-robin' });
    const first = await router.send(text('a', '+905550000001'));
    const second = await router.send(text('b', '+905550000002'));
    expect(first.provider).not.toBe(second.provider);
    expect((await router.send(text('c', '+905550000001'))).provider).toBe(first.provider);
    expect((await router.send(text('d', '+905550000002'))).provider).toBe(second.provider);
  });

  it('without stickiness, round-robin alternates', async () => {
    router = pair({ strategy: 'round-robin', sticky: false });
    const providers = [];
    for (const body of ['1', '2', '3', '4']) providers.push((await router.send(text(body))).provider);
    expect(providers).toEqual(['primary', 'secondary', 'primary', 'secondary']);
  });

  it('a customer who wrote to the secondary is answered there, and markRead goes to the provider that received the message', async () => {
    router = pair();
    const handler = router.webhookHandler('secondary');
    server = createServer((req, res) => void handler.node(req, res));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    const inbound = await emulators.secondary.simulateInbound({ from: '+905550000009', content: { type: 'text', text: 'hello' } }, { webhookUrl: url });
    expect(inbound.status).toBeLessThan(300);

    await router.markRead(inbound.id);
    expect(emulators.secondary.readMarks()).toEqual([inbound.id]);
    expect(emulators.primary.requests()).toHaveLength(0);
    expect((await router.send(text('reply', '+905550000009'))).provider).toBe('secondary');
    // A reaction to the inbound message goes where the message is.
    expect((await router.send({ type: 'reaction', to: '+905550000001', messageId: inbound.id, emoji: '👍' })).provider).toBe('secondary');
  });

  it('a customer known by phone number and BSUID is answered where they wrote, by either address', async () => {
    router = pair();
    const handler = router.webhookHandler('secondary');
    server = createServer((req, res) => void handler.node(req, res));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
    const bsuid = 'US.13491208655302741918';
    const inbound = await emulators.secondary.simulateInbound(
      { from: '+905550000010', customer: { bsuid }, content: { type: 'text', text: 'hi' } },
      { webhookUrl: url },
    );
    expect(inbound.status).toBeLessThan(300);
    expect((await router.send(text('by phone', '+905550000010'))).provider).toBe('secondary');
    expect((await router.send(text('by BSUID', bsuid))).provider).toBe('secondary');
    expect(emulators.primary.requests()).toHaveLength(0);
  });

  it('media uploaded through the router is sent by the provider that holds it', async () => {
    const noUpload = { ...memberFor(emulators.primary).capabilities, features: [] };
    router = createRouter({
      providers: [
        { name: 'primary', provider: memberFor(emulators.primary, { capabilities: noUpload }) },
        { name: 'secondary', provider: memberFor(emulators.secondary) },
      ],
    });
    const uploaded = await router.uploadMedia({ data: new Uint8Array([137, 80, 78, 71]), mimeType: 'image/png', filename: 'a.png' });
    expect((await router.send({ type: 'image', to: '+905550000003', media: { id: uploaded.id } })).provider).toBe('secondary');
  });

  it('a failing store never fails a send: the router goes on and emits error', async () => {
    const errors: string[] = [];
    router = pair({ store: { get: () => Promise.reject(new Error('store down')), set: () => Promise.reject(new Error('store down')) } });
    router.on('error', (error) => errors.push(error.code));
    expect((await router.send(text('still sent'))).provider).toBe('primary');
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set(['store_unavailable']));
  });
});

describe('strategies', () => {
  it('weighted picks by weight with the given random source', async () => {
    const draws = [0.1, 0.9, 0.5];
    router = createRouter({
      providers: [
        { name: 'primary', provider: memberFor(emulators.primary), weight: 1 },
        { name: 'secondary', provider: memberFor(emulators.secondary), weight: 3 },
      ],
      strategy: 'weighted',
      sticky: false,
      random: () => draws.shift() ?? 0,
    });
    const picked = [];
    for (const body of ['1', '2', '3']) picked.push((await router.send(text(body))).provider);
    expect(picked).toEqual(['primary', 'secondary', 'secondary']);
  });

  it('a custom chooser picks among the candidates; the others remain the failover order', async () => {
    const seen: string[][] = [];
    router = pair({
      sticky: false,
      strategy: (message, candidates) => {
        seen.push(candidates.map((c) => c.name));
        return message.type === 'text' && message.text.startsWith('vip') ? 'secondary' : candidates[0];
      },
    });
    expect((await router.send(text('vip hello'))).provider).toBe('secondary');
    expect((await router.send(text('plain'))).provider).toBe('primary');
    emulators.secondary.injectFault({ type: 'http_error', status: 403, times: 1 });
    expect((await router.send(text('vip again'))).provider).toBe('primary');
    expect(seen[0]).toEqual(['memory', 'memory']);
  });
});

describe('options', () => {
  it('refuses two providers with one name, naming the field', () => {
    const provider = memberFor(emulators.primary);
    const error = (() => {
      try {
        createRouter({ providers: [provider, memberFor(emulators.secondary)] });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('providers.1.name');
  });

  it('refuses an empty provider list, an unknown strategy and a template route to an unknown provider', () => {
    expect(() => createRouter({ providers: [] })).toThrow(expect.objectContaining({ field: 'providers' }));
    expect(() => createRouter({ providers: [memberFor(emulators.primary)], strategy: 'random' as never })).toThrow(
      expect.objectContaining({ field: 'strategy' }),
    );
    expect(() => createRouter({ providers: [memberFor(emulators.primary)], templates: { t: { nowhere: {} } } })).toThrow(
      expect.objectContaining({ field: 'templates.t.nowhere' }),
    );
  });
});

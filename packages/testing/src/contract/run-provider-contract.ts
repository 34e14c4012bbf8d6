import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  AuthenticationError,
  createWebhookHandler,
  INTERACTIVE_KINDS,
  isWamuxError,
  MESSAGE_CONTENT_TYPES,
  NetworkError,
  OUTBOUND_MESSAGE_TYPES,
  PROVIDER_FEATURES,
  ProviderServerError,
  TimeoutError,
  UnsupportedFeatureError,
  ValidationError,
  customerKey,
  type MediaSource,
  type OutboundMessage,
  type Provider,
  type ProviderFeature,
  type WebhookEvent,
  type WebhookHandler,
} from '@wamux/core';
import type { Emulator } from '../emulator/types';
import { CUSTOMER, inboundFixture, MEDIA, outboundFixture, RECIPIENT, TEMPLATE_SEED, USERNAME_CUSTOMER } from './fixtures';
import { webhookEventIssues } from './model-events';
import type { ContractProviderOptions, ContractSetup, ProviderContractOptions } from './types';

const FAST_RETRY = { limit: 2, baseDelay: 5, maxDelay: 20 } as const;

/**
 * Registers the provider contract as jest tests. Every adapter runs it
 * against its emulator; a test is registered for each capability the
 * provider declares, and for each one it does not (which must fail before
 * any network I/O).
 *
 * ```ts
 * runProviderContract({ name: 'desk360', setup: async () => ({ emulator, createProvider, secrets }) });
 * ```
 */
export function runProviderContract(options: ProviderContractOptions): void {
  describe(`${options.name} provider contract`, () => {
    let setup: ContractSetup;
    let emulator: Emulator;
    let provider: Provider;
    let receiver: Receiver;
    let media: MediaServer;

    const make = (overrides: ContractProviderOptions = {}) =>
      setup.createProvider({ credentials: 'valid', retry: FAST_RETRY, rateLimit: false, timeout: 5_000, ...overrides });

    beforeAll(async () => {
      setup = await options.setup();
      emulator = setup.emulator;
      provider = make();
      receiver = await startReceiver(provider);
      media = await startMediaServer();
    });

    afterAll(async () => {
      await provider?.close();
      await receiver?.close();
      await media?.close();
      await emulator?.close();
      await setup?.teardown?.();
    });

    beforeEach(() => {
      emulator.clearFaults();
      receiver.events.length = 0;
      receiver.errors.length = 0;
    });

    // Every event any test made the provider emit is a valid model event:
    // what an app receives is what the model's types promise.
    afterEach(() => {
      for (const event of receiver.events) {
        const issues = webhookEventIssues(event, options.name);
        if (issues.length > 0) throw new Error(`a ${describeEvent(event)} event is not a valid model event:\n  ${issues.join('\n  ')}`);
      }
    });

    // Tests are registered from the capabilities the adapter declares, so no
    // test passes by skipping its body; the provider must then report the same.
    const declared = options.capabilities;
    const caps = () => declared;
    const has = (feature: ProviderFeature) => declared.features.includes(feature);

    it('states its name, contract version and capabilities as data', () => {
      expect(provider.name).toBe(options.name);
      expect(provider.specificationVersion).toBe('v1');
      expect(provider.capabilities).toEqual(declared);
      expect(Array.isArray(caps().outbound)).toBe(true);
      for (const type of caps().outbound) expect(OUTBOUND_MESSAGE_TYPES).toContain(type);
      for (const feature of caps().features) expect(PROVIDER_FEATURES).toContain(feature);
    });

    describe('sending', () => {
      for (const type of OUTBOUND_MESSAGE_TYPES) {
        it(`${type}: delivered content equals what was sent, or unsupported fails before I/O`, async () => {
          if (type === 'template') emulator.seedTemplates([TEMPLATE_SEED]);
          if (!caps().outbound.includes(type)) {
            await expectNoIo(emulator, () => provider.send(outboundFixture(type, () => ({ url: media.url('image') }))), UnsupportedFeatureError);
            return;
          }
          if (type === 'interactive') {
            for (const kind of INTERACTIVE_KINDS) {
              const message = outboundFixture(type, () => ({ url: media.url('image') }), kind, caps().features);
              if (!caps().interactive.includes(kind)) await expectNoIo(emulator, () => provider.send(message), UnsupportedFeatureError);
              else await expectDelivered(provider, emulator, message);
            }
            return;
          }
          const source = await firstMediaSource(provider, emulator, media);
          await expectDelivered(provider, emulator, outboundFixture(type, source, 'buttons', caps().features));
        });
      }

      (declared.outbound.includes('image') ? it : it.skip)('accepts every declared form of media (url, id, data)', async () => {
        for (const kind of ['url', 'id', 'data'] as const) {
          const message = outboundFixture('image', () => mediaSource(kind, media), 'buttons', caps().features);
          if (!caps().mediaSources.includes(kind)) {
            await expectNoIo(emulator, () => provider.send(message), UnsupportedFeatureError);
            continue;
          }
          if (kind === 'id') {
            const id = caps().features.includes('media.upload')
              ? (await provider.uploadMedia({ ...MEDIA.image })).id
              : emulator.addMedia({ ...MEDIA.image });
            await expectDelivered(provider, emulator, { ...message, media: { id } } as OutboundMessage);
          } else {
            await expectDelivered(provider, emulator, message);
          }
        }
      });

      (declared.outbound.includes('image') && !has('media.captions') ? it : it.skip)('refuses a media caption it cannot carry, before I/O (never drops it)', async () => {
        const kind = declared.mediaSources[0] ?? 'url';
        const message = { ...outboundFixture('image', () => mediaSource(kind, media)), caption: 'A caption' } as OutboundMessage;
        await expectNoIo(emulator, () => provider.send(message), UnsupportedFeatureError);
      });

      (declared.outbound.includes('interactive') && declared.interactive.includes('buttons') && !has('interactive.footer') ? it : it.skip)(
        'refuses an interactive footer it cannot carry, before I/O (never drops it)',
        async () => {
          const message = outboundFixture('interactive', () => ({ url: media.url('image') }), 'buttons', ['interactive.footer']);
          await expectNoIo(emulator, () => provider.send(message), UnsupportedFeatureError);
        },
      );

      (declared.outbound.includes('text') && !has('messages.linkPreview') ? it : it.skip)('refuses a link preview it cannot ask for, before I/O (never drops it)', async () => {
        const message = { ...outboundFixture('text', () => ({ url: media.url('image') })), previewUrl: true } as OutboundMessage;
        await expectNoIo(emulator, () => provider.send(message), UnsupportedFeatureError);
        await expectDelivered(provider, emulator, { ...message, previewUrl: false } as OutboundMessage);
      });

      it('rejects an invalid recipient with a ValidationError naming message.to, before I/O', async () => {
        const error = await expectNoIo(emulator, () => provider.send({ type: 'text', to: '12345', text: 'x' } as OutboundMessage), ValidationError);
        expect((error as ValidationError).field).toBe('message.to');
      });

      (declared.outbound.includes('text') ? it : it.skip)('a BSUID recipient is sent where recipients.bsuid is declared, refused before I/O otherwise', async () => {
        const message: OutboundMessage = { type: 'text', to: USERNAME_CUSTOMER.bsuid, text: 'Hello from the wamux contract suite' };
        if (has('recipients.bsuid')) {
          await expectDelivered(provider, emulator, message);
          return;
        }
        await expectNoIo(emulator, () => provider.send(message), UnsupportedFeatureError);
        if (has('templates.bulkSend')) {
          const request = { template: { name: TEMPLATE_SEED.name, id: TEMPLATE_SEED.id, language: 'en' }, recipients: [{ to: RECIPIENT }, { to: USERNAME_CUSTOMER.bsuid }] };
          await expectNoIo(emulator, () => provider.sendTemplateBulk(request), UnsupportedFeatureError);
        }
      });

      it('returns the vendor id of the message and its raw response', async () => {
        const result = await provider.send(outboundFixture('text', () => ({ url: media.url('image') })));
        expect(typeof result.id).toBe('string');
        expect(result.id.length).toBeGreaterThan(0);
        expect(result.raw).toBeDefined();
        expect(emulator.delivered().at(-1)?.id).toBe(result.id);
      });
    });

    describe('webhooks', () => {
      for (const type of MESSAGE_CONTENT_TYPES) {
        if (type === 'unsupported' || !declared.inbound.includes(type)) continue;
        it(`inbound ${type}: the normalized event equals what was simulated`, async () => {
          const content = inboundFixture(type);
          const timestamp = new Date(Math.floor(Date.now() / 1000) * 1000);
          const result = await emulator.simulateInbound({ from: CUSTOMER, profileName: 'Ada', timestamp, content }, { webhookUrl: receiver.url });
          expect(result.status).toBeLessThan(300);
          const event = receiver.events.find((e): e is Extract<WebhookEvent, { type: 'message' }> => e.type === 'message');
          expect(event).toBeDefined();
          expect(event?.provider).toBe(options.name);
          expect(event?.raw).toBeDefined();
          expect(event?.message.id).toBe(result.id);
          expect(event?.message.from).toBe(CUSTOMER);
          expect(event?.message.customer).toMatchObject({ phone: CUSTOMER, name: 'Ada' });
          expect(event?.message.profileName).toBe('Ada');
          expect(event?.message.timestamp.getTime()).toBe(timestamp.getTime());
          expect(event?.message.content).toMatchObject(content);
        });
      }

      for (const status of declared.statuses) {
        it(`status ${status}: a status event for the id send() returned`, async () => {
          const sent = await provider.send(outboundFixture('text', () => ({ url: media.url('image') })));
          const errors = status === 'failed' ? [{ code: '131026', title: 'Message undeliverable' }] : undefined;
          const result = await emulator.simulateStatus({ messageId: sent.id, status, recipient: RECIPIENT, errors }, { webhookUrl: receiver.url });
          expect(result.status).toBeLessThan(300);
          const event = receiver.events.find((e): e is Extract<WebhookEvent, { type: 'status' }> => e.type === 'status');
          expect(event?.status).toMatchObject({ messageId: sent.id, status });
          if (errors) expect(event?.status.errors?.[0]?.code).toBe('131026');
        });
      }

      (has('webhooks.bsuid') ? it : it.skip)('a username user with no phone number: a message event whose from is the BSUID; a reply goes there where the provider can', async () => {
        const { bsuid, parentBsuid, username, name } = USERNAME_CUSTOMER;
        const result = await emulator.simulateInbound(
          { from: bsuid, customer: { parentBsuid, username }, profileName: name, content: { type: 'text', text: 'Does it come in another color?' } },
          { webhookUrl: receiver.url },
        );
        expect(result.status).toBeLessThan(300);
        expect(receiver.events.map((e) => e.type)).toEqual(['message']);
        const event = receiver.events[0] as Extract<WebhookEvent, { type: 'message' }>;
        expect(event.message.id).toBe(result.id);
        expect(event.message.from).toBe(bsuid);
        expect(event.message.customer).toEqual(USERNAME_CUSTOMER);
        expect(event.message.profileName).toBe(name);
        expect(customerKey(event.message.customer)).toBe(bsuid);

        const reply: OutboundMessage = { type: 'text', to: event.message.from, text: 'Yes: blue and green.' };
        if (has('recipients.bsuid')) await expectDelivered(provider, emulator, reply);
        else await expectNoIo(emulator, () => provider.send(reply), UnsupportedFeatureError);
      });

      (has('webhooks.bsuid') ? it : it.skip)('a customer with a phone number and a BSUID: from is the phone number, the key is the BSUID', async () => {
        const { bsuid, username } = USERNAME_CUSTOMER;
        await emulator.simulateInbound({ from: CUSTOMER, customer: { bsuid, username }, profileName: 'Ada', content: inboundFixture('text') }, { webhookUrl: receiver.url });
        const event = receiver.events.find((e): e is Extract<WebhookEvent, { type: 'message' }> => e.type === 'message');
        expect(event?.message.from).toBe(CUSTOMER);
        expect(event?.message.customer).toEqual({ phone: CUSTOMER, bsuid, username, name: 'Ada' });
        expect(event && customerKey(event.message.customer)).toBe(bsuid);
      });

      (has('webhooks.bsuid') && declared.statuses.includes('delivered') ? it : it.skip)('a status names the recipient by phone number and BSUID when the vendor does', async () => {
        const sent = await provider.send(outboundFixture('text', () => ({ url: media.url('image') })));
        const { bsuid, username } = USERNAME_CUSTOMER;
        await emulator.simulateStatus({ messageId: sent.id, status: 'delivered', recipient: RECIPIENT, customer: { bsuid, username } }, { webhookUrl: receiver.url });
        const event = receiver.events.find((e): e is Extract<WebhookEvent, { type: 'status' }> => e.type === 'status');
        expect(event?.status).toMatchObject({ messageId: sent.id, status: 'delivered', recipient: RECIPIENT, customer: { phone: RECIPIENT, bsuid, username } });
      });

      for (const fixture of options.webhookFixtures ?? []) {
        it(`vendor document body: ${fixture.name}`, async () => {
          if (!setup.deliver) throw new Error('webhookFixtures need ContractSetup.deliver to post a vendor body');
          const result = await setup.deliver(fixture.body, { webhookUrl: receiver.url });
          expect(result.status).toBeLessThan(300);
          expect(receiver.errors).toEqual([]);
          expect(receiver.events.map((e) => e.type)).toEqual(fixture.events.map((e) => e.type));
          fixture.events.forEach((expected, index) => expect(receiver.events[index]).toMatchObject(expected));
        });
      }

      (has('webhooks.verify') ? it : it.skip)('refuses an unauthenticated delivery with 401 and emits no event (when it verifies)', async () => {
        const result = await emulator.simulateInbound({ from: CUSTOMER, content: inboundFixture('text') }, { webhookUrl: receiver.url, unauthenticated: true });
        expect(result.status).toBe(401);
        expect(receiver.events).toHaveLength(0);
        expect(receiver.errors[0]?.code).toBe('webhook_verification_failed');
      });

      it('answers 400 and emits an error for a body that is not JSON, without crashing', async () => {
        const response = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
        expect([400, 401]).toContain(response.status);
        expect(receiver.events).toHaveLength(0);
        expect(receiver.errors).toHaveLength(1);
      });
    });

    describe('optional features', () => {
      it('refuses every undeclared feature with UnsupportedFeatureError before I/O', async () => {
        const calls: Record<string, () => unknown> = {
          'media.upload': () => provider.uploadMedia({ ...MEDIA.image }),
          'media.download': () => provider.downloadMedia('some-id'),
          'messages.markRead': () => provider.markRead('some-id'),
          'templates.list': () => provider.listTemplates(),
          'templates.bulkSend': () => provider.sendTemplateBulk({ template: { name: 'x', language: 'en' }, recipients: [{ to: RECIPIENT }] }),
          'messages.history': () => provider.listMessages({ contact: RECIPIENT }),
        };
        for (const [feature, call] of Object.entries(calls)) {
          if (has(feature as ProviderFeature)) continue;
          await expectNoIo(emulator, async () => call(), UnsupportedFeatureError);
        }
      });

      (has('templates.list') ? it : it.skip)('lists templates page by page to the end', async () => {
        const seeds = Array.from({ length: 45 }, (_, i) => ({ ...TEMPLATE_SEED, id: `tpl_${i}`, name: `template_${String(i).padStart(2, '0')}` }));
        emulator.seedTemplates(seeds);
        const names: string[] = [];
        for await (const template of provider.listTemplates()) names.push(template.name);
        expect(new Set(names)).toEqual(new Set(seeds.map((s) => s.name)));
        expect(names).toHaveLength(45);
      });

      (has('templates.list') ? it : it.skip)('retries an idempotent read after a 500', async () => {
        emulator.seedTemplates([TEMPLATE_SEED]);
        emulator.injectFault({ type: 'http_error', status: 500 });
        const names: string[] = [];
        for await (const template of provider.listTemplates()) names.push(template.name);
        expect(names).toEqual([TEMPLATE_SEED.name]);
      });

      (has('media.download') ? it : it.skip)('downloads media by id', async () => {
        const id = emulator.addMedia({ ...MEDIA.image });
        const downloaded = await provider.downloadMedia(id);
        expect(Buffer.from(downloaded.data).equals(Buffer.from(MEDIA.image.data))).toBe(true);
        expect(downloaded.mimeType).toMatch(/^image\/png/);
      });

      (has('media.upload') ? it : it.skip)('uploads media and returns an id the emulator holds', async () => {
        const uploaded = await provider.uploadMedia({ ...MEDIA.document });
        const stored = emulator.media(uploaded.id);
        expect(stored && Buffer.from(stored.data).equals(Buffer.from(MEDIA.document.data))).toBe(true);
      });

      (has('messages.markRead') ? it : it.skip)('marks a message read', async () => {
        // A real inbound message: some vendors mark a chat read up to that message's time.
        const inbound = await emulator.simulateInbound({ from: CUSTOMER, content: inboundFixture('text') }, { webhookUrl: receiver.url });
        const before = emulator.requests().length;
        await expect(provider.markRead(inbound.id)).resolves.toBeUndefined();
        expect(emulator.requests().length).toBeGreaterThan(before);
      });

      (has('templates.bulkSend') ? it : it.skip)('sends a template to many recipients in one call', async () => {
        emulator.seedTemplates([TEMPLATE_SEED]);
        const before = emulator.delivered().length;
        const recipients = [{ to: RECIPIENT, body: ['Ada', '#1'] }, { to: CUSTOMER, body: ['Grace', '#2'] }];
        await provider.sendTemplateBulk({ template: { name: TEMPLATE_SEED.name, id: TEMPLATE_SEED.id, language: 'en' }, recipients });
        const delivered = emulator.delivered().slice(before);
        expect(delivered.map((d) => d.message.to).sort()).toEqual([CUSTOMER, RECIPIENT].sort());
        for (const d of delivered) expect(d.message.type).toBe('template');
      });

      (has('messages.history') ? it : it.skip)('walks conversation history with the messages sent and received', async () => {
        const sent = await provider.send({ type: 'text', to: CUSTOMER, text: 'history check' });
        const inbound = await emulator.simulateInbound({ from: CUSTOMER, content: { type: 'text', text: 'history reply' } }, { webhookUrl: receiver.url });
        const ids: string[] = [];
        for await (const message of provider.listMessages({ contact: CUSTOMER })) ids.push(message.id);
        expect(ids).toEqual(expect.arrayContaining([sent.id, inbound.id]));
      });
    });

    describe('failures', () => {
      it('maps rejected credentials to AuthenticationError without leaking a secret', async () => {
        const bad = make({ credentials: 'invalid', retry: false });
        const error = await bad.send(outboundFixture('text', () => ({ url: media.url('image') }))).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AuthenticationError);
        expectNoSecret(error, setup.secrets);
        await bad.close();
      });

      it('honours 429 Retry-After and delivers the message exactly once', async () => {
        const before = emulator.delivered().length;
        emulator.injectFault({ type: 'http_error', status: 429, retryAfter: 1 });
        const started = Date.now();
        const result = await provider.send(outboundFixture('text', () => ({ url: media.url('image') })));
        expect(Date.now() - started).toBeGreaterThanOrEqual(900);
        expect(emulator.delivered().length - before).toBe(1);
        expect(emulator.delivered().at(-1)?.id).toBe(result.id);
      });

      it('retries a send after 503 with Retry-After', async () => {
        const before = emulator.delivered().length;
        emulator.injectFault({ type: 'http_error', status: 503, retryAfter: 0 });
        await provider.send(outboundFixture('text', () => ({ url: media.url('image') })));
        expect(emulator.delivered().length - before).toBe(1);
      });

      it('does not retry a send after a 500 (it may have been accepted)', async () => {
        const before = emulator.delivered().length;
        const requestsBefore = emulator.requests().length;
        emulator.injectFault({ type: 'http_error', status: 500 });
        const error = await provider.send(outboundFixture('text', () => ({ url: media.url('image') }))).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ProviderServerError);
        expectNoSecret(error, setup.secrets);
        expect(emulator.requests().length - requestsBefore).toBe(1);
        expect(emulator.delivered().length).toBe(before);
      });

      it('times out a slow response with TimeoutError', async () => {
        const slow = make({ timeout: 200, retry: false });
        emulator.injectFault({ type: 'delay', ms: 1_000 });
        const started = Date.now();
        const error = await slow.send(outboundFixture('text', () => ({ url: media.url('image') }))).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TimeoutError);
        expect(Date.now() - started).toBeLessThan(900);
        expectNoSecret(error, setup.secrets);
        await slow.close();
      });

      it('reports a dropped connection as NetworkError and does not resend', async () => {
        const requestsBefore = emulator.requests().length;
        emulator.injectFault({ type: 'drop_connection' });
        const error = await provider.send(outboundFixture('text', () => ({ url: media.url('image') }))).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(NetworkError);
        expect(emulator.requests().length - requestsBefore).toBe(1);
        expectNoSecret(error, setup.secrets);
      });
    });
  });
}

/** `message`, `status` or the provider event's kind, for a failure message. */
function describeEvent(event: WebhookEvent): string {
  return event.type === 'provider_event' ? `provider_event "${event.kind}"` : `"${event.type}"`;
}

/** Runs `call`, expects it to reject with `errorClass`, and the emulator to have seen no request. */
async function expectNoIo(emulator: Emulator, call: () => unknown, errorClass: abstract new (...args: never[]) => Error): Promise<unknown> {
  const before = emulator.requests().length;
  let error: unknown;
  try {
    const result = call();
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') await result;
    else if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
      for await (const _ of result as AsyncIterable<unknown>) break;
    }
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(errorClass);
  expect(emulator.requests().length).toBe(before);
  return error;
}

/** Sends `message` and checks what the emulator decoded from the wire. */
async function expectDelivered(provider: Provider, emulator: Emulator, message: OutboundMessage): Promise<void> {
  const before = emulator.delivered().length;
  const result = await provider.send(message);
  const delivered = emulator.delivered();
  expect(delivered.length - before).toBe(1);
  const last = delivered.at(-1);
  expect(last?.id).toBe(result.id);
  const got = last?.message as OutboundMessage;
  expect(got.type).toBe(message.type);
  expect(got.to).toBe(message.to);
  if ('media' in message && 'media' in got) {
    expect(Buffer.from(await resolveMedia(got.media, emulator)).equals(Buffer.from(await resolveMedia(message.media, emulator)))).toBe(true);
  }
  // Whatever the emulator decoded must equal what was sent (a vendor may
  // carry less, never something different); the key fields must be there.
  const { media: _sentMedia, ...sentRest } = message as OutboundMessage & { media?: unknown };
  const { media: _gotMedia, ...gotRest } = got as OutboundMessage & { media?: unknown };
  expect(sentRest).toMatchObject(gotRest);
  expect(gotRest).toMatchObject(keyFields(message));
}

/** The fields a vendor must carry for each type. */
function keyFields(message: OutboundMessage): Record<string, unknown> {
  switch (message.type) {
    case 'text':
      return { text: message.text };
    case 'location':
      return { latitude: message.latitude, longitude: message.longitude };
    case 'contacts':
      return { contacts: [{ name: { formatted: message.contacts[0]?.name.formatted } }] };
    case 'interactive':
      return { interactive: { kind: message.interactive.kind, body: message.interactive.body } };
    case 'template':
      return { template: { language: message.template.language, body: message.template.body } };
    case 'reaction':
      return { messageId: message.messageId, emoji: message.emoji };
    default:
      return {};
  }
}

async function resolveMedia(source: MediaSource, emulator: Emulator): Promise<Uint8Array> {
  if ('data' in source) return source.data;
  if ('id' in source) return emulator.media(source.id)?.data ?? new Uint8Array();
  const response = await fetch(source.url);
  return new Uint8Array(await response.arrayBuffer());
}

async function firstMediaSource(provider: Provider, emulator: Emulator, media: MediaServer) {
  const kind = (['url', 'data', 'id'] as const).find((k) => provider.capabilities.mediaSources.includes(k)) ?? 'url';
  const ids = new Map<string, string>();
  for (const type of Object.keys(MEDIA) as (keyof typeof MEDIA)[]) if (kind === 'id') ids.set(type, emulator.addMedia({ ...MEDIA[type] }));
  return (type: keyof typeof MEDIA): MediaSource => (kind === 'id' ? { id: ids.get(type) as string } : mediaSource(kind, media, type));
}

function mediaSource(kind: 'url' | 'id' | 'data', media: MediaServer, type: keyof typeof MEDIA = 'image'): MediaSource {
  if (kind === 'url') return { url: media.url(type) };
  if (kind === 'data') return { ...MEDIA[type] };
  return { id: 'replaced-by-caller' };
}

/** Asserts that no secret appears in an error's message, stack, JSON or inspection. */
export function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  expect(isWamuxError(error)).toBe(true);
  const views = [String((error as Error).message), String((error as Error).stack), JSON.stringify(error), inspect(error, { depth: 20, showHidden: true })];
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const view of views) expect(view).not.toContain(secret);
  }
}

interface Receiver {
  url: string;
  events: WebhookEvent[];
  errors: Array<{ code: string }>;
  handler: WebhookHandler;
  close(): Promise<void>;
}

async function startReceiver(provider: Provider): Promise<Receiver> {
  const handler = createWebhookHandler(provider, { dedupe: false });
  const events: WebhookEvent[] = [];
  const errors: Array<{ code: string }> = [];
  handler.on('message', (e) => events.push(e));
  handler.on('status', (e) => events.push(e));
  handler.on('provider_event', (e) => events.push(e));
  handler.on('error', (e) => errors.push(e));
  const server = createServer((req, res) => void handler.node(req, res));
  const url = await listen(server, '/webhooks');
  return { url, events, errors, handler, close: () => closeServer(server) };
}

interface MediaServer {
  url(type: keyof typeof MEDIA): string;
  close(): Promise<void>;
}

/** Serves the fixture media over HTTP, for `{ url }` media. */
async function startMediaServer(): Promise<MediaServer> {
  const server: Server = createServer((req, res) => {
    const type = (req.url ?? '').split('/').pop()?.split('.')[0] as keyof typeof MEDIA;
    const file = MEDIA[type];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': String(file.data.byteLength) }).end(file.data);
  });
  const base = await listen(server, '/media');
  return { url: (type) => `${base}/${type}.${MEDIA[type].filename.split('.').pop()}`, close: () => closeServer(server) };
}

async function listen(server: Server, path: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

// The in-process mode: createMemoryProvider() with no options, as an app's
// unit tests use it. No server, no credentials; the emulator answers
// through the provider's fetch, so every failure below is built by the
// same HTTP path as in production.
import {
  AuthenticationError,
  ConfigurationError,
  createWebhookHandler,
  NetworkError,
  ProviderServerError,
  RateLimitError,
  RequestRejectedError,
  TimeoutError,
  ValidationError,
  type WebhookEvent,
} from '@wamux/core';
import { createMemoryProvider, type InProcessMemoryProvider, type MemoryFailureCode } from '@wamux/memory';

const TO = '+905551112233';
const text = (body: string) => ({ type: 'text' as const, to: TO, text: body });

describe('createMemoryProvider() in process', () => {
  let memory: InProcessMemoryProvider;
  beforeEach(() => {
    memory = createMemoryProvider();
  });
  afterEach(() => memory.close());

  it('records what was sent in the outbox, with the id send() returned', async () => {
    const first = await memory.send(text('Receipt 1001'));
    const second = await memory.send(text('Receipt 1002'));
    expect(memory.sent).toEqual([
      expect.objectContaining({ id: first.id, message: expect.objectContaining({ type: 'text', to: TO, text: 'Receipt 1001' }) }),
      expect.objectContaining({ id: second.id, message: expect.objectContaining({ text: 'Receipt 1002' }) }),
    ]);
    expect(second.id).not.toBe(first.id);
  });

  it('hands out ids no other instance hands out', async () => {
    const other = createMemoryProvider();
    const ids = [(await memory.send(text('a'))).id, (await other.send(text('a'))).id];
    expect(new Set(ids).size).toBe(2);
    await other.close();
  });

  it('starts with the sample templates', async () => {
    const names: string[] = [];
    for await (const template of memory.listTemplates()) names.push(template.name);
    expect(names).toEqual(['order_update']);
  });

  it.each<[MemoryFailureCode, new (...args: never[]) => Error, 'not_sent' | 'unknown']>([
    ['rate_limited', RateLimitError, 'not_sent'],
    ['authentication_failed', AuthenticationError, 'not_sent'],
    ['request_rejected', RequestRejectedError, 'not_sent'],
    ['provider_error', ProviderServerError, 'unknown'],
    ['network_error', NetworkError, 'unknown'],
  ])('failNext(%s) fails the next send only, as the HTTP path reports it', async (code, type, delivery) => {
    memory.failNext(code);
    const error = await memory.send(text('fails')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, delivery, provider: 'memory' });
    await memory.send(text('goes through'));
    // The emulator refused (or dropped) it before accepting it: only the second is in the outbox.
    expect(memory.sent.map((sent) => sent.message.type === 'text' && sent.message.text)).toEqual(['goes through']);
  });

  it('failNext takes a wamux error: its status, message, vendor code and Retry-After reach the app', async () => {
    memory.failNext(new RateLimitError('daily quota spent', { vendorCode: 'quota_exceeded', retryAfter: 3000 }));
    await expect(memory.send(text('x'))).rejects.toMatchObject({ code: 'rate_limited', vendorCode: 'quota_exceeded', retryAfter: 3000, delivery: 'not_sent' });
    expect((await memory.send(text('y'))).id).toMatch(/^mem_msg_/);
  });

  it('failNext("timeout") stalls until the provider gives up', async () => {
    const quick = createMemoryProvider({ timeout: 50 });
    quick.failNext('timeout');
    await expect(quick.send(text('slow'))).rejects.toBeInstanceOf(TimeoutError);
    await quick.close();
  });

  it('failNext only fails a send, not a mark-read', async () => {
    memory.failNext('provider_error');
    await memory.markRead('mem_in_1');
    await expect(memory.send(text('x'))).rejects.toBeInstanceOf(ProviderServerError);
  });

  it('refuses a failure a vendor cannot produce, naming it', () => {
    expect(() => memory.failNext('validation_failed' as MemoryFailureCode)).toThrow(ValidationError);
    expect(() => memory.failNext('validation_failed' as MemoryFailureCode)).toThrow(/failure/);
  });

  it('produces signed inbound deliveries for the app webhook handler, and statuses', async () => {
    const webhooks = createWebhookHandler(memory);
    const events: WebhookEvent[] = [];
    webhooks.on('message', (event) => void events.push(event));
    webhooks.on('status', (event) => void events.push(event));

    const outcome = await webhooks.handle(await memory.inbound({ from: '+905551119988', text: 'Hello' }));
    expect(outcome.status).toBe(200);
    const sent = await memory.send(text('Hi back'));
    const response = await webhooks.fetch(new Request(...toFetch(await memory.status({ messageId: sent.id, status: 'delivered' }))));
    expect(response.status).toBe(200);

    expect(events).toEqual([
      expect.objectContaining({ type: 'message', message: expect.objectContaining({ from: '+905551119988', content: { type: 'text', text: 'Hello' } }) }),
      expect.objectContaining({ type: 'status', status: expect.objectContaining({ messageId: sent.id, status: 'delivered' }) }),
    ]);
  });

  it('an unsigned delivery is refused like a forged one', async () => {
    const outcome = await createWebhookHandler(memory).handle(await memory.inbound({ from: '+905551119988', text: 'Hi' }, { unauthenticated: true }));
    expect(outcome.status).toBe(401);
  });

  it('reset() empties the outbox and drops pending failures', async () => {
    await memory.send(text('a'));
    memory.failNext('provider_error');
    memory.reset();
    expect(memory.sent).toEqual([]);
    await expect(memory.send(text('b'))).resolves.toMatchObject({ id: expect.stringMatching(/^mem_msg_/) });
  });
});

describe('createMemoryProvider options', () => {
  it('refuses an unknown option, naming it', () => {
    expect(() => createMemoryProvider({ baseURL: 'https://x.test' } as never)).toThrow(ConfigurationError);
    expect(() => createMemoryProvider({ baseURL: 'https://x.test' } as never)).toThrow(/baseURL/);
  });

  it('over HTTP needs an apiKey beside baseUrl', () => {
    expect(() => createMemoryProvider({ baseUrl: 'https://memory.test/v1' })).toThrow(/apiKey/);
  });

  it('narrows its capabilities in process too', async () => {
    const textOnly = createMemoryProvider({
      capabilities: { outbound: ['text'], interactive: [], mediaSources: [], inbound: ['text'], statuses: ['read'], features: [] },
    });
    await expect(textOnly.send({ type: 'image', to: TO, media: { url: 'https://example.com/a.png' } })).rejects.toMatchObject({ code: 'unsupported_feature' });
    expect(textOnly.sent).toEqual([]);
  });
});

/** A `WebhookRequest` as `new Request()` arguments (what a web framework hands `webhooks.fetch`). */
function toFetch(request: { url: string; method: string; headers: Readonly<Record<string, string>>; body: string }): [string, RequestInit] {
  return [request.url, { method: request.method, headers: request.headers, body: request.body }];
}

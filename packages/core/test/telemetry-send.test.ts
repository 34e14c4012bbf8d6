import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { createMemoryProvider, type MemoryProvider } from '@wamux/memory';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { recordingLogger, registerTestSdk, sum, type TestSdk } from './telemetry-support';

const TO = '+905551112233';

let sdk: TestSdk;
let emulator: MemoryEmulator;

beforeAll(async () => {
  sdk = registerTestSdk();
  emulator = await createMemoryEmulator();
});
afterAll(async () => {
  await emulator.close();
  await sdk.shutdown();
});
beforeEach(() => {
  emulator.reset();
  sdk.reset();
});

function provider(options: { logger?: ReturnType<typeof recordingLogger>; personalData?: boolean } = {}): MemoryProvider {
  return createMemoryProvider({
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
    allowInsecureHttp: true,
    retry: { baseDelay: 1, maxDelay: 5 },
    rateLimit: false,
    logger: options.logger,
    telemetry: options.personalData === undefined ? undefined : { personalData: options.personalData },
  });
}

const sendSpans = (): ReadableSpan[] => sdk.spans().filter((span) => span.name === 'send memory');
const childrenOf = (parent: ReadableSpan): ReadableSpan[] => sdk.spans().filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

describe('a send that is retried', () => {
  it('has one send span with one HTTP child span per attempt, and counts the 429 and the retry', async () => {
    const before = await sdk.points();
    const logger = recordingLogger();
    emulator.injectFault({ type: 'http_error', status: 429, retryAfter: 0, times: 1, path: '/messages' });

    const result = await provider({ logger }).send({ type: 'text', to: TO, text: 'hello there' });

    const [send] = sendSpans();
    expect(sendSpans()).toHaveLength(1);
    expect(send?.kind).toBe(SpanKind.PRODUCER);
    expect(send?.attributes).toMatchObject({
      'messaging.system': 'whatsapp',
      'messaging.operation.type': 'send',
      'wamux.provider': 'memory',
      'wamux.message.type': 'text',
      'wamux.send.outcome': 'sent',
      'messaging.message.id': result.id,
      'wamux.send.retries': 1,
    });
    expect(typeof send?.attributes['wamux.rate_limit.wait_ms']).toBe('number');

    const attempts = childrenOf(send as ReadableSpan);
    expect(attempts.map((span) => span.attributes['http.response.status_code'])).toEqual([429, 201]);
    for (const attempt of attempts) {
      expect(attempt.kind).toBe(SpanKind.CLIENT);
      expect(attempt.name).toBe('POST /v1/messages');
      expect(attempt.spanContext().traceId).toBe(send?.spanContext().traceId);
      expect(attempt.attributes).toMatchObject({ 'http.request.method': 'POST', 'url.template': '/v1/messages', 'server.address': '127.0.0.1' });
    }
    expect(attempts[0]?.attributes['error.type']).toBe('429');
    expect(attempts[1]?.attributes['error.type']).toBeUndefined();
    expect(attempts[0]?.attributes['http.request.resend_count']).toBeUndefined();
    expect(attempts[1]?.attributes['http.request.resend_count']).toBe(1);

    const after = await sdk.points();
    const delta = (name: string, match: Record<string, unknown>) => sum(after, name, match) - sum(before, name, match);
    expect(delta('messaging.client.sent.messages', { 'wamux.provider': 'memory', 'wamux.send.outcome': 'sent', 'wamux.message.type': 'text' })).toBe(1);
    expect(delta('wamux.http.rate_limited', { 'wamux.provider': 'memory' })).toBe(1);
    expect(delta('wamux.http.retries', { 'wamux.provider': 'memory', 'wamux.retry.reason': 'rate_limited' })).toBe(1);
    expect(delta('http.client.request.duration', { 'url.template': '/v1/messages', 'http.response.status_code': 429 })).toBe(1);
    expect(delta('http.client.request.duration', { 'url.template': '/v1/messages', 'http.response.status_code': 201 })).toBe(1);
    expect(delta('messaging.client.operation.duration', { 'wamux.send.outcome': 'sent' })).toBe(1);

    expect(logger.lines.filter((line) => line.level === 'warn').map((line) => line.fields?.reason)).toContain('rate_limited');
  });
});

describe('a send that fails with an unknown outcome', () => {
  it('marks the send span and the count `unknown`, with the error type, and does not retry the POST', async () => {
    const before = await sdk.points();
    emulator.injectFault({ type: 'http_error', status: 500, times: 1, path: '/messages' });

    const error = await provider()
      .send({ type: 'text', to: TO, text: 'hello' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ delivery: 'unknown' });

    const [send] = sendSpans();
    expect(send?.attributes).toMatchObject({ 'wamux.send.outcome': 'unknown', 'wamux.send.retries': 0, 'error.type': 'provider_error' });
    expect(send?.attributes['messaging.message.id']).toBeUndefined();
    expect(send?.status.code).toBe(SpanStatusCode.ERROR);
    const attempts = childrenOf(send as ReadableSpan);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.attributes).toMatchObject({ 'http.response.status_code': 500, 'error.type': '500' });

    const after = await sdk.points();
    const match = { 'wamux.provider': 'memory', 'wamux.send.outcome': 'unknown' };
    expect(sum(after, 'messaging.client.sent.messages', match) - sum(before, 'messaging.client.sent.messages', match)).toBe(1);
  });

  it('counts a refusal before any I/O as `not_sent`, with no HTTP span', async () => {
    const before = await sdk.points();
    await expect(provider().send({ type: 'text', to: TO, text: '' })).rejects.toMatchObject({ delivery: 'not_sent' });
    const [send] = sendSpans();
    expect(send?.attributes['wamux.send.outcome']).toBe('not_sent');
    expect(childrenOf(send as ReadableSpan)).toHaveLength(0);
    const after = await sdk.points();
    const match = { 'wamux.send.outcome': 'not_sent' };
    expect(sum(after, 'messaging.client.sent.messages', match) - sum(before, 'messaging.client.sent.messages', match)).toBe(1);
  });
});

describe('personal data', () => {
  it('leaves the recipient and the text out of every span by default', async () => {
    await provider().send({ type: 'text', to: TO, text: 'a very private text' });
    const emitted = JSON.stringify(sdk.spans().map((span) => [span.name, span.attributes]));
    expect(emitted).not.toContain('5551112233');
    expect(emitted).not.toContain('private');
  });

  it('records the recipient masked when the provider opts in', async () => {
    await provider({ personalData: true }).send({ type: 'text', to: TO, text: 'a very private text' });
    const [send] = sendSpans();
    expect(send?.attributes['messaging.destination.name']).toBe('+*********233');
    expect(JSON.stringify(sdk.spans().map((span) => span.attributes))).not.toContain('private');
  });
});

describe('an attempt a hook ends early', () => {
  it('still ends its HTTP span when an adapter hook throws', async () => {
    const { createHttpClient } = await import('@wamux/core/adapter');
    const http = createHttpClient({
      provider: 'hooked',
      baseUrl: emulator.url,
      retry: false,
      mapError: () => {
        throw new Error('a broken mapError');
      },
    });
    await expect(http.request({ method: 'GET', path: '/nowhere/123' })).rejects.toThrow('a broken mapError');
    const [attempt] = sdk.spans().filter((span) => span.attributes['wamux.provider'] === 'hooked');
    expect(attempt?.attributes).toMatchObject({ 'url.template': '/v1/nowhere/{id}', 'error.type': '_OTHER' });
  });
});

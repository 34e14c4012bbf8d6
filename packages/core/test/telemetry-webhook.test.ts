import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { recordingLogger, registerTestSdk, sum, type TestSdk } from './telemetry-support';
import { delivery, webhookSetup } from './webhook-support';

let sdk: TestSdk;
beforeAll(() => {
  sdk = registerTestSdk();
});
afterAll(async () => {
  await sdk.shutdown();
});
beforeEach(() => sdk.reset());

const deliverySpans = (): ReadableSpan[] => sdk.spans().filter((span) => span.name === 'webhook fake');
const childrenOf = (parent: ReadableSpan): ReadableSpan[] => sdk.spans().filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

describe('a webhook delivery with a failing listener', () => {
  it('answers 500 under a delivery span whose listener child failed, counts it, and logs it', async () => {
    const before = await sdk.points();
    const logger = recordingLogger();
    const { handler } = webhookSetup({ logger });
    let innerParent: string | undefined;
    handler.on('message', async () => {
      // The app's own spans nest under the listener span.
      innerParent = trace.getSpan(context.active())?.spanContext().spanId;
      throw new TypeError('the database is down for +905551112233');
    });
    handler.on('status', () => undefined);

    const outcome = await handler.handle(delivery({ kind: 'message', id: 'm1' }, { kind: 'status', id: 'm0', status: 'delivered' }));
    expect(outcome.status).toBe(500);

    const [span] = deliverySpans();
    expect(deliverySpans()).toHaveLength(1);
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.attributes).toMatchObject({
      'wamux.provider': 'fake',
      'http.response.status_code': 500,
      'wamux.webhook.answer': 'failed',
      'messaging.batch.message_count': 2,
      'wamux.webhook.events.message': 1,
      'wamux.webhook.events.status': 1,
      'wamux.webhook.failed': 1,
      'wamux.webhook.duplicates': 0,
      'error.type': 'webhook_listener_failed',
    });
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);

    const listeners = childrenOf(span as ReadableSpan);
    const failed = listeners.find((child) => child.name === 'listeners message');
    expect(failed?.attributes).toMatchObject({
      'wamux.event.type': 'message',
      'wamux.listeners.outcome': 'failed',
      'wamux.listeners.failures': 1,
      'error.type': 'TypeError',
    });
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
    expect(listeners.find((child) => child.name === 'listeners status')?.attributes['wamux.listeners.outcome']).toBe('ok');
    expect(innerParent).toBe(failed?.spanContext().spanId);

    const after = await sdk.points();
    const delta = (name: string, match: Record<string, unknown>) => sum(after, name, match) - sum(before, name, match);
    expect(delta('wamux.webhook.deliveries', { 'wamux.provider': 'fake', 'wamux.webhook.answer': 'failed', 'http.response.status_code': 500 })).toBe(1);
    expect(delta('wamux.webhook.listener.failures', { 'wamux.provider': 'fake', 'wamux.event.type': 'message', 'wamux.failure.reason': 'error' })).toBe(1);

    const errors = logger.lines.filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.fields).toMatchObject({ provider: 'fake', eventType: 'message', error: 'TypeError' });
    // The listener's message (which may hold personal data) is not logged.
    expect(JSON.stringify(logger.lines)).not.toContain('5551112233');
    expect(JSON.stringify(sdk.spans().map((s) => s.attributes))).not.toContain('5551112233');
  });
});

describe('a duplicate delivery', () => {
  it('is answered 200 with its events counted as duplicates (dedupe hits), not run again', async () => {
    const before = await sdk.points();
    const { handler } = webhookSetup();
    const seen: string[] = [];
    handler.on('message', (event) => void seen.push(event.message.id));

    const request = delivery({ kind: 'message', id: 'dup-1' }, { kind: 'message', id: 'dup-2' });
    expect((await handler.handle(request)).status).toBe(200);
    expect((await handler.handle(request)).status).toBe(200);
    expect(seen).toEqual(['dup-1', 'dup-2']);

    const [first, second] = deliverySpans();
    expect(first?.attributes).toMatchObject({ 'wamux.webhook.answer': 'accepted', 'wamux.webhook.duplicates': 0, 'wamux.webhook.events.message': 2 });
    expect(second?.attributes).toMatchObject({ 'wamux.webhook.answer': 'accepted', 'wamux.webhook.duplicates': 2, 'messaging.batch.message_count': 0 });
    expect(childrenOf(second as ReadableSpan)).toHaveLength(0);

    const after = await sdk.points();
    const delta = (name: string, match: Record<string, unknown>) => sum(after, name, match) - sum(before, name, match);
    expect(delta('wamux.webhook.duplicates', { 'wamux.provider': 'fake' })).toBe(2);
    expect(delta('wamux.webhook.deliveries', { 'wamux.provider': 'fake', 'wamux.webhook.answer': 'accepted' })).toBe(2);
  });

  it('counts a status the message is already past as a status-order drop, not a dedupe hit', async () => {
    const before = await sdk.points();
    const { handler } = webhookSetup();
    handler.on('status', () => undefined);
    await handler.handle(delivery({ kind: 'status', id: 'so-1', status: 'read' }));
    await handler.handle(delivery({ kind: 'status', id: 'so-1', status: 'delivered' }));
    expect(deliverySpans()[1]?.attributes).toMatchObject({ 'wamux.webhook.status_order.drops': 1, 'wamux.webhook.duplicates': 1 });
    const after = await sdk.points();
    expect(sum(after, 'wamux.webhook.status_order.drops') - sum(before, 'wamux.webhook.status_order.drops')).toBe(1);
    expect(sum(after, 'wamux.webhook.duplicates') - sum(before, 'wamux.webhook.duplicates')).toBe(0);
  });
});

describe('a refused delivery', () => {
  it('is counted by its answer and logged with its error code', async () => {
    const before = await sdk.points();
    const logger = recordingLogger();
    const { handler } = webhookSetup({ logger });
    const outcome = await handler.handle({ method: 'POST', url: 'https://app.test/hook', headers: {}, body: '{"nope":1}' });
    expect(outcome.status).toBe(422);
    expect(deliverySpans()[0]?.attributes).toMatchObject({ 'wamux.webhook.answer': 'rejected', 'http.response.status_code': 422 });
    const after = await sdk.points();
    expect(
      sum(after, 'wamux.webhook.deliveries', { 'wamux.webhook.answer': 'rejected' }) -
        sum(before, 'wamux.webhook.deliveries', { 'wamux.webhook.answer': 'rejected' }),
    ).toBe(1);
    expect(logger.lines.filter((line) => line.level !== 'debug')).toEqual([
      expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ code: 'webhook_payload_invalid' }) }),
    ]);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'debug', fields: { status: 422 } });
  });
});

describe('the delivery event', () => {
  it('carries each outcome, and a listener of it that throws does not change the answer', async () => {
    const { handler } = webhookSetup();
    handler.on('message', () => undefined);
    const outcomes: Array<[number, number, number]> = [];
    handler.on('delivery', (outcome) => {
      outcomes.push([outcome.status, outcome.events.length, outcome.duplicates]);
      throw new Error('a broken dashboard');
    });
    const request = delivery({ kind: 'message', id: 'ev-1' });
    expect((await handler.handle(request)).status).toBe(200);
    expect((await handler.handle(request)).status).toBe(200);
    expect((await handler.handle({ method: 'POST', url: 'https://app.test/hook', headers: {}, body: '{}' })).status).toBe(422);
    expect(outcomes).toEqual([
      [200, 1, 0],
      [200, 0, 1],
      [422, 0, 0],
    ]);
  });
});

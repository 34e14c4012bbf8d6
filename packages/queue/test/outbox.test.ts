import { randomUUID } from 'node:crypto';
import {
  ProviderServerError,
  RateLimitError,
  RequestRejectedError,
  UnsupportedFeatureError,
  ValidationError,
  NetworkError,
  type OutboundMessage,
} from '@wamux/core';
import { createOutbox, settleFromWebhooks, startOutboxWorker, type Outbox, type OutboxWorker } from '@wamux/queue';
import { EventEmitter } from 'node:events';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../test-support/redis-server';
import { eventually, scriptedProvider, type Script } from './support';

const text = (to: string, body = 'hello'): OutboundMessage => ({ type: 'text', to, text: body });

describeWithRedis('the outbox against a real redis-server', () => {
  let server: RedisServer;
  const open: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((item) => item.close()));
  });
  afterAll(async () => {
    await server?.close();
  });

  /** An outbox and one worker on a queue of their own, sending through `script`. */
  const setup = (script: Script, worker: { attempts?: number; backoff?: number; start?: boolean } = {}) => {
    const provider = scriptedProvider(script);
    const name = `outbox-${randomUUID()}`;
    const outbox: Outbox = createOutbox({ connection: server.url, name, provider, attempts: worker.attempts ?? 3 });
    open.push(outbox);
    const start = (): OutboxWorker => {
      const started = startOutboxWorker({ connection: server.url, name, provider, backoff: { delay: worker.backoff ?? 50 }, lockDuration: 5_000 });
      open.unshift(started);
      return started;
    };
    return { provider, outbox, name, worker: worker.start === false ? undefined : start(), start };
  };

  it('refuses a bad message before it is queued, with the typed errors of send', async () => {
    const { outbox } = setup(() => ({ id: 'never', raw: {} }), { start: false });
    const invalid = outbox.send({ type: 'text', to: '+905551112233' } as unknown as OutboundMessage);
    await expect(invalid).rejects.toBeInstanceOf(ValidationError);
    await expect(invalid).rejects.toMatchObject({ field: 'message.text' });
    await expect(outbox.send({ type: 'text', to: '+905551112233', text: 'see https://example.com', previewUrl: true })).rejects.toBeInstanceOf(
      UnsupportedFeatureError,
    );
    expect(await outbox.counts()).toEqual({ queued: 0, sending: 0, sent: 0, dead_lettered: 0, unknown: 0, settled: 0 });
  });

  it('one idempotency key is one message; without a key each call is a new one', async () => {
    const { outbox } = setup(() => ({ id: 'never', raw: {} }), { start: false });
    const first = await outbox.send(text('+905551110001'), { idempotencyKey: 'order-1' });
    const again = await outbox.send(text('+905551110001', 'a different body'), { idempotencyKey: 'order-1' });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ jobId: first.jobId, duplicate: true });
    const a = await outbox.send(text('+905551110002'));
    const b = await outbox.send(text('+905551110002'));
    expect(a.jobId).not.toBe(b.jobId);
    expect((await outbox.counts()).queued).toBe(3);
    expect(await outbox.lookup('order-1')).toMatchObject({ jobId: first.jobId, state: 'queued', idempotencyKey: 'order-1', message: { text: 'hello' } });
    expect(await outbox.lookup('order-2')).toBeUndefined();
  });

  it('sends through a worker, records the vendor id and emits sent', async () => {
    const { outbox, provider } = setup((message) => ({ id: `vendor-${message.to}`, raw: {} }));
    const sent: Array<{ jobId: string; messageId: string }> = [];
    outbox.on('sent', (event) => sent.push(event));
    const { jobId } = await outbox.send(text('+905551110003'), { idempotencyKey: 'welcome-3' });
    await eventually(async () => (await outbox.lookup('welcome-3'))?.state === 'sent', 'the message sent');
    expect(await outbox.get(jobId)).toMatchObject({ state: 'sent', messageId: 'vendor-+905551110003', attempts: 1 });
    await eventually(() => sent.length === 1, 'the sent event');
    expect(sent).toEqual([{ jobId, messageId: 'vendor-+905551110003' }]);
    expect(provider.callsTo('+905551110003')).toBe(1);
    expect(await outbox.counts()).toMatchObject({ sent: 1, queued: 0, unknown: 0 });
  });

  it('retries a not_sent failure after the Retry-After, then sends once', async () => {
    const { outbox, provider } = setup(
      (_message, call) => {
        if (call === 1) throw new RateLimitError('slow down', { retryAfter: 600, retryable: true, delivery: 'not_sent', status: 429 });
        return { id: 'vendor-after-retry', raw: {} };
      },
      { backoff: 10 },
    );
    const enqueued = Date.now();
    await outbox.send(text('+905551110004'), { idempotencyKey: 'k4' });
    await eventually(async () => (await outbox.lookup('k4'))?.state === 'sent', 'the retried message sent');
    const entry = await outbox.lookup('k4');
    expect(entry).toMatchObject({ attempts: 2, messageId: 'vendor-after-retry' });
    // The 600 ms the vendor asked for, not the 10 ms backoff.
    expect((entry?.finishedAt ?? 0) - enqueued).toBeGreaterThanOrEqual(600);
    expect(provider.callsTo('+905551110004')).toBe(2);
  });

  it('dead-letters after the last not_sent attempt, and at once when the refusal is final', async () => {
    const { outbox, provider } = setup((message) => {
      if (message.to === '+905551110005') throw new ProviderServerError('unavailable', { status: 503, retryable: true, delivery: 'not_sent', retryAfter: 0 });
      throw new RequestRejectedError('bad recipient', { status: 400, delivery: 'not_sent' });
    });
    const failed: string[] = [];
    outbox.on('failed', (event) => failed.push(`${event.jobId}:${event.failure.code}`));
    const retried = await outbox.send(text('+905551110005'));
    const refused = await outbox.send(text('+905551110006'));
    await eventually(async () => (await outbox.counts()).dead_lettered === 2, 'two dead letters');
    expect(await outbox.get(retried.jobId)).toMatchObject({ state: 'dead_lettered', attempts: 3, failure: { status: 503 } });
    expect(await outbox.get(refused.jobId)).toMatchObject({ state: 'dead_lettered', attempts: 1, failure: { status: 400 } });
    expect(provider.callsTo('+905551110005')).toBe(3);
    expect(provider.callsTo('+905551110006')).toBe(1);
    await eventually(() => failed.length === 2, 'two failed events');
  });

  it('never retries an unknown outcome: it waits, and is settled once', async () => {
    const { outbox, provider } = setup(() => {
      throw new NetworkError('connection reset after the request was written', { retryable: true, delivery: 'unknown' });
    });
    const unknown: string[] = [];
    const settled: unknown[] = [];
    outbox.on('unknown', (event) => unknown.push(event.jobId));
    outbox.on('settled', (event) => settled.push(event));
    const { jobId } = await outbox.send(text('+905551110007'), { idempotencyKey: 'k7' });
    await eventually(async () => (await outbox.lookup('k7'))?.state === 'unknown', 'the unknown state');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(provider.callsTo('+905551110007')).toBe(1);
    expect(await outbox.counts()).toMatchObject({ unknown: 1, sent: 0, settled: 0 });
    expect((await outbox.listUnknown()).map((entry) => entry.jobId)).toEqual([jobId]);

    expect(await outbox.settle({ idempotencyKey: 'k7' }, { delivered: true, messageId: 'found-in-vendor-console' }, 'ops')).toBe(true);
    expect(await outbox.settle({ jobId }, { delivered: false })).toBe(false);
    expect(await outbox.lookup('k7')).toMatchObject({ state: 'settled', messageId: 'found-in-vendor-console', settlement: { delivered: true, by: 'ops' } });
    expect(await outbox.counts()).toMatchObject({ unknown: 0, settled: 1, sent: 0 });
    await eventually(() => unknown.length === 1 && settled.length === 1, 'the unknown and settled events');
    expect(settled).toEqual([{ jobId, settlement: expect.objectContaining({ delivered: true, messageId: 'found-in-vendor-console' }) }]);
  });

  it('settles an unknown message from a status webhook naming its recipient, and not when two are unknown', async () => {
    const { outbox } = setup(() => {
      throw new NetworkError('socket hang up', { delivery: 'unknown' });
    });
    const handler = new EventEmitter();
    const listeners: Array<Promise<unknown>> = [];
    const source = {
      on: (event: 'status', listener: (e: never) => unknown) => handler.on(event, (e) => listeners.push(Promise.resolve(listener(e as never)))),
      off: () => undefined,
    };
    settleFromWebhooks(source, outbox);
    const one = await outbox.send(text('+905551110008'));
    await outbox.send(text('+905551110009'));
    await outbox.send(text('+905551110009'));
    await eventually(async () => (await outbox.counts()).unknown === 3, 'three unknown');
    const status = (recipient: string, messageId: string) => ({
      type: 'status',
      provider: 'scripted',
      raw: {},
      status: { messageId, status: 'delivered', recipient },
    });
    handler.emit('status', status('+905551110008', 'wamid-8'));
    handler.emit('status', status('+905551110009', 'wamid-9'));
    await Promise.all(listeners);
    expect(await outbox.get(one.jobId)).toMatchObject({ state: 'settled', messageId: 'wamid-8', settlement: { by: 'webhook' } });
    expect(await outbox.counts()).toMatchObject({ unknown: 2, settled: 1 });
  });

  it('close() lets a send in flight finish: sent once, not handed to another worker', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const { outbox, provider, worker, start } = setup(async () => {
      started = true;
      await gate;
      return { id: 'slow-but-sent', raw: {} };
    });
    await outbox.send(text('+905551110010'), { idempotencyKey: 'k10' });
    await eventually(() => started, 'the send started');
    const closing = (worker as OutboxWorker).close();
    setTimeout(release, 200);
    await closing;
    expect(await outbox.lookup('k10')).toMatchObject({ state: 'sent', messageId: 'slow-but-sent' });
    // A second worker finds nothing to do.
    start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(provider.callsTo('+905551110010')).toBe(1);
  });
});

// Delivery semantics: at least once to the app, acknowledged after processing.
import { createMemoryDedupeStore, WebhookListenerError, type DedupeStore, type MessageEvent } from '@wamux/core/adapter';
import { deferred } from './support';
import { delivery, message, postRequest, settle, statusOf, track, unhandledRejectionSpy, webhookSetup } from './webhook-support';

const ids = (events: readonly { type: string }[]) => events.map((event) => (event as MessageEvent).message.id);

describe('webhook delivery: the answer waits for the listeners', () => {
  it('waits for a slow async listener before answering', async () => {
    const { handler } = webhookSetup();
    const gate = deferred();
    let finished = false;
    handler.on('message', async () => {
      await gate.promise;
      finished = true;
    });
    const answer = track(handler.fetch(postRequest(message('m1'))));
    await settle();
    expect(answer.settled).toBe(false);
    gate.resolve();
    const response = await answer.promise;
    expect(finished).toBe(true);
    expect(response.status).toBe(200);
  });

  it('calls the listeners in the delivery’s order, as emit does, and awaits them together', async () => {
    const { handler } = webhookSetup();
    const log: string[] = [];
    handler.on('message', async (event) => {
      log.push(`a start ${event.message.id}`);
      await settle(1);
      log.push(`a end ${event.message.id}`);
    });
    handler.on('message', (event) => {
      log.push(`b ${event.message.id}`);
    });
    const outcome = await handler.handle(delivery(message('m1'), message('m2')));
    expect(outcome.status).toBe(200);
    // Every listener is called in order; m1's async work does not hold back m2's.
    expect(log).toEqual(['a start m1', 'b m1', 'a start m2', 'b m2', 'a end m1', 'a end m2']);
  });

  it('runs the statuses of one message one after the other, so a listener never sees it go backwards', async () => {
    const { handler } = webhookSetup();
    const log: string[] = [];
    handler.on('status', async ({ status }) => {
      log.push(`start ${status.messageId} ${status.status}`);
      await settle(1);
      log.push(`end ${status.messageId} ${status.status}`);
    });
    const outcome = await handler.handle(delivery(statusOf('w1', 'sent'), statusOf('w2', 'sent'), statusOf('w1', 'delivered')));
    expect(outcome).toMatchObject({ status: 200, duplicates: 0, inFlight: 0 });
    expect(log.indexOf('start w1 delivered')).toBeGreaterThan(log.indexOf('end w1 sent'));
    // Another message's status is not held back by w1's.
    expect(log.indexOf('start w2 sent')).toBeLessThan(log.indexOf('end w1 sent'));
  });

  it('calls `once` listeners once and every listener with its context, as emit does', async () => {
    const { handler } = webhookSetup();
    const calls: string[] = [];
    const context = { name: 'ctx' };
    handler.once('message', (event) => void calls.push(`once ${event.message.id}`));
    handler.on(
      'message',
      function (this: { name: string }, event: MessageEvent) {
        calls.push(`${this.name} ${event.message.id}`);
      },
      context,
    );
    await handler.handle(delivery(message('m1'), message('m2')));
    expect(calls).toEqual(['once m1', 'ctx m1', 'ctx m2']);
    expect(handler.listenerCount('message')).toBe(1);
  });
});

describe('webhook delivery: a failing listener', () => {
  it('an async rejection answers 500, is reported with its event, and the redelivery runs the event again; after success it is a duplicate', async () => {
    const { handler, errors } = webhookSetup();
    let calls = 0;
    handler.on('message', async () => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
    });

    const first = await handler.fetch(postRequest(message('m1')));
    expect(first.status).toBe(500);
    await expect(first.json()).resolves.toEqual({ error: { code: 'webhook_listener_failed', message: 'a "message" listener failed' } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WebhookListenerError);
    expect((errors[0] as WebhookListenerError).event).toMatchObject({ type: 'message', message: { id: 'm1' } });
    expect((errors[0]?.cause as Error | undefined)?.message).toBe('database down');

    const redelivery = await handler.handle(delivery(message('m1')));
    expect(redelivery).toMatchObject({ status: 200, duplicates: 0, failed: [] });
    expect(ids(redelivery.events)).toEqual(['m1']);
    expect(calls).toBe(2);

    const again = await handler.handle(delivery(message('m1')));
    expect(again).toMatchObject({ status: 200, duplicates: 1, events: [] });
    expect(calls).toBe(2);
  });

  it('a synchronous throw answers 500 and the redelivery runs the event again', async () => {
    const { handler, errors } = webhookSetup();
    let calls = 0;
    handler.on('status', () => {
      calls += 1;
      if (calls === 1) throw new TypeError('app bug');
    });
    const first = await handler.handle(delivery({ kind: 'status', id: 'o1', status: 'delivered' }));
    expect(first).toMatchObject({ status: 500, events: [], duplicates: 0 });
    expect(first.failed).toHaveLength(1);
    expect(first.error).toBe(errors[0]);
    expect((await handler.handle(delivery({ kind: 'status', id: 'o1', status: 'delivered' }))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('runs every listener of an event even when one throws, and fails the event once', async () => {
    const { handler, errors } = webhookSetup();
    const calls: string[] = [];
    handler.on('message', () => {
      calls.push('thrower');
      throw new Error('first');
    });
    handler.on('message', async () => {
      await settle(1);
      calls.push('async');
      throw new Error('second');
    });
    const outcome = await handler.handle(delivery(message('m1')));
    expect(outcome.status).toBe(500);
    expect(calls).toEqual(['thrower', 'async']);
    expect(errors.map((error) => error.message)).toEqual(['2 "message" listeners failed']);
    expect((errors[0]?.cause as Error | undefined)?.message).toBe('first');
  });

  it('partial success in a batch: the other events are processed and recorded, only the failed one runs again', async () => {
    const { handler } = webhookSetup();
    const runs: string[] = [];
    let failM2 = true;
    handler.on('message', async ({ message: { id } }) => {
      runs.push(id);
      if (id === 'm2' && failM2) {
        failM2 = false;
        throw new Error('poison, once');
      }
    });
    const first = await handler.handle(delivery(message('m1'), message('m2'), message('m3')));
    expect(first.status).toBe(500);
    expect(ids(first.events)).toEqual(['m1', 'm3']);
    expect(ids(first.failed)).toEqual(['m2']);
    expect(runs).toEqual(['m1', 'm2', 'm3']);

    const redelivery = await handler.handle(delivery(message('m1'), message('m2'), message('m3')));
    expect(redelivery).toMatchObject({ status: 200, duplicates: 2, failed: [] });
    expect(ids(redelivery.events)).toEqual(['m2']);
    expect(runs).toEqual(['m1', 'm2', 'm3', 'm2']);
  });

  it('with dedupe off, a failed delivery still answers 500 (the vendor redelivers everything)', async () => {
    const { handler } = webhookSetup({ dedupe: false });
    handler.on('message', async ({ message: { id } }) => {
      if (id === 'bad') throw new Error('no');
    });
    const outcome = await handler.handle(delivery(message('ok'), message('bad')));
    expect(outcome).toMatchObject({ status: 500 });
    expect(ids(outcome.events)).toEqual(['ok']);
    expect(ids(outcome.failed)).toEqual(['bad']);
  });
});

describe('webhook delivery: a duplicate of an event in flight', () => {
  it('is neither run twice nor acknowledged: 503 with Retry-After; after the first succeeds, a redelivery is a duplicate', async () => {
    const { handler } = webhookSetup({ listenerTimeout: 3_000 });
    const gate = deferred();
    let calls = 0;
    handler.on('message', async () => {
      calls += 1;
      await gate.promise;
    });
    const first = track(handler.fetch(postRequest(message('m1'))));
    await settle();
    expect(calls).toBe(1);

    const concurrent = await handler.fetch(postRequest(message('m1')));
    expect(concurrent.status).toBe(503);
    expect(concurrent.headers.get('retry-after')).toBe('3');
    expect(first.settled).toBe(false);
    const outcome = await handler.handle(delivery(message('m1')));
    expect(outcome).toMatchObject({ status: 503, inFlight: 1, events: [], failed: [], retryAfter: 3 });
    expect(calls).toBe(1);

    gate.resolve();
    expect((await first.promise).status).toBe(200);
    expect(await handler.handle(delivery(message('m1')))).toMatchObject({ status: 200, duplicates: 1, inFlight: 0 });
    expect(calls).toBe(1);
  });

  it('32 concurrent deliveries of one event: it runs once, one delivery is acknowledged, the others told to come back', async () => {
    const { handler } = webhookSetup();
    const gate = deferred();
    let calls = 0;
    handler.on('message', async () => {
      calls += 1;
      await gate.promise;
    });
    const deliveries = Array.from({ length: 32 }, () => handler.handle(delivery(message('hot'))));
    await settle();
    gate.resolve();
    const outcomes = await Promise.all(deliveries);
    expect(calls).toBe(1);
    expect(outcomes.filter((outcome) => outcome.status === 200)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === 503 && outcome.inFlight === 1)).toHaveLength(31);
  });

  it('runs again when the first run fails', async () => {
    const { handler } = webhookSetup();
    const gate = deferred();
    let calls = 0;
    handler.on('message', async () => {
      calls += 1;
      if (calls === 1) {
        await gate.promise;
        throw new Error('failed after a while');
      }
    });
    const first = handler.handle(delivery(message('m1')));
    await settle();
    expect((await handler.handle(delivery(message('m1')))).status).toBe(503);
    gate.resolve();
    expect((await first).status).toBe(500);
    expect(await handler.handle(delivery(message('m1')))).toMatchObject({ status: 200, duplicates: 0 });
    expect(calls).toBe(2);
  });

  it('still processes the other events of the delivery', async () => {
    const { handler } = webhookSetup();
    const gate = deferred();
    const runs: string[] = [];
    handler.on('message', async ({ message: { id } }) => {
      runs.push(id);
      if (id === 'slow') await gate.promise;
    });
    const first = handler.handle(delivery(message('slow')));
    await settle();
    const second = await handler.handle(delivery(message('slow'), message('other')));
    expect(second).toMatchObject({ status: 503, inFlight: 1 });
    expect(ids(second.events)).toEqual(['other']);
    gate.resolve();
    await first;
    expect(runs).toEqual(['slow', 'other']);
  });
});

describe('webhook delivery: the listener deadline', () => {
  it('answers 503 with Retry-After when the listeners miss it, reports it, and keeps what finished in time', async () => {
    const { handler, errors } = webhookSetup({ listenerTimeout: 30 });
    const gate = deferred();
    const runs: string[] = [];
    handler.on('message', async ({ message: { id } }) => {
      runs.push(id);
      if (id === 'slow') await gate.promise;
    });
    try {
      const outcome = await handler.handle(delivery(message('fast'), message('slow'), message('later')));
      expect(outcome).toMatchObject({ status: 503, retryAfter: 1 });
      expect(ids(outcome.events)).toEqual(['fast', 'later']);
      expect(ids(outcome.failed)).toEqual(['slow']);
      expect(runs).toEqual(['fast', 'slow', 'later']);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(WebhookListenerError);
      expect(errors[0]?.message).toBe('the listener deadline of 30 ms passed before this event was processed');
      expect((errors[0] as WebhookListenerError).event).toMatchObject({ message: { id: 'slow' } });

      const response = await handler.fetch(postRequest(message('slow')));
      // Still running: the claim is held, so the redelivery is told to come back.
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
    } finally {
      gate.resolve();
    }
  });

  it('records the late listener’s success, so the redelivery after it is a duplicate', async () => {
    const { handler } = webhookSetup({ listenerTimeout: 20 });
    const gate = deferred();
    let calls = 0;
    handler.on('message', async () => {
      calls += 1;
      await gate.promise;
    });
    expect((await handler.handle(delivery(message('m1')))).status).toBe(503);
    gate.resolve();
    await settle();
    expect(await handler.handle(delivery(message('m1')))).toMatchObject({ status: 200, duplicates: 1 });
    expect(calls).toBe(1);
  });

  it('releases the claim when the late listener fails, so the redelivery runs it again, and reports the failure', async () => {
    const { handler, errors } = webhookSetup({ listenerTimeout: 20 });
    const gate = deferred();
    let calls = 0;
    handler.on('message', async () => {
      calls += 1;
      if (calls === 1) {
        await gate.promise;
        throw new Error('late failure');
      }
    });
    expect((await handler.handle(delivery(message('m1')))).status).toBe(503);
    gate.resolve();
    await settle();
    expect(errors.map((error) => error.message)).toEqual([
      'the listener deadline of 20 ms passed before this event was processed',
      'a "message" listener failed',
    ]);
    expect(await handler.handle(delivery(message('m1')))).toMatchObject({ status: 200, duplicates: 0 });
    expect(calls).toBe(2);
  });

  it('a listener that never settles: its claim lapses with the lease, then the redelivery runs the event', async () => {
    let time = 0;
    const dedupe = createMemoryDedupeStore({ now: () => time });
    const { handler } = webhookSetup({ listenerTimeout: 20, dedupe });
    let calls = 0;
    handler.on('message', () => {
      calls += 1;
      return calls === 1 ? new Promise<void>(() => undefined) : undefined;
    });
    expect((await handler.handle(delivery(message('m1')))).status).toBe(503);
    expect((await handler.handle(delivery(message('m1')))).status).toBe(503);
    // The lease is the deadline plus a 2 s margin.
    time += 2_019;
    expect((await handler.handle(delivery(message('m1')))).status).toBe(503);
    time += 1;
    expect(await handler.handle(delivery(message('m1')))).toMatchObject({ status: 200, duplicates: 0 });
    expect(calls).toBe(2);
  });
});

describe('webhook delivery: the dedupe store', () => {
  /** The memory store, with one of its calls failing. */
  function failing(call: keyof DedupeStore): DedupeStore {
    const store = createMemoryDedupeStore();
    return { ...store, [call]: async () => Promise.reject(new Error(`store ${call} down`)) };
  }

  it('a claim that fails answers 503 and runs nothing (the redelivery will)', async () => {
    const { handler, errors } = webhookSetup({ dedupe: failing('claim') });
    const runs: string[] = [];
    handler.on('message', (event) => void runs.push(event.message.id));
    const outcome = await handler.handle(delivery(message('m1')));
    expect(outcome).toMatchObject({ status: 503, events: [], retryAfter: 4 });
    expect(ids(outcome.failed)).toEqual(['m1']);
    expect(runs).toEqual([]);
    expect(errors.map((error) => [error.code, error.message])).toEqual([['webhook_listener_failed', 'the dedupe store failed to claim the event']]);
  });

  it('a claim slower than the deadline: 503, nothing runs, and the claim granted late is given back', async () => {
    const memory = createMemoryDedupeStore();
    const gate = deferred();
    let slow = true;
    const dedupe: DedupeStore = {
      ...memory,
      claim: async (key, leaseMs) => {
        if (slow) {
          slow = false;
          await gate.promise;
        }
        return memory.claim(key, leaseMs);
      },
    };
    const { handler, errors } = webhookSetup({ dedupe, listenerTimeout: 20 });
    const runs: string[] = [];
    handler.on('message', (event) => void runs.push(event.message.id));
    expect(await handler.handle(delivery(message('m1')))).toMatchObject({ status: 503, events: [] });
    expect(errors.map((error) => error.message)).toEqual(['the listener deadline of 20 ms passed before this event was processed']);
    gate.resolve();
    await settle();
    // Released, not left to lapse: the redelivery runs it now.
    expect(await handler.handle(delivery(message('m1')))).toMatchObject({ status: 200 });
    expect(runs).toEqual(['m1']);
  });

  it('a completion that fails is reported, and the processed delivery is still acknowledged', async () => {
    const { handler, errors } = webhookSetup({ dedupe: failing('complete') });
    handler.on('message', () => undefined);
    const outcome = await handler.handle(delivery(message('m1')));
    expect(outcome.status).toBe(200);
    expect(ids(outcome.events)).toEqual(['m1']);
    expect(errors.map((error) => error.message)).toEqual(['the dedupe store failed to complete the event']);
  });

  it('a repeated key in one delivery runs once, even when its first run failed', async () => {
    const { handler } = webhookSetup();
    let calls = 0;
    handler.on('message', () => {
      calls += 1;
      throw new Error('always');
    });
    const outcome = await handler.handle(delivery(message('m1'), message('m1')));
    expect(outcome).toMatchObject({ status: 500, duplicates: 1 });
    expect(calls).toBe(1);
  });
});

describe('webhook delivery: nothing becomes an unhandled rejection', () => {
  it('the spy sees an unhandled rejection (control)', async () => {
    const spy = unhandledRejectionSpy();
    try {
      const control = Promise.reject(new Error('control'));
      await settle();
      expect(spy.seen).toEqual([expect.objectContaining({ message: 'control' })]);
      // Handled late: jest forgets it too.
      control.catch(() => undefined);
      await settle();
    } finally {
      spy.stop();
    }
  });

  it('rejecting listeners, throwing and rejecting error listeners, a listener that rejects after the deadline', async () => {
    const spy = unhandledRejectionSpy();
    const gate = deferred();
    try {
      const { handler } = webhookSetup({ listenerTimeout: 20 });
      handler.on('error', async () => {
        throw new Error('the error listener rejects');
      });
      handler.on('error', () => {
        throw new Error('the error listener throws');
      });
      handler.on('message', async ({ message: { id } }) => {
        if (id === 'reject') throw new Error('listener rejects');
        if (id === 'late') {
          await gate.promise;
          throw new Error('rejects after the answer');
        }
      });
      handler.on('status', () => Promise.reject(new Error('a bare rejected promise')));
      expect((await handler.handle(delivery(message('reject'), { kind: 'status', id: 'o', status: 'read' }))).status).toBe(500);
      expect((await handler.fetch(postRequest(message('late')))).status).toBe(503);
      gate.resolve();
      await settle(5);
      expect(spy.seen).toEqual([]);
    } finally {
      gate.resolve();
      spy.stop();
    }
  });
});

describe('webhook delivery: status order', () => {
  it('by default, a status the message is already past is not emitted, and is acknowledged', async () => {
    const { handler } = webhookSetup();
    const seen: string[] = [];
    handler.on('status', ({ status }) => void seen.push(status.status));
    expect(await handler.handle(delivery(statusOf('w1', 'read')))).toMatchObject({ status: 200 });
    expect(await handler.handle(delivery(statusOf('w1', 'delivered')))).toMatchObject({ status: 200, duplicates: 1, events: [] });
    expect(await handler.handle(delivery(statusOf('w1', 'sent')))).toMatchObject({ status: 200, duplicates: 1 });
    expect(seen).toEqual(['read']);
  });

  it('statusOrder: false keeps only per-status de-duplication: every new status is emitted', async () => {
    const { handler } = webhookSetup({ statusOrder: false });
    const seen: string[] = [];
    handler.on('status', ({ status }) => void seen.push(status.status));
    await handler.handle(delivery(statusOf('w1', 'read')));
    await handler.handle(delivery(statusOf('w1', 'delivered')));
    await handler.handle(delivery(statusOf('w1', 'delivered')));
    expect(seen).toEqual(['read', 'delivered']);
  });

  it('a failed status listener releases the status, so the redelivery runs it again', async () => {
    const { handler } = webhookSetup();
    let calls = 0;
    handler.on('status', () => {
      calls += 1;
      if (calls === 1) throw new Error('db down');
    });
    expect((await handler.handle(delivery(statusOf('w1', 'delivered')))).status).toBe(500);
    expect(await handler.handle(delivery(statusOf('w1', 'delivered')))).toMatchObject({ status: 200, duplicates: 0 });
    expect(calls).toBe(2);
  });
});

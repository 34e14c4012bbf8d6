import { defineProvider, NetworkError, sendBulk, type BulkItemResult, type BulkProgress, type OutboundMessage, type Provider } from '@wamux/core';
import { flush, minimalDriver } from './support';

const phone = (i: number) => `+9055500${String(i).padStart(5, '0')}`;
const text = (to: string): OutboundMessage => ({ type: 'text', to, text: 'hello' });

/** A provider whose sends settle after a turn of the event loop, recording concurrency. */
function instrumented(options: { fail?: (to: string) => unknown } = {}) {
  const sent: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const provider = defineProvider(
    minimalDriver({
      send: async (message) => {
        sent.push(message.to);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          await flush();
          await flush();
          const failure = options.fail?.(message.to);
          if (failure !== undefined) throw failure;
          return { id: `id-${message.to}`, raw: {} };
        } finally {
          inFlight -= 1;
        }
      },
    }),
  );
  return { provider, sent, maxInFlight: () => maxInFlight };
}

describe('sendBulk', () => {
  it('sends one message per recipient and returns a result for each', async () => {
    const { provider, sent } = instrumented();
    const recipients = [phone(1), phone(2), phone(3)];
    const summary = await sendBulk(provider, { recipients, message: text });
    expect(summary).toMatchObject({ succeeded: 3, failed: 0, aborted: false });
    expect(summary.results).toHaveLength(3);
    expect(new Set(summary.results.map((r) => r.recipient))).toEqual(new Set(recipients));
    for (const result of summary.results) {
      expect(result).toEqual({ recipient: result.recipient, ok: true, result: { id: `id-${result.recipient}`, raw: {} } });
    }
    expect(sent.sort()).toEqual([...recipients].sort());
  });

  it.each([1, 3, 7])('never has more than concurrency=%i sends in flight, and uses that many', async (concurrency) => {
    const { provider, maxInFlight } = instrumented();
    const recipients = Array.from({ length: 20 }, (_, i) => phone(i));
    const summary = await sendBulk(provider, { recipients, message: text, concurrency });
    expect(summary.succeeded).toBe(20);
    expect(maxInFlight()).toBe(concurrency);
  });

  it('defaults to 4 in flight and treats a bad concurrency as 1', async () => {
    const defaults = instrumented();
    await sendBulk(defaults.provider, { recipients: Array.from({ length: 10 }, (_, i) => phone(i)), message: text });
    expect(defaults.maxInFlight()).toBe(4);
    const zero = instrumented();
    await sendBulk(zero.provider, { recipients: [phone(1), phone(2), phone(3)], message: text, concurrency: 0 });
    expect(zero.maxInFlight()).toBe(1);
  });

  it('one failure does not stop the others, and each failure keeps its error', async () => {
    const failure = new NetworkError('connection reset');
    const { provider, sent } = instrumented({ fail: (to) => (to === phone(2) ? failure : to === phone(4) ? 'a string' : undefined) });
    const recipients = [1, 2, 3, 4, 5].map(phone);
    const summary = await sendBulk(provider, { recipients, message: text, concurrency: 2 });
    expect(summary).toMatchObject({ succeeded: 3, failed: 2, aborted: false });
    expect(sent).toHaveLength(5);
    const byRecipient = new Map(summary.results.map((r) => [r.recipient, r]));
    expect(byRecipient.get(phone(2))).toEqual({ recipient: phone(2), ok: false, error: failure });
    const wrapped = byRecipient.get(phone(4)) as Extract<BulkItemResult<string>, { ok: false }>;
    expect(wrapped.ok).toBe(false);
    expect(wrapped.error).toBeInstanceOf(Error);
    expect(wrapped.error.message).toBe('a string');
    expect(byRecipient.get(phone(5))?.ok).toBe(true);
  });

  it('reports an invalid message or a throwing builder as that recipient failure', async () => {
    const { provider } = instrumented();
    const summary = await sendBulk(provider, {
      recipients: ['+905551112233', 'not-a-number', 'boom'],
      message: (to) => {
        if (to === 'boom') throw new Error('builder failed');
        return text(to);
      },
    });
    expect(summary.succeeded).toBe(1);
    expect(summary.failed).toBe(2);
    const errors = summary.results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok).map((r) => r.error);
    expect(errors.map((e) => (e as { code?: string }).code ?? e.message).sort()).toEqual(['builder failed', 'validation_failed']);
  });

  it('calls onResult for each recipient and onProgress with running counts and the total', async () => {
    const { provider } = instrumented({ fail: (to) => (to === phone(2) ? new Error('x') : undefined) });
    const recipients = [1, 2, 3].map(phone);
    const progress: BulkProgress[] = [];
    const seen: BulkItemResult<string>[] = [];
    const summary = await sendBulk(provider, {
      recipients,
      message: text,
      concurrency: 1,
      onProgress: (p) => progress.push({ ...p }),
      onResult: async (result) => {
        await flush();
        seen.push(result);
      },
    });
    expect(seen).toEqual(summary.results);
    expect(progress).toEqual([
      { done: 1, succeeded: 1, failed: 0, total: 3 },
      { done: 2, succeeded: 1, failed: 1, total: 3 },
      { done: 3, succeeded: 2, failed: 1, total: 3 },
    ]);
  });

  it('reads an async iterable lazily; total is unknown', async () => {
    const { provider, sent } = instrumented();
    let pulled = 0;
    async function* recipients() {
      for (let i = 0; i < 6; i += 1) {
        pulled += 1;
        yield phone(i);
      }
    }
    const progress: BulkProgress[] = [];
    const summary = await sendBulk(provider, { recipients: recipients(), message: text, concurrency: 3, onProgress: (p) => progress.push(p) });
    expect(summary.succeeded).toBe(6);
    expect(pulled).toBe(6);
    expect(new Set(sent).size).toBe(6);
    expect(progress.every((p) => p.total === undefined)).toBe(true);
  });

  it('never gives the same item of a sync iterable to two workers', async () => {
    const { provider, sent } = instrumented();
    function* recipients() {
      for (let i = 0; i < 12; i += 1) yield phone(i);
    }
    await sendBulk(provider, { recipients: recipients(), message: text, concurrency: 5 });
    expect(sent).toHaveLength(12);
    expect(new Set(sent).size).toBe(12);
  });

  it('abort stops dispatching; sends in flight finish and are reported; each recipient is sent at most once', async () => {
    const { provider, sent } = instrumented();
    const recipients = Array.from({ length: 30 }, (_, i) => phone(i));
    const controller = new AbortController();
    const summary = await sendBulk(provider, {
      recipients,
      message: text,
      concurrency: 3,
      signal: controller.signal,
      onResult: () => {
        if (sent.length >= 5) controller.abort();
      },
    });
    expect(summary.aborted).toBe(true);
    expect(sent.length).toBeLessThan(30);
    expect(sent.length).toBeLessThanOrEqual(5 + 3);
    expect(new Set(sent).size).toBe(sent.length);
    // Every send that was made is reported exactly once.
    expect(summary.results.map((r) => r.recipient).sort()).toEqual([...sent].sort());
    expect(summary.succeeded).toBe(sent.length);
  });

  it('never hands the signal to a send: a send in flight is not cut off midway', async () => {
    const seen: unknown[] = [];
    const provider = defineProvider(
      minimalDriver({
        send: async (_message, options) => {
          seen.push(options);
          return { id: 'x', raw: {} };
        },
      }),
    );
    const controller = new AbortController();
    await sendBulk(provider, { recipients: [phone(1), phone(2)], message: text, signal: controller.signal });
    expect(seen).toEqual([{}, {}]);
  });

  it('an abort after the last recipient was dispatched does not mark the run aborted', async () => {
    const { provider, sent } = instrumented();
    const controller = new AbortController();
    const recipients = [phone(1), phone(2), phone(3)];
    const summary = await sendBulk(provider, {
      recipients,
      message: text,
      concurrency: 3,
      signal: controller.signal,
      onResult: () => controller.abort(),
    });
    expect(sent).toHaveLength(3);
    expect(summary).toMatchObject({ succeeded: 3, failed: 0, aborted: false });
  });

  it('with an already-aborted signal sends nothing and does not read the iterable', async () => {
    const send = jest.fn();
    const provider: Provider = defineProvider(minimalDriver({ send }));
    const controller = new AbortController();
    controller.abort();
    let pulled = 0;
    function* recipients() {
      pulled += 1;
      yield phone(1);
    }
    const summary = await sendBulk(provider, { recipients: recipients(), message: text, signal: controller.signal });
    expect(summary).toEqual({ results: [], succeeded: 0, failed: 0, aborted: true });
    expect(send).not.toHaveBeenCalled();
    expect(pulled).toBe(0);
  });

  it('handles an empty list', async () => {
    const { provider } = instrumented();
    await expect(sendBulk(provider, { recipients: [], message: text })).resolves.toEqual({ results: [], succeeded: 0, failed: 0, aborted: false });
  });
});

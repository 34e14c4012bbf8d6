import {
  defineProvider,
  NetworkError,
  ProviderServerError,
  RateLimitError,
  RequestRejectedError,
  sendBulk,
  type BulkItemResult,
  type BulkProgress,
  type OutboundMessage,
  type Provider,
} from '@wamux/core/adapter';
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
    expect(summary).toMatchObject({ succeeded: 3, failed: 2, notSent: 0, unknown: 2, aborted: false });
    expect(sent).toHaveLength(5);
    const byRecipient = new Map(summary.results.map((r) => [r.recipient, r]));
    expect(byRecipient.get(phone(2))).toEqual({ recipient: phone(2), ok: false, error: failure, delivery: 'unknown' });
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
    const failures = summary.results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
    expect(failures.map((r) => (r.error as { code?: string }).code ?? r.error.message).sort()).toEqual(['builder failed', 'validation_failed']);
    // Neither was handed to the vendor.
    expect(failures.map((r) => r.delivery)).toEqual(['not_sent', 'not_sent']);
    expect(summary).toMatchObject({ notSent: 2, unknown: 0 });
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
    expect(summary).toEqual({ results: [], succeeded: 0, failed: 0, notSent: 0, unknown: 0, aborted: true });
    expect(send).not.toHaveBeenCalled();
    expect(pulled).toBe(0);
  });

  it('handles an empty list', async () => {
    const { provider } = instrumented();
    await expect(sendBulk(provider, { recipients: [], message: text })).resolves.toEqual({
      results: [],
      succeeded: 0,
      failed: 0,
      notSent: 0,
      unknown: 0,
      aborted: false,
    });
  });
});

describe('sendBulk: delivery and retries', () => {
  /** A provider whose send answers each call from `script` per recipient, in order. */
  function scripted(script: Record<string, Array<Error | 'ok'>>) {
    const calls: string[] = [];
    const provider = defineProvider(
      minimalDriver({
        send: async (message) => {
          calls.push(message.to);
          const next = script[message.to]?.shift() ?? 'ok';
          if (next !== 'ok') throw next;
          return { id: `id-${message.to}-${calls.length}`, raw: {} };
        },
      }),
    );
    return { provider, calls };
  }
  const limited = () => new RateLimitError('slow down', { retryAfter: 0 });

  it('each failure carries its delivery; the summary counts both kinds', async () => {
    const { provider } = scripted({
      [phone(1)]: [limited()],
      [phone(2)]: [new ProviderServerError('boom', { status: 500, delivery: 'unknown' })],
      [phone(3)]: [new Error('driver bug')],
    });
    const summary = await sendBulk(provider, { recipients: [1, 2, 3, 4].map(phone), message: text });
    const delivery = Object.fromEntries(summary.results.map((r) => [r.recipient, r.ok ? 'sent' : r.delivery]));
    expect(delivery).toEqual({ [phone(1)]: 'not_sent', [phone(2)]: 'unknown', [phone(3)]: 'unknown', [phone(4)]: 'sent' });
    expect(summary).toMatchObject({ succeeded: 1, failed: 3, notSent: 1, unknown: 2 });
  });

  it('retries only retryable not_sent failures, up to the limit, building the message once', async () => {
    const built: string[] = [];
    const { provider, calls } = scripted({
      [phone(1)]: [limited(), limited()], // then succeeds
      [phone(2)]: [limited(), limited(), limited(), limited()], // more than the limit
      [phone(3)]: [new ProviderServerError('boom', { status: 500, retryable: true })], // unknown: never again
      [phone(4)]: [new RequestRejectedError('bad number')], // not_sent but not retryable
    });
    const summary = await sendBulk(provider, {
      recipients: [1, 2, 3, 4].map(phone),
      message: (to) => {
        built.push(to);
        return text(to);
      },
      retry: { limit: 2, delay: 1 },
    });
    const count = (to: string) => calls.filter((c) => c === to).length;
    expect([1, 2, 3, 4].map((i) => count(phone(i)))).toEqual([3, 3, 1, 1]);
    expect(built.sort()).toEqual([1, 2, 3, 4].map(phone));
    const byRecipient = new Map(summary.results.map((r) => [r.recipient, r]));
    expect(byRecipient.get(phone(1))?.ok).toBe(true);
    expect(byRecipient.get(phone(2))).toMatchObject({ ok: false, delivery: 'not_sent', error: { code: 'rate_limited' } });
    expect(byRecipient.get(phone(3))).toMatchObject({ ok: false, delivery: 'unknown' });
    expect(byRecipient.get(phone(4))).toMatchObject({ ok: false, delivery: 'not_sent', error: { code: 'request_rejected' } });
  });

  it('does not wait for a retryAfter longer than maxWait', async () => {
    const { provider, calls } = scripted({ [phone(1)]: [new RateLimitError('later', { retryAfter: 3_600_000 })] });
    const summary = await sendBulk(provider, { recipients: [phone(1)], message: text, retry: { limit: 3, maxWait: 1_000 } });
    expect(calls).toHaveLength(1);
    expect(summary.results[0]).toMatchObject({ ok: false, delivery: 'not_sent', error: { retryAfter: 3_600_000 } });
  });

  it('the signal ends a wait before a retry: the recipient is reported with its not_sent failure', async () => {
    const { provider, calls } = scripted({ [phone(1)]: [new RateLimitError('later', { retryAfter: 30_000 })] });
    const controller = new AbortController();
    const running = sendBulk(provider, { recipients: [phone(1)], message: text, retry: { limit: 1 }, signal: controller.signal });
    await flush();
    await flush();
    controller.abort();
    const summary = await running;
    expect(calls).toHaveLength(1);
    expect(summary).toMatchObject({ succeeded: 0, notSent: 1, unknown: 0 });
  });
});

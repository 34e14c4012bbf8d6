// The bulk journal records what each send's error says about delivery, so a
// resumed run resends only what certainly was not sent.
import {
  defineProvider,
  NetworkError,
  ProviderServerError,
  RateLimitError,
  RedirectRefusedError,
  TimeoutError,
  type ProviderDriver,
  type SendResult,
} from '@wamux/core/adapter';
import { deliveryOf, journalError } from '../../src/cli/bulk/classify';
import type { JournalEntry, JournalWriter } from '../../src/cli/bulk/journal';
import { planRun } from '../../src/cli/bulk/plan';
import type { Progress } from '../../src/cli/bulk/progress';
import type { BulkRecipient } from '../../src/cli/bulk/recipients';
import { runBulk, type BulkTally } from '../../src/cli/bulk/run';

test('deliveryOf: the error own delivery wins over its code', () => {
  // A timeout is unknown by its code, but the HTTP path knew better (a 408).
  expect(deliveryOf(new TimeoutError('408', { status: 408, delivery: 'not_sent' }))).toBe('not_sent');
  // A network error the HTTP path says may have been processed.
  expect(deliveryOf(new NetworkError('refused?', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), delivery: 'unknown' }))).toBe('unknown');
  expect(deliveryOf(Object.assign(new Error('driver bug'), { delivery: 'unknown' }))).toBe('unknown');
});

test('deliveryOf: a refused redirect is not_sent for 307/308 and unknown for the others', () => {
  expect(deliveryOf(new RedirectRefusedError('r', { status: 307 }))).toBe('not_sent');
  expect(deliveryOf(new RedirectRefusedError('r', { status: 308 }))).toBe('not_sent');
  expect(deliveryOf(new RedirectRefusedError('r', { status: 302 }))).toBe('unknown');
});

test('journalError keeps the vendor request id, to settle an unknown outcome', () => {
  const error = new ProviderServerError('boom', { status: 500, requestId: 'req-42', vendorCode: 'E500' });
  expect(journalError(error)).toEqual({ code: 'provider_error', message: 'boom', status: 500, vendorCode: 'E500', requestId: 'req-42' });
});

describe('runBulk', () => {
  const recipients: BulkRecipient[] = ['+905550000001', '+905550000002', '+905550000003'].map((phone, index) => ({ row: index + 1, phone, fields: {} }));
  const failures: Record<string, Error> = {
    '+905550000001': new RateLimitError('slow down', { retryAfter: 3_600_000 }),
    '+905550000002': new ProviderServerError('boom', { status: 500, delivery: 'unknown', requestId: 'req-2' }),
  };

  async function run(entries: JournalEntry[]) {
    const driver: ProviderDriver = {
      specificationVersion: 'v1',
      name: 'fake',
      capabilities: { outbound: ['text'], interactive: [], mediaSources: [], inbound: [], statuses: [], features: [] },
      send: async (message): Promise<SendResult> => {
        const failure = failures[message.to];
        if (failure) throw failure;
        return { id: `id-${message.to}`, raw: {} };
      },
      parseWebhook: async () => ({ events: [] }),
    };
    const journal: JournalWriter = { append: (entry) => void entries.push(entry), close: () => undefined };
    const progress: Progress = { update: () => undefined, message: () => undefined, finish: () => undefined };
    const tally: BulkTally = { sent: 0, notSent: 0, unknown: 0, invalid: 0, failures: [], attempted: 0, settled: 0 };
    await runBulk({
      provider: defineProvider(driver),
      recipients,
      spec: { kind: 'text', text: 'hi', previewUrl: false },
      journal,
      concurrency: 1,
      progress,
      stop: new AbortController().signal,
      abort: new AbortController().signal,
      tally,
    });
    return tally;
  }

  it('records each outcome, and the next run resends only the not_sent one', async () => {
    const entries: JournalEntry[] = [];
    const tally = await run(entries);
    expect(tally).toMatchObject({ sent: 1, notSent: 1, unknown: 1 });
    const results = entries.filter((e): e is Extract<JournalEntry, { type: 'result' }> => e.type === 'result');
    expect(results.map((r) => [r.recipient, r.delivery])).toEqual([
      ['+905550000001', 'not_sent'],
      ['+905550000002', 'unknown'],
      ['+905550000003', 'sent'],
    ]);
    expect(results[1]?.error).toMatchObject({ code: 'provider_error', requestId: 'req-2' });

    const plan = planRun(recipients, entries, false);
    expect(plan.toSend.map((r) => r.phone)).toEqual(['+905550000001']);
    expect(plan.unknownSkipped.map((r) => r.phone)).toEqual(['+905550000002']);
    expect(plan.alreadySent).toBe(1);
  });
});

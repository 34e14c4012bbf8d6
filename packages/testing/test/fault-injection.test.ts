// Every adapter's send path behind a fault proxy that fails a seeded 30% of
// requests (429 + Retry-After, 500, 503, a connection dropped before the
// body was read, a connection dropped after the vendor processed it).
// Counted at the emulator by a unique text per send:
//
// - no message is delivered twice;
// - every send that resolved was delivered exactly once, with its id;
// - every send that rejected says `not_sent` (and the emulator never saw
//   it) or `unknown` (it may or may not have).
import { FAULT_KINDS, createFaultProxy, type FaultProxy } from '@wamux/testing';
import { createMemoryProvider } from '@wamux/memory';
import { createMemoryEmulator } from '@wamux/memory/emulator';
import type { Emulator } from '@wamux/emulator';
import { sendBulk, type Provider, type RetryPolicy } from '@wamux/core';
import { createDesk360Provider } from '@wamux/desk360';
import { createDesk360Emulator } from '@wamux/desk360/emulator';
import { createGetchatProvider } from '@wamux/getchat';
import { createGetchatEmulator } from '@wamux/getchat/emulator';
import { createMessagingApiProvider } from '@wamux/messaging-api';
import { createMessagingApiEmulator } from '@wamux/messaging-api/emulator';

const SENDS = 300;
const CONCURRENCY = 16;
/** A Retry-After of 0 is waited out and retried; one of 1 s is longer than the policy waits, so it is reported (not_sent). */
const RETRY: Partial<RetryPolicy> = { limit: 2, baseDelay: 5, maxDelay: 20, maxRetryAfter: 500 };
const COMMON = { allowInsecureHttp: true, retry: RETRY, rateLimit: false as const, timeout: 10_000 };

interface Target {
  emulator: Emulator;
  provider(baseUrl: string): Provider;
}

const TARGETS: Array<[string, number, () => Promise<Target>]> = [
  [
    'desk360',
    101,
    async () => {
      const emulator = await createDesk360Emulator({ rateLimit: false });
      return { emulator, provider: (baseUrl) => createDesk360Provider({ ...COMMON, baseUrl, apiKey: emulator.apiKey, integrationId: emulator.integrationId }) };
    },
  ],
  [
    'getchat',
    202,
    async () => {
      const emulator = await createGetchatEmulator();
      return { emulator, provider: (baseUrl) => createGetchatProvider({ ...COMMON, baseUrl, token: emulator.credentials.token }) };
    },
  ],
  [
    'messaging-api',
    303,
    async () => {
      const emulator = await createMessagingApiEmulator({ apiKey: 'fault-key-0123456', apiId: 'fault-id-6543210' });
      return {
        emulator,
        provider: (baseUrl) =>
          createMessagingApiProvider({ ...COMMON, baseUrl, apiKey: emulator.apiKey, apiId: emulator.apiId, channelId: emulator.channelId }),
      };
    },
  ],
  [
    'memory',
    404,
    async () => {
      const emulator = await createMemoryEmulator();
      return { emulator, provider: (baseUrl) => createMemoryProvider({ ...COMMON, baseUrl, apiKey: emulator.apiKey }) };
    },
  ],
];

describe.each(TARGETS)('%s behind a fault proxy', (name, seed, start) => {
  let target: Target;
  let proxy: FaultProxy;
  let provider: Provider;

  beforeAll(async () => {
    target = await start();
    proxy = await createFaultProxy({ target: target.emulator.url, rate: 0.3, seed });
    provider = target.provider(proxy.url);
  });
  afterAll(async () => {
    await provider?.close();
    await proxy?.close();
    await target?.emulator.close();
  });

  it(`${SENDS} sends: none delivered twice, each resolved one delivered once, each rejected one says what happened`, async () => {
    const text = (i: number) => `fault-${name}-${seed}-${i}`;
    const summary = await sendBulk(provider, {
      recipients: Array.from({ length: SENDS }, (_, i) => i),
      message: (i) => ({ type: 'text', to: `+9055500${String(i).padStart(5, '0')}`, text: text(i) }),
      concurrency: CONCURRENCY,
    });

    // What the emulator accepted, by text.
    const deliveries = new Map<string, string[]>();
    for (const delivered of target.emulator.delivered()) {
      if (delivered.message.type !== 'text') continue;
      deliveries.set(delivered.message.text, [...(deliveries.get(delivered.message.text) ?? []), delivered.id]);
    }
    const duplicates = [...deliveries].filter(([, ids]) => ids.length > 1).map(([t]) => t);
    expect(duplicates).toEqual([]);

    let resolved = 0;
    let notSent = 0;
    let unknownDelivered = 0;
    let unknownMissing = 0;
    for (const item of summary.results) {
      const ids = deliveries.get(text(item.recipient)) ?? [];
      if (item.ok) {
        resolved += 1;
        expect({ text: text(item.recipient), ids }).toEqual({ text: text(item.recipient), ids: [item.result.id] });
      } else if (item.delivery === 'not_sent') {
        notSent += 1;
        expect({ text: text(item.recipient), ids, code: (item.error as { code?: string }).code }).toMatchObject({ ids: [] });
      } else {
        expect(item.delivery).toBe('unknown');
        if (ids.length === 1) unknownDelivered += 1;
        else unknownMissing += 1;
      }
    }
    expect(summary.results).toHaveLength(SENDS);
    expect(resolved + notSent + unknownDelivered + unknownMissing).toBe(SENDS);

    // The proxy really did what the test is about: every fault happened.
    const counts = proxy.counts();
    for (const kind of FAULT_KINDS) expect(counts[kind]).toBeGreaterThan(0);
    // A message the vendor processed but whose answer was dropped is among the unknown ones.
    expect(unknownDelivered).toBeGreaterThan(0);

    const pct = (n: number) => `${((100 * n) / SENDS).toFixed(1)}%`;
    const faults = FAULT_KINDS.map((kind) => `${kind} ${counts[kind]}`).join(', ');
    process.stdout.write(
      `fault-injection ${name}: ${SENDS} sends, ${resolved} resolved (delivered once), ${notSent} not_sent (${pct(notSent)}, none delivered), ` +
        `${unknownDelivered + unknownMissing} unknown (${pct(unknownDelivered + unknownMissing)}: ${unknownDelivered} delivered, ${unknownMissing} not), 0 duplicates; ` +
        `${proxy.requests().length} requests, faults: ${faults}\n`,
    );
  });
});

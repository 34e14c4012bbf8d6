// The router behind a fault proxy: a message is offered to the next
// provider only when the first said `not_sent`, so no message is ever
// delivered twice, and a provider that is down costs nothing once its
// circuit is open.
import { deliveryOf } from '@wamux/core';
import { createRouter, type Router } from '@wamux/router';
import { createFaultProxy, type FaultProxy } from '@wamux/testing';
import { deadUrl, memberFor, texts, twoEmulators } from './support';

const SENDS = 40;
const CONCURRENCY = 4;

let emulators: Awaited<ReturnType<typeof twoEmulators>>;
let proxy: FaultProxy | undefined;
let router: Router | undefined;

beforeEach(async () => {
  emulators = await twoEmulators();
});

afterEach(async () => {
  await router?.close();
  await proxy?.close();
  await emulators.close();
  router = undefined;
  proxy = undefined;
});

/** Sends SENDS text messages with unique texts, CONCURRENCY at a time; returns each outcome. */
async function sendAll(target: Router): Promise<Array<{ text: string; provider?: string; error?: unknown }>> {
  const outcomes: Array<{ text: string; provider?: string; error?: unknown }> = [];
  const queue = Array.from({ length: SENDS }, (_, i) => `router message ${i}`);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
        try {
          const result = await target.send({ type: 'text', to: '+905551112233', text });
          outcomes.push({ text, provider: result.provider });
        } catch (error) {
          outcomes.push({ text, error });
        }
      }
    }),
  );
  return outcomes;
}

describe('primary down: every message is sent exactly once, through the secondary', () => {
  it('when the primary refuses connections', async () => {
    const down: string[] = [];
    router = createRouter({
      providers: [
        { name: 'primary', provider: memberFor(emulators.primary, { baseUrl: await deadUrl(emulators.primary.url) }) },
        { name: 'secondary', provider: memberFor(emulators.secondary) },
      ],
      breaker: { failureThreshold: 3 },
    });
    router.on('provider_down', (event) => down.push(event.provider));
    const outcomes = await sendAll(router);

    expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
    expect(outcomes.every((o) => o.provider === 'secondary')).toBe(true);
    const delivered = texts(emulators.secondary);
    expect(delivered).toHaveLength(SENDS);
    expect(new Set(delivered).size).toBe(SENDS);
    expect(emulators.primary.delivered()).toHaveLength(0);
    expect(down).toEqual(['primary']);
    expect(router.health()[0]).toMatchObject({ provider: 'primary', state: 'down' });
  });

  it('when the primary rate-limits every request (429 with a Retry-After longer than it waits)', async () => {
    proxy = await createFaultProxy({ target: emulators.primary.url, rate: 1, faults: ['rate_limit'], retryAfterSeconds: [60] });
    const failovers: string[] = [];
    router = createRouter({
      providers: [
        { name: 'primary', provider: memberFor(emulators.primary, { baseUrl: proxy.url }) },
        { name: 'secondary', provider: memberFor(emulators.secondary) },
      ],
    });
    router.on('failover', (event) => failovers.push(`${event.from}->${event.to}`));
    const outcomes = await sendAll(router);

    expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
    const delivered = texts(emulators.secondary);
    expect(delivered.sort()).toEqual(outcomes.map((o) => o.text).sort());
    expect(new Set(delivered).size).toBe(SENDS);
    expect(emulators.primary.delivered()).toHaveLength(0);
    // A rate-limit block opens the circuit at once: only the sends already
    // under way when it opened reached the proxy.
    expect(proxy.requests().length).toBeLessThanOrEqual(CONCURRENCY);
    expect(failovers.length).toBe(proxy.requests().length);
    expect(router.health()[0]?.state).toBe('down');
  });
});

describe('primary failing with unknown outcomes', () => {
  it('never sends a message twice anywhere', async () => {
    // 500s and connections dropped after the vendor processed the request:
    // the primary may or may not have delivered; the router must not resend.
    proxy = await createFaultProxy({ target: emulators.primary.url, rate: 0.6, seed: 15, faults: ['server_error', 'drop_after_processing'] });
    router = createRouter({
      providers: [
        { name: 'primary', provider: memberFor(emulators.primary, { baseUrl: proxy.url }) },
        { name: 'secondary', provider: memberFor(emulators.secondary) },
      ],
      breaker: { failureThreshold: 1_000 },
    });
    const outcomes = await sendAll(router);
    const atPrimary = texts(emulators.primary);
    const atSecondary = texts(emulators.secondary);
    const all = [...atPrimary, ...atSecondary];

    // No message anywhere twice, and none failed over (every failure was unknown).
    expect(new Set(all).size).toBe(all.length);
    expect(atSecondary).toEqual([]);
    const failed = outcomes.filter((o) => o.error !== undefined);
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) expect(deliveryOf(outcome.error)).toBe('unknown');
    for (const outcome of outcomes.filter((o) => o.error === undefined)) {
      expect(outcome.provider).toBe('primary');
      expect(atPrimary.filter((text) => text === outcome.text)).toHaveLength(1);
    }
    // Some of the unknown ones were in fact delivered: exactly why they were not resent.
    expect(failed.some((o) => atPrimary.includes(o.text))).toBe(true);
  });

  it('once the circuit opens, later messages go to the secondary, still each once', async () => {
    proxy = await createFaultProxy({ target: emulators.primary.url, rate: 1, faults: ['server_error', 'drop_after_processing'] });
    router = createRouter({
      providers: [
        { name: 'primary', provider: memberFor(emulators.primary, { baseUrl: proxy.url }) },
        { name: 'secondary', provider: memberFor(emulators.secondary) },
      ],
      breaker: { failureThreshold: 3 },
    });
    const outcomes = await sendAll(router);
    const all = [...texts(emulators.primary), ...texts(emulators.secondary)];
    expect(new Set(all).size).toBe(all.length);
    const failed = outcomes.filter((o) => o.error !== undefined);
    // The failures are the sends that reached the primary before its circuit opened.
    expect(failed.length).toBe(proxy.requests().length);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.length).toBeLessThan(3 + CONCURRENCY);
    for (const outcome of failed) expect(texts(emulators.secondary)).not.toContain(outcome.text);
    expect(texts(emulators.secondary)).toHaveLength(SENDS - failed.length);
  });
});

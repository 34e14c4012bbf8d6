import { join } from 'node:path';
import type { OutboundMessage } from '@wamux/core';
import { createDesk360Emulator, type Desk360Emulator } from '@wamux/desk360/emulator';
import { createOutbox, type Outbox, type OutboxCounts } from '@wamux/queue';
import { createFaultProxy, type FaultProxy } from '@wamux/testing';
import { memoryCapabilities } from '@wamux/memory';
import { bundleChild, startChild, type Child } from '../../../redis/test/support/child-processes';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../../test-support/redis-server';
import { eventually } from '../support';

/**
 * Worker processes against a real redis-server and the Desk360 emulator,
 * through a fault proxy: what the issue asks of a durable outbox. Each
 * test has its own queue, proxy and Redis prefix; the emulator is reset.
 */
describeWithRedis('the outbox with worker processes', () => {
  let server: RedisServer;
  let emulator: Desk360Emulator;
  let bundle: { file: string; remove(): void };
  const children: Child[] = [];
  const closing: Array<{ close(): Promise<void> }> = [];

  beforeAll(async () => {
    [server, emulator, bundle] = await Promise.all([
      startRedisServer(),
      createDesk360Emulator({ rateLimit: false }),
      bundleChild(join(__dirname, 'worker-child.ts')),
    ]);
  }, 60_000);
  afterEach(async () => {
    await Promise.all(children.splice(0).map((child) => child.kill()));
    await Promise.all(closing.splice(0).map((item) => item.close()));
  });
  afterAll(async () => {
    await emulator?.close();
    await server?.close();
    bundle?.remove();
  });

  let run = 0;
  /** A fresh queue, its outbox, the proxy in front of the emulator (seeded faults), and a vendor limit. */
  const scenario = async (options: { limit: number; faultRate: number; seed?: number }) => {
    run += 1;
    emulator.reset();
    emulator.setRateLimit({ requests: options.limit, interval: 1000 });
    const queue = `outbox-test-${run}`;
    const proxy: FaultProxy = await createFaultProxy({
      target: emulator.url,
      rate: options.faultRate,
      seed: options.seed ?? 14,
      retryAfterSeconds: [0],
      applies: ({ method }) => method === 'POST',
    });
    closing.push(proxy);
    const outbox: Outbox = createOutbox({
      connection: server.url,
      name: queue,
      provider: { name: 'desk360', capabilities: memoryCapabilities },
      attempts: 8,
      events: false,
    });
    closing.push(outbox);
    const startWorkers = async (count: number, env: Record<string, string> = {}) => {
      const started = Array.from({ length: count }, () =>
        startChild(bundle.file, {
          WAMUX_TEST_REDIS_URL: server.url,
          WAMUX_TEST_VENDOR_URL: proxy.url,
          WAMUX_TEST_API_KEY: emulator.apiKey,
          WAMUX_TEST_INTEGRATION_ID: String(emulator.integrationId),
          WAMUX_TEST_QUEUE: queue,
          WAMUX_TEST_PREFIX: `${queue}:limit:`,
          // 10% under the vendor's: its limit counts arrivals in fixed windows, and a
          // request delayed on a busy machine lands in the next one.
          WAMUX_TEST_LIMIT: String(Math.floor(options.limit * 0.9)),
          ...env,
        }),
      );
      children.push(...started);
      const ready = await Promise.all(started.map((child) => child.next((message) => message.type === 'ready' || message.type === 'crashed')));
      expect(ready.filter((message) => message.type === 'crashed')).toEqual([]);
      return started;
    };
    const enqueue = async (count: number, tag: string) => {
      const recipients = Array.from({ length: count }, (_, i) => `+90555${tag}${String(1_000_000 + i).slice(1)}`);
      for (let i = 0; i < recipients.length; i += 100) {
        await Promise.all(
          recipients
            .slice(i, i + 100)
            .map((to) => outbox.send({ type: 'text', to, text: `outbox ${to}` } satisfies OutboundMessage, { idempotencyKey: `msg-${to}` })),
        );
      }
      return recipients;
    };
    const settledCounts = async (total: number, within: number): Promise<OutboxCounts> => {
      let counts = await outbox.counts();
      await eventually(
        async () => {
          counts = await outbox.counts();
          return counts.queued === 0 && counts.sending === 0 && counts.sent + counts.dead_lettered + counts.unknown === total;
        },
        `every message final (last counts ${JSON.stringify(counts)})`,
        within,
      );
      return counts;
    };
    return { outbox, proxy, startWorkers, enqueue, settledCounts };
  };

  /** How many times the emulator accepted a message to each recipient. */
  const deliveries = () => {
    const per = new Map<string, number>();
    for (const message of emulator.delivered()) per.set(message.message.to, (per.get(message.message.to) ?? 0) + 1);
    return per;
  };
  /** The emulator's own refusals: every send request it received that it did not accept (its rate limit's 429s). */
  const vendorRefusals = () => emulator.requests().filter((request) => request.method === 'POST').length - emulator.delivered().length;

  /** Per recipient, the state the outbox ended it in. */
  const statesOf = async (outbox: Outbox, recipients: readonly string[]) => {
    const entries = await Promise.all(recipients.map((to) => outbox.lookup(`msg-${to}`)));
    return new Map(recipients.map((to, i) => [to, entries[i]]));
  };

  it('3 worker processes × 1,000 messages, 30% faults: none twice, every one final, counts match the vendor, its limit held', async () => {
    const LIMIT = 250;
    const { outbox, proxy, startWorkers, enqueue, settledCounts } = await scenario({ limit: LIMIT, faultRate: 0.3 });
    const began = Date.now();
    const recipients = await enqueue(1_000, '1');
    const enqueued = Date.now();
    await startWorkers(3);
    const started = Date.now();
    const counts = await settledCounts(1_000, 90_000);
    process.stdout.write(`[outbox 3×1000] enqueue ${enqueued - began} ms, workers up ${started - enqueued} ms, sending ${Date.now() - started} ms\n`);

    const delivered = deliveries();
    expect([...delivered.values()].filter((n) => n > 1)).toEqual([]);
    expect(vendorRefusals()).toBe(0);

    const faults = proxy.counts();
    process.stdout.write(`[outbox 3×1000] ${JSON.stringify(counts)}; proxy ${JSON.stringify(faults)}\n`);
    // Retries happen only after a failure proven not_sent: the proxy's 429s (before the vendor;
    // their Retry-After is 0 here, as a 1 s one pauses the shared limiter for every worker and
    // would only make the run longer: test/outbox.test.ts checks that it is honoured).
    // 500, 503 without Retry-After and both drops may follow processing: unknown, never retried.
    expect(counts.unknown).toBe(faults.server_error + faults.unavailable + faults.drop_before_body + faults.drop_after_processing);
    expect(counts.sent).toBe(faults.none);
    expect(emulator.delivered().length).toBe(faults.none + faults.drop_after_processing);
    expect(counts.dead_lettered).toBe(0);

    const states = await statesOf(outbox, recipients);
    const vendorIds = new Map(emulator.delivered().map((message) => [message.message.to, message.id]));
    for (const to of recipients) {
      const entry = states.get(to);
      if (entry?.state === 'sent') expect(entry.messageId).toBe(vendorIds.get(to));
      else expect(entry?.state).toBe('unknown');
    }
  }, 120_000);

  it('a worker SIGKILLed mid-send: its jobs are picked up after the lock expires, none it sent is sent again', async () => {
    const { outbox, startWorkers, enqueue, settledCounts } = await scenario({ limit: 60, faultRate: 0 });
    const recipients = await enqueue(240, '2');
    const [victim, survivor] = await startWorkers(2, { WAMUX_TEST_LOCK: '3000' });
    await (victim as Child).next((message) => message.type === 'first-sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await (victim as Child).kill();
    const killedAt = Date.now();
    const counts = await settledCounts(240, 60_000);

    const delivered = deliveries();
    expect([...delivered.values()].filter((n) => n > 1)).toEqual([]);
    expect(vendorRefusals()).toBe(0);
    const states = await statesOf(outbox, recipients);
    const interrupted = [...states.values()].filter((entry) => entry?.state === 'unknown');
    process.stdout.write(`[outbox SIGKILL] ${JSON.stringify(counts)}\n`);
    // The victim held messages mid-send (up to its concurrency, 8; waiting on the limiter or on the vendor): each is unknown, none sent again.
    expect(interrupted.length).toBeGreaterThan(0);
    for (const entry of interrupted) {
      expect(entry?.failure?.code).toBe('interrupted');
      expect(entry?.finishedAt ?? 0).toBeGreaterThanOrEqual(killedAt);
    }
    expect(counts.sent + counts.unknown).toBe(240);
    for (const to of recipients) if (states.get(to)?.state === 'sent') expect(delivered.get(to)).toBe(1);
    expect((survivor as Child).alive).toBe(true);
  }, 90_000);

  it('Redis restarted during a run: no message lost, none sent twice', async () => {
    const { outbox, startWorkers, enqueue, settledCounts } = await scenario({ limit: 80, faultRate: 0 });
    const recipients = await enqueue(300, '3');
    const workers = await startWorkers(2, { WAMUX_TEST_FALLBACK_SHARE: '0.5' });
    await (workers[0] as Child).next((message) => message.type === 'first-sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await server.stop({ keepData: true });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await server.start();
    const counts = await settledCounts(300, 60_000);

    const delivered = deliveries();
    process.stdout.write(`[outbox Redis restart] ${JSON.stringify(counts)}; delivered ${emulator.delivered().length}\n`);
    expect([...delivered.values()].filter((n) => n > 1)).toEqual([]);
    const states = await statesOf(outbox, recipients);
    expect([...states.values()].filter((entry) => entry === undefined)).toEqual([]);
    // Every sent message reached the vendor once; an unknown one (a send cut by the restart) at most once.
    for (const to of recipients) {
      const entry = states.get(to);
      if (entry?.state === 'sent') expect(delivered.get(to)).toBe(1);
      else expect(entry?.state).toBe('unknown');
    }
    expect(counts.dead_lettered).toBe(0);
  }, 90_000);
});

import { join } from 'node:path';
import { createDesk360Emulator, type Desk360Emulator } from '@wamux/desk360/emulator';
import { bundleChild, startChild, type Child } from '../support/child-processes';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../../test-support/redis-server';

const LIMIT = { requests: 60, interval: 1000 };
const PROCESSES = 4;
/** 10 s at 60 per second. */
const MESSAGES = 600;

/**
 * Four sending processes, one limit of 60 per second kept in Redis, one
 * Desk360 emulator enforcing 60 per second with 429s. Together they must
 * use at least 97% of the allowed rate, draw no 429, and send every message
 * once. Utilization is measured as the bench does: between the first and
 * the last request the vendor saw, n requests at rate r span (n - 1) / r.
 */
describeWithRedis('a rate limit shared by 4 processes through Redis', () => {
  let server: RedisServer;
  let emulator: Desk360Emulator;
  let bundle: { file: string; remove(): void };
  const children: Child[] = [];

  beforeAll(async () => {
    [server, emulator, bundle] = await Promise.all([startRedisServer(), createDesk360Emulator({ rateLimit: LIMIT }), bundleChild(join(__dirname, 'sender-child.ts'))]);
  });
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await emulator?.close();
    await server?.close();
    bundle?.remove();
  });

  const startSenders = async (count: number, env: Record<string, string> = {}) => {
    const started = Array.from({ length: count }, (_, i) =>
      startChild(bundle.file, {
        WAMUX_TEST_REDIS_URL: server.url,
        WAMUX_TEST_CLIENT: i % 2 === 0 ? 'ioredis' : 'node-redis',
        WAMUX_TEST_EMULATOR_URL: emulator.url,
        WAMUX_TEST_API_KEY: emulator.apiKey,
        WAMUX_TEST_INTEGRATION_ID: String(emulator.integrationId),
        ...env,
      }),
    );
    children.push(...started);
    const ready = await Promise.all(started.map((child) => child.next((message) => message.type === 'ready' || message.type === 'crashed')));
    expect(ready.filter((message) => message.type === 'crashed')).toEqual([]);
    return started;
  };

  const deliveredOnce = (recipients: readonly string[]) => {
    const perRecipient = new Map<string, number>();
    for (const message of emulator.delivered()) perRecipient.set(message.message.to, (perRecipient.get(message.message.to) ?? 0) + 1);
    return recipients.every((to) => perRecipient.get(to) === 1) && perRecipient.size === recipients.length;
  };

  it('4 processes send 600 messages at ≥ 97% of 60/s together, 0 × 429, each message once', async () => {
    const senders = await startSenders(PROCESSES, { WAMUX_TEST_PREFIX: 'shared-limit:' });
    emulator.reset();

    const recipients = Array.from({ length: MESSAGES }, (_, i) => `+90555${String(2_000_000 + i).slice(1)}`);
    const reports = await Promise.all(
      senders.map((child, i) => child.ask({ type: 'send', recipients: recipients.filter((_, n) => n % PROCESSES === i) }, 'send:done', 60_000)),
    );

    const sends = emulator.requests().filter((request) => request.method === 'POST');
    const span = ((sends.at(-1)?.at.getTime() ?? 0) - (sends[0]?.at.getTime() ?? 0)) / 1000;
    const utilization = (MESSAGES - 1) / (LIMIT.requests / (LIMIT.interval / 1000)) / span;
    // Gaps of 3 intervals or more between two requests are stalls (a starved machine), for whoever reads a failure in a CI log.
    const stalls = sends.slice(1).map((request, i) => request.at.getTime() - (sends[i] as { at: Date }).at.getTime()).filter((gap) => gap >= 50);
    process.stdout.write(
      `[shared limit] ${MESSAGES} sends by ${PROCESSES} processes in ${span.toFixed(2)} s: ${(utilization * 100).toFixed(1)}% of 60/s; ${stalls.length} stalls ≥ 50 ms (${stalls.join(', ') || 'none'})\n`,
    );

    expect(reports.map((report) => ({ throttled: report.throttled, failed: report.failed, errors: report.errors, storeErrors: report.storeErrors }))).toEqual(
      Array.from({ length: PROCESSES }, () => ({ throttled: 0, failed: 0, errors: [], storeErrors: [] })),
    );
    expect(sends).toHaveLength(MESSAGES);
    expect(deliveredOnce(recipients)).toBe(true);
    expect(utilization).toBeGreaterThanOrEqual(0.97);
    // And never over the limit: a 429 would have been counted above, this says by how much it stayed under.
    expect(utilization).toBeLessThanOrEqual(1);
  }, 90_000);

  describe('Redis restarted mid-run', () => {
    const recipients = (tag: string) => Array.from({ length: 120 }, (_, i) => `+90556${tag}${String(100_000 + i).slice(1)}`);
    const sendWhileRestarting = async (senders: Child[], list: readonly string[], retry?: { limit: number; delay: number }) => {
      emulator.reset();
      const reports = Promise.all(senders.map((child, i) => child.ask({ type: 'send', recipients: list.filter((_, n) => n % senders.length === i), retry }, 'send:done', 60_000)));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await server.stop({ keepData: true });
      await new Promise((resolve) => setTimeout(resolve, 800));
      await server.start();
      return reports;
    };

    it('whenUnavailable "memory": each process goes on alone at its fallbackShare, reports the outage, and sends every message once', async () => {
      const senders = await startSenders(2, { WAMUX_TEST_PREFIX: 'restart-memory:', WAMUX_TEST_FALLBACK_SHARE: '0.5', WAMUX_TEST_STORE_TIMEOUT: '300' });
      const list = recipients('1');
      const reports = await sendWhileRestarting(senders, list);
      expect(reports.map((report) => report.failed)).toEqual([0, 0]);
      expect(reports.every((report) => (report.storeErrors as string[]).includes('store_unavailable'))).toBe(true);
      expect(deliveredOnce(list)).toBe(true);
    }, 60_000);

    it('whenUnavailable "fail": sends during the outage are refused unsent (store_unavailable), sent once Redis is back, never twice', async () => {
      const senders = await startSenders(2, { WAMUX_TEST_PREFIX: 'restart-fail:', WAMUX_TEST_WHEN_UNAVAILABLE: 'fail', WAMUX_TEST_STORE_TIMEOUT: '300' });
      const list = recipients('2');
      // A refusal is `retryable` and `not_sent`: sendBulk's retry may send it again without risk.
      const reports = await sendWhileRestarting(senders, list, { limit: 20, delay: 200 });
      expect(reports.map((report) => report.failed)).toEqual([0, 0]);
      expect(reports.every((report) => (report.storeErrors as string[]).includes('store_unavailable'))).toBe(true);
      expect(deliveredOnce(list)).toBe(true);
    }, 60_000);
  });
});

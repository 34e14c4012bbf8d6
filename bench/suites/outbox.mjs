// Row 6, jobs per second through the outbox (@wamux/queue on BullMQ). A
// redis-server of its own (persistence off), the memory emulator in this
// process, N messages enqueued first, then 1 or 3 worker processes
// (bench/children/outbox-worker.mjs, concurrency 16 each) send them: with
// no vendor limit (what the outbox and Redis cost), and with 1,000 per
// second shared through Redis (whether the outbox keeps up with a real
// tier). Measured from the workers being ready to the last message sent.
// Targets: every message sent once and no 429; at the 1,000/s limit, at
// least 90% of it.
import { createProvider } from 'wamux';
import { localTargets } from 'wamux/emulators';
import { startChild } from '../lib/children.mjs';
import { redisServerInstalled, startRedisServer } from '../lib/redis-server.mjs';
import { formatCount } from '../lib/stats.mjs';

const LIMITED = { requests: 1_000, interval: 1_000 };
/** Without a vendor limit the provider's own limiter is off too; the emulator enforces none. */
const CASES = [
  { workers: 1, limit: false },
  { workers: 3, limit: false },
  { workers: 1, limit: LIMITED },
  { workers: 3, limit: LIMITED },
];

/** Runs row 6; adds its rows to `report`. Skipped (with a row saying so) when redis-server is not installed. */
export async function outbox(report, { quick }) {
  if (!redisServerInstalled()) {
    report.add({ suite: '6 · outbox jobs per second', case: 'all', measured: 'not run: redis-server is not installed', met: undefined });
    return;
  }
  const count = quick ? 2_000 : 10_000;
  const redis = await startRedisServer();
  const { createOutbox } = await import('@wamux/queue');
  try {
    let run = 0;
    for (const { workers, limit } of CASES) {
      run += 1;
      const queue = `bench-${run}`;
      const target = await localTargets.memory(limit ? { rateLimit: limit } : {});
      // The app's side: enqueues, checking each message against the provider's capabilities.
      const app = await createProvider(target.config);
      const outboxOf = createOutbox({ connection: redis.url, name: queue, provider: app, events: false });
      const children = [];
      try {
        for (let i = 0; i < count; i += 500) {
          await Promise.all(
            Array.from({ length: Math.min(500, count - i) }, (_, j) =>
              outboxOf.send({ type: 'text', to: `+90555${String(1_000_000 + i + j).slice(1)}`, text: 'Your order has shipped' }),
            ),
          );
        }
        for (let i = 0; i < workers; i += 1) {
          children.push(await startChild('outbox-worker.mjs', { config: target.config, limit, redis: redis.url, queue, concurrency: 16 }));
        }
        const started = performance.now();
        for (;;) {
          const counts = await outboxOf.counts();
          if (counts.queued === 0 && counts.sending === 0) break;
          if (performance.now() - started > 120_000) throw new Error(`outbox: ${JSON.stringify(counts)} after 120 s`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        const seconds = (performance.now() - started) / 1000;
        const stats = await Promise.all(children.map((child) => child.ask('stats')));
        const counts = await outboxOf.counts();
        const perRecipient = new Map();
        for (const delivered of target.emulator.delivered()) perRecipient.set(delivered.message.to, (perRecipient.get(delivered.message.to) ?? 0) + 1);
        const once = perRecipient.size === count && [...perRecipient.values()].every((n) => n === 1);
        const requests = target.emulator.requests().filter((r) => r.method === 'POST').length;
        const refused = requests - target.emulator.delivered().length;
        const rate = count / seconds;
        const cpuPerJob = stats.reduce((sum, s) => sum + s.cpuMicros, 0) / count;
        const limitText = limit ? `limit ${formatCount(limit.requests)}/s shared through Redis` : 'no vendor limit';
        report.add({
          suite: '6 · outbox jobs per second',
          case: `${workers} worker${workers > 1 ? 's' : ''}, ${formatCount(count)} jobs, ${limitText}`,
          measured: `${formatCount(rate)} jobs/s · ${cpuPerJob.toFixed(0)} µs worker CPU per job`,
          baseline: `${counts.sent} sent · ${counts.unknown} unknown · ${counts.dead_lettered} dead-lettered · ${refused} refused by the vendor · ${once ? 'every message once' : 'NOT every message once'}`,
          target: limit ? '≥ 90% of the limit, every message once, 0 refused' : 'every message once',
          met: once && refused === 0 && (!limit || rate >= 0.9 * limit.requests),
          value: { workers, limit, count, seconds, rate, cpuPerJobMicros: cpuPerJob, counts, refused, stats },
        });
      } finally {
        await Promise.all(children.map((child) => child.close(15_000)));
        await outboxOf.close();
        await app.close();
        await target.emulator.close();
      }
    }
  } finally {
    await redis.close();
  }
}

// Diagnostic, no target: core's rate limiter alone, no HTTP, configured with
// the tier of row 2 (1,000 per second) and 64 callers waiting, as `sendBulk`
// keeps them. The rate it grants is the ceiling of row 2 whatever the
// network does; the CPU time per acquire is its share of a send's cost.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createRateLimiter } from '@wamux/core/adapter';
import { formatCount } from '../../lib/stats.mjs';

const LIMIT = { requests: 1_000, interval: 1_000 };

/** Runs the limiter diagnostic; adds its row to `report`. */
export async function limiter(report, { quick }) {
  const total = quick ? 1_000 : 5_000;
  const rateLimiter = createRateLimiter(LIMIT);
  let granted = 0;
  // How late timers ran meanwhile: the limiter sleeps on them, and on a busy machine they fire late.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (granted < total) {
        granted += 1;
        await rateLimiter.acquire();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  delay.disable();
  const lateP99 = delay.percentile(99) / 1e6;
  // The first token is granted at once: n tokens at rate r span (n - 1) / r seconds.
  const rate = (total - 1) / seconds;
  report.add({
    section: 'diagnostic',
    suite: 'rate limiter (in process)',
    case: `${formatCount(total)} acquires, limit ${formatCount(LIMIT.requests)}/s, 64 waiting`,
    measured: `${formatCount(rate)}/s granted (${((rate / LIMIT.requests) * 100).toFixed(1)}% of the limit)`,
    baseline: `${((cpu.user + cpu.system) / total).toFixed(1)} µs CPU per acquire · timers late by p99 ${lateP99.toFixed(1)} ms`,
    ratio: rate / LIMIT.requests,
    value: { total, seconds, rate, cpuMicros: cpu.user + cpu.system, timerLatenessP99Ms: lateP99 },
  });
}

// A profiling harness, not a benchmark: row 2's sending process alone, to
// tell whether the sender is CPU-bound or the rate limiter loses slots.
// Build first (pnpm run build), then:
//   node bench/profile-sends.mjs getchat              # row 2's run: limit 1,000/s, 10 s
//   node bench/profile-sends.mjs getchat --no-limit   # no limiter, no vendor limit: what the send path does flat out
//   node bench/profile-sends.mjs limiter              # core's limiter alone, no HTTP, 1,000/s for 10 s
//   BENCH_CHILD_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/wamux-profiles' node bench/profile-sends.mjs getchat
// Prints the rate, the sender's CPU per send (user and system: loopback
// TCP is system time) and how late its timers ran (event-loop delay).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createRateLimiter } from '@wamux/core/adapter';
import { localTargets } from 'wamux/emulators';
import { startChild } from './lib/children.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'no-limit': { type: 'boolean' }, seconds: { type: 'string' } } });
const name = positionals[0] ?? 'getchat';
const seconds = Number(values.seconds ?? 10);
const LIMIT = { requests: 1_000, interval: 1_000 };
const ms = (ns) => (ns / 1e6).toFixed(1);

if (name === 'limiter') {
  // 64 callers waiting, as sendBulk keeps them; each grant is one token.
  const limiter = createRateLimiter(LIMIT);
  const total = LIMIT.requests * seconds;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let granted = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (granted < total) {
        granted += 1;
        await limiter.acquire();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  delay.disable();
  console.log(
    `limiter alone: ${((total - 1) / elapsed).toFixed(0)}/s granted of ${LIMIT.requests}/s · ${((cpu.user + cpu.system) / total).toFixed(1)} µs CPU per acquire · timer lateness p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms`,
  );
} else {
  const limit = values['no-limit'] ? false : LIMIT;
  const count = LIMIT.requests * seconds;
  const target = await localTargets[name]({ rateLimit: limit });
  try {
    const sender = await startChild('sender.mjs', { config: target.config, limit, count, concurrency: 64 });
    const vendorBefore = process.cpuUsage();
    let result;
    try {
      result = await sender.result(seconds * 20_000);
    } finally {
      await sender.close();
    }
    const vendor = process.cpuUsage(vendorBefore);
    const sends = target.emulator.requests().filter((r) => r.method === 'POST');
    const rate = (sends.length - 1) / ((sends.at(-1).at - sends[0].at) / 1000);
    const { eventLoopDelay: d } = result;
    console.log(
      `${name}${limit ? `, limit ${LIMIT.requests}/s` : ', no limit'}: ${rate.toFixed(0)}/s at the vendor · ${result.succeeded} sent, ${result.failed} failed, ${result.throttled} × 429, ${result.exhausted} answers with no request left in the window · sender CPU per send ${(result.userMicros / count).toFixed(0)} µs user + ${(result.systemMicros / count).toFixed(0)} µs system, ${((result.cpuMicros / 1e6 / result.seconds) * 100).toFixed(0)}% of a core · emulator CPU ${(((vendor.user + vendor.system) / 1e6 / result.seconds) * 100).toFixed(0)}% · sender timer lateness p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms, max ${d.max.toFixed(1)} ms`,
    );
  } finally {
    await target.emulator.close();
  }
}

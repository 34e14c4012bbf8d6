// Row 2, sustained sends at a real tier. Per adapter, the vendor's emulator
// enforces 1,000 messages per second (Meta's top tier per number) in this
// process, and a separate process (bench/children/sender.mjs) sends through
// the adapter, configured with that limit, for about 10 seconds. Targets: at
// least 97% of the limit, sustained between the first and the last send the
// vendor saw (start-up is not rate limiting); no 429; every message
// delivered once. Also reported: the CPU time per send of the sending
// process, the CPU use of both sides (an emulator near 100% of a core set
// the pace, not the sender), and how late the sender's timers ran (the rate
// limiter sleeps on them: a slot it wakes up too late for is lost).
import { localTargets } from 'wamux/emulators';
import { startChild } from '../lib/children.mjs';
import { formatCount } from '../lib/stats.mjs';

const LIMIT = { requests: 1_000, interval: 1_000 };

/** Runs row 2 for `providers`; adds its rows to `report`. */
export async function sustainedSends(report, { quick, providers }) {
  const seconds = quick ? 2 : 10;
  const count = (LIMIT.requests * seconds * 1000) / LIMIT.interval;
  for (const provider of providers) {
    const target = await localTargets[provider]({ rateLimit: LIMIT });
    try {
      const sender = await startChild('sender.mjs', { config: target.config, limit: LIMIT, count, concurrency: 64 });
      // This process is the vendor while the sender runs: its CPU use says
      // whether the emulator, rather than the sender, set the pace.
      const vendorCpuBefore = process.cpuUsage();
      let result;
      try {
        result = await sender.result(seconds * 10_000);
      } finally {
        await sender.close();
      }
      const vendorCpu = process.cpuUsage(vendorCpuBefore);
      const vendorShare = (vendorCpu.user + vendorCpu.system) / 1e6 / result.seconds;
      const senderShare = result.cpuMicros / 1e6 / result.seconds;
      if (result.succeeded === 0) throw new Error(`${provider}: not one send succeeded (${result.failures.join('; ')})`);
      // The sends the vendor saw, in order of arrival (the emulator records every API request).
      const sends = target.emulator.requests().filter((r) => r.method === 'POST');
      const span = (sends.at(-1).at - sends[0].at) / 1000;
      const rate = (sends.length - 1) / span;
      const utilization = rate / ((LIMIT.requests * 1000) / LIMIT.interval);
      const perRecipient = new Map();
      for (const delivered of target.emulator.delivered()) perRecipient.set(delivered.message.to, (perRecipient.get(delivered.message.to) ?? 0) + 1);
      const twice = [...perRecipient.values()].filter((n) => n > 1).length;
      const once = perRecipient.size === count && twice === 0;
      const cpuPerSend = result.cpuMicros / count;
      report.add({
        section: 'user',
        suite: '2 · sustained sends',
        case: `${provider}: ${formatCount(count)} sends, limit ${formatCount(LIMIT.requests)}/s`,
        measured: `${(utilization * 100).toFixed(1)}% of the limit (${formatCount(rate)}/s) · ${cpuPerSend.toFixed(0)} µs CPU per send · sender CPU ${(senderShare * 100).toFixed(0)}%, emulator CPU ${(vendorShare * 100).toFixed(0)}%`,
        baseline: `${result.throttled} × 429 · ${result.failed} failed · ${once ? 'every message once' : `${perRecipient.size} of ${count} delivered, ${twice} twice`} · sender timers late by p99 ${result.eventLoopDelay.p99.toFixed(1)} ms`,
        target: '≥ 97%, 0 × 429, every message once',
        met: utilization >= 0.97 && result.throttled === 0 && result.failed === 0 && once,
        value: { ...result, rate, utilization, cpuPerSendMicros: cpuPerSend, senderShare, vendorShare, vendorRequests: sends.length },
      });
    } finally {
      await target.emulator.close();
    }
  }
}

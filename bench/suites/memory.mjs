// Row 4, memory: heap growth over 1,000,000 webhook deliveries through the
// handler with its default stores, per adapter (bench/children/memory.mjs,
// one process each, with --expose-gc). Target: under 10 MB. The Redis
// stores get their own row when they exist.
import { localTargets } from 'wamux/emulators';
import { captureInbound } from '../bodies/capture.mjs';
import { startChild } from '../lib/children.mjs';
import { formatCount } from '../lib/stats.mjs';

const MB = 1024 * 1024;

/** Runs row 4 for `providers`; adds its rows to `report`. */
export async function memory(report, { quick, providers }) {
  const deliveries = quick ? 40_000 : 1_000_000;
  // Twice the default dedupe capacity, so the stores are full before the first reading.
  const warm = 20_000;
  for (const provider of providers) {
    const target = await localTargets[provider]({ rateLimit: false });
    let captured;
    try {
      captured = await captureInbound(target.emulator);
    } finally {
      await target.emulator.close();
    }
    const child = await startChild('memory.mjs', { provider, config: target.config, captured, deliveries, warm }, { execArgv: ['--expose-gc'] });
    let result;
    try {
      result = await child.result();
    } finally {
      await child.close();
    }
    const growth = result.growthBytes / MB;
    const lost = result.deliveries - result.stored;
    report.add({
      section: 'user',
      suite: '4 · memory',
      case: `${provider}: ${formatCount(deliveries)} deliveries, default stores`,
      measured: `${growth.toFixed(2)} MB heap growth after GC (quarters: ${result.quarters.map((b) => (b / MB).toFixed(1)).join(' / ')} MB)`,
      baseline: `${formatCount(result.stored)} events stored in ${result.seconds.toFixed(1)} s${result.refused ? ` · ${formatCount(result.refused)} refused` : ''}${lost > 0 ? ` · ${formatCount(lost)} not stored` : ''}`,
      target: '< 10 MB',
      met: growth < 10 && result.refused === 0 && lost === 0,
      value: result,
    });
  }
}

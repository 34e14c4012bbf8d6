// Row 4, memory: heap growth over 1,000,000 webhook deliveries through the
// handler (bench/children/memory.mjs, one process each, with --expose-gc).
// Target: under 10 MB.
// - With the default stores (in memory), per adapter: single-message deliveries.
// - With the Redis stores (dedupe and status order of @wamux/redis on an
//   ioredis client, against a redis-server of the suite's own, persistence
//   off), on one adapter (the stores do not depend on it): messages and
//   statuses alternating, so both stores work; the heap measured is the
//   client process's. Skipped, with a row saying so, when redis-server is
//   not installed.
import { localTargets } from 'wamux/emulators';
import { CAPTURED_STATUS_ID, captureInbound, captureStatus } from '../bodies/capture.mjs';
import { startChild } from '../lib/children.mjs';
import { redisServerInstalled, startRedisServer } from '../lib/redis-server.mjs';
import { formatCount } from '../lib/stats.mjs';

const MB = 1024 * 1024;
/** The adapter of the Redis-stores case: get.chat posts Cloud API bodies. */
const REDIS_PROVIDER = 'getchat';
const CASE = 'heap growth after GC';

/** Runs row 4 for `providers`; adds its rows to `report`. */
export async function memory(report, { quick, providers }) {
  const deliveries = quick ? 40_000 : 1_000_000;
  // Twice the default dedupe capacity, so the stores are full before the first reading.
  const warm = 20_000;
  for (const provider of providers) {
    const result = await measure({ provider, deliveries, warm });
    addRow(report, result, `${provider}: ${formatCount(deliveries)} deliveries, default stores`);
  }
  if (!providers.includes(REDIS_PROVIDER)) return;
  const title = `${REDIS_PROVIDER}: ${formatCount(deliveries)} deliveries (messages and statuses), Redis stores`;
  if (!redisServerInstalled()) {
    report.add({ suite: '4 · memory', case: title, measured: 'not measured: redis-server is not installed', baseline: '', target: '', met: undefined });
    return;
  }
  const redis = await startRedisServer();
  try {
    const result = await measure({ provider: REDIS_PROVIDER, deliveries, warm, redis: redis.url });
    addRow(report, result, title, ` · redis-server ${redis.version}`);
  } finally {
    await redis.close();
  }
}

/** Captures the adapter's deliveries from its emulator and runs the child; resolves with its result. */
async function measure({ provider, deliveries, warm, redis }) {
  const target = await localTargets[provider]({ rateLimit: false });
  let captured;
  let capturedStatus;
  try {
    captured = await captureInbound(target.emulator);
    if (redis !== undefined) capturedStatus = await captureStatus(target.emulator);
  } finally {
    await target.emulator.close();
  }
  const input = {
    provider,
    config: target.config,
    captured,
    deliveries,
    warm,
    ...(redis === undefined ? {} : { redis, capturedStatus, statusId: CAPTURED_STATUS_ID }),
  };
  const child = await startChild('memory.mjs', input, { execArgv: ['--expose-gc'] });
  try {
    return await child.result();
  } finally {
    await child.close();
  }
}

function addRow(report, result, title, extra = '') {
  const growth = result.growthBytes / MB;
  const lost = result.deliveries - result.stored;
  report.add({
    section: 'user',
    suite: '4 · memory',
    case: title,
    measured: `${growth.toFixed(2)} MB ${CASE} (quarters: ${result.quarters.map((b) => (b / MB).toFixed(1)).join(' / ')} MB)`,
    baseline: `${formatCount(result.stored)} events stored in ${result.seconds.toFixed(1)} s${result.refused ? ` · ${formatCount(result.refused)} refused` : ''}${lost > 0 ? ` · ${formatCount(lost)} not stored` : ''}${extra}`,
    target: '< 10 MB',
    met: growth < 10 && result.refused === 0 && lost === 0,
    value: result,
  });
}

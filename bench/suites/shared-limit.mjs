// Row 3, one limit across processes. Four sending processes
// (bench/children/sender.mjs), each configured with the same vendor limit
// and the same Redis URL, so `createProvider` keeps the limit in Redis and
// the four share it, send to one Desk360 emulator that enforces that limit
// with 429s. Targets: together at least 97% of the limit, measured between
// the first and the last send the vendor saw; no 429; every message once.
// Also: the cost of one `take` on the Redis rate-limit store (one round trip
// to a local redis-server), from this process.
import { localTargets } from 'wamux/emulators';
import { startChild } from '../lib/children.mjs';
import { redisServerInstalled, startRedisServer } from '../lib/redis-server.mjs';
import { formatCount } from '../lib/stats.mjs';

const PROCESSES = 4;

/** Runs row 3; adds its rows to `report`. */
export async function sharedLimit(report, { quick }) {
  if (!redisServerInstalled()) {
    report.add({
      section: 'user',
      suite: '3 · one limit across processes',
      case: 'not measured',
      measured: 'redis-server is not installed',
      baseline: '',
      target: '',
      met: undefined,
    });
    return;
  }
  const redis = await startRedisServer();
  try {
    const limits = quick
      ? [{ requests: 60, interval: 1_000, seconds: 2 }]
      : [
          { requests: 60, interval: 1_000, seconds: 10 },
          { requests: 1_000, interval: 1_000, seconds: 10 },
        ];
    for (const { seconds, ...limit } of limits) await measureShared(report, redis, limit, seconds);
    await measureTake(report, redis, quick ? 2_000 : 20_000);
  } finally {
    await redis.close();
  }
}

async function measureShared(report, redis, limit, seconds) {
  const target = await localTargets.desk360({ rateLimit: limit });
  const total = (limit.requests * seconds * 1000) / limit.interval;
  const share = total / PROCESSES;
  try {
    const senders = await Promise.all(
      Array.from({ length: PROCESSES }, (_, i) =>
        startChild('sender.mjs', { config: target.config, limit, count: share, concurrency: 16, offset: i * share, redis: `${redis.url}/0` }),
      ),
    );
    let results;
    try {
      results = await Promise.all(senders.map((sender) => sender.result(seconds * 10_000)));
    } finally {
      await Promise.all(senders.map((sender) => sender.close()));
    }
    const sends = target.emulator.requests().filter((r) => r.method === 'POST');
    const span = (sends.at(-1).at - sends[0].at) / 1000;
    const rate = (sends.length - 1) / span;
    const utilization = rate / ((limit.requests * 1000) / limit.interval);
    const throttled = results.reduce((sum, r) => sum + r.throttled, 0);
    const failed = results.reduce((sum, r) => sum + r.failed, 0);
    const perRecipient = new Map();
    for (const delivered of target.emulator.delivered()) perRecipient.set(delivered.message.to, (perRecipient.get(delivered.message.to) ?? 0) + 1);
    const twice = [...perRecipient.values()].filter((n) => n > 1).length;
    const once = perRecipient.size === total && twice === 0;
    if (results.every((r) => r.succeeded === 0)) throw new Error(`shared limit: not one send succeeded (${results.flatMap((r) => r.failures).join('; ')})`);
    report.add({
      section: 'user',
      suite: '3 · one limit across processes',
      case: `${PROCESSES} processes, Redis limiter, limit ${formatCount(limit.requests)}/s, ${formatCount(total)} sends`,
      measured: `${(utilization * 100).toFixed(1)}% of the limit together (${formatCount(rate)}/s)`,
      baseline: `${throttled} × 429 · ${failed} failed · ${once ? 'every message once' : `${perRecipient.size} of ${total} delivered, ${twice} twice`}`,
      target: '≥ 97%, 0 × 429, every message once',
      met: utilization >= 0.97 && throttled === 0 && failed === 0 && once,
      value: { rate, utilization, throttled, failed, once, processes: PROCESSES, limit },
    });
  } finally {
    await target.emulator.close();
  }
}

async function measureTake(report, redis, count) {
  const { connectRedisStores } = await import('@wamux/redis');
  const stores = await connectRedisStores(redis.url);
  try {
    const rule = { capacity: 1e9, refillPerMs: 1e6 };
    for (let i = 0; i < 200; i += 1) await stores.rateLimit.take('bench:warm', rule, Date.now());
    const started = performance.now();
    for (let i = 0; i < count; i += 1) await stores.rateLimit.take('bench:take', rule, Date.now());
    const micros = ((performance.now() - started) * 1000) / count;
    report.add({
      section: 'user',
      suite: '3 · one limit across processes',
      case: `one take on the Redis rate-limit store (${formatCount(count)} in a row)`,
      measured: `${micros.toFixed(0)} µs per take (one round trip to a local redis-server ${redis.version})`,
      baseline: '',
      target: '',
      met: undefined,
      value: { micros, count },
    });
  } finally {
    await stores.close();
  }
}

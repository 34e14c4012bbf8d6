// The sending app of row 2, alone in its process: one provider, configured
// with the number's tier as its rate limit, sends `count` text messages to
// distinct recipients through `sendBulk`, as a campaign would. Reports what
// it saw (429 answers, failures) and the CPU time this process spent, which
// is the cost of sending: the vendor (the emulator) lives in the parent.
// Input (argv JSON): { config, limit: { requests, interval }, count, concurrency,
// offset?, redis? }: with `redis` (a URL) the limit is kept in Redis and shared
// with every other sender given the same URL (row 3); `offset` numbers this
// sender's recipients after the others'.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { reportFatal } from '../lib/children.mjs';

const { config, limit, count, concurrency, offset = 0, redis } = JSON.parse(process.argv[2]);

/** The recipient of message `i`: distinct E.164 numbers. */
const recipientOf = (i) => `+90555${String(1_000_000 + i).slice(1)}`;

try {
  const { createProvider, sendBulk } = await import('wamux');
  let throttled = 0;
  // Answers that said the vendor's window is used up: the client then pauses until it resets.
  let exhausted = 0;
  const provider = await createProvider({
    ...config,
    ...(redis === undefined ? {} : { redis }),
    rateLimit: limit,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 429) throttled += 1;
      else if (response.headers.get('x-ratelimit-remaining') === '0') exhausted += 1;
      return response;
    },
  });
  process.send({ type: 'ready' });
  const recipients = Array.from({ length: count }, (_, i) => recipientOf(offset + i));
  // How late this process's timers run while it sends: the rate limiter
  // sleeps on timers, and a slot it wakes up too late for is lost.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const summary = await sendBulk(provider, { recipients, concurrency, message: (to) => ({ type: 'text', to, text: 'Your order has shipped' }) });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  loopDelay.disable();
  const delayMs = (ns) => ns / 1e6;
  const eventLoopDelay = { p50: delayMs(loopDelay.percentile(50)), p99: delayMs(loopDelay.percentile(99)), max: delayMs(loopDelay.max) };
  await provider.close();
  const failures = summary.results
    .filter((r) => !r.ok)
    .slice(0, 3)
    .map((r) => `${r.error.code ?? r.error.name}: ${r.error.message}`);
  process.send(
    {
      type: 'result',
      succeeded: summary.succeeded,
      failed: summary.failed,
      failures,
      throttled,
      exhausted,
      seconds,
      cpuMicros: cpu.user + cpu.system,
      userMicros: cpu.user,
      systemMicros: cpu.system,
      eventLoopDelay,
    },
    () => process.disconnect(),
  );
} catch (error) {
  reportFatal(error);
}

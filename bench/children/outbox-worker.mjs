// A worker process of row 6: one provider (the memory adapter against the
// emulator in the parent; with a limit, shared through Redis by every
// worker) and one outbox worker. Sends what the queue holds; `stats`
// answers what it sent and the CPU time it spent; `close` shuts it down
// gracefully.
// Input (argv JSON): { config, limit: { requests, interval } | false, redis, queue, concurrency }.
import { reportFatal, serveParent } from '../lib/children.mjs';

const { config, limit, redis, queue, concurrency } = JSON.parse(process.argv[2]);

try {
  const { createProvider } = await import('wamux');
  const { startOutboxWorker } = await import('@wamux/queue');
  const provider = await createProvider({ ...config, rateLimit: limit, ...(limit ? { redis } : {}), retry: false });
  const cpuBefore = process.cpuUsage();
  const worker = startOutboxWorker({ connection: redis, name: queue, provider, concurrency });
  let sent = 0;
  let failed = 0;
  worker.on('sent', () => (sent += 1));
  worker.on('attemptFailed', () => (failed += 1));
  worker.on('unknown', () => (failed += 1));
  serveParent(
    {},
    {
      stats: () => {
        const cpu = process.cpuUsage(cpuBefore);
        return { sent, failed, cpuMicros: cpu.user + cpu.system };
      },
    },
    async () => {
      await worker.close();
      await provider.close();
    },
  );
} catch (error) {
  reportFatal(error);
}

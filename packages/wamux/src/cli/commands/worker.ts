import { parseCommandLine, positiveInteger, type Command } from '../command';
import { note } from '../io';
import { loadQueue, QUEUE_OPTIONS, QUEUE_USAGE, queueConnection } from '../queue-flags';
import { openTarget } from '../target';
import { TARGET_OPTIONS, TARGET_USAGE } from '../target-flags';

const OPTIONS = {
  ...TARGET_OPTIONS,
  ...QUEUE_OPTIONS,
  concurrency: { type: 'string' },
  'lock-duration': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

const USAGE = `Usage: wamux worker --queue <redis-url> [options]

Runs a worker of the durable outbox (@wamux/queue, docs/outbox.md): takes
the messages "wamux bulk --queue" or an app enqueued and sends them through
the configured provider. Run as many as you like, anywhere: give their
provider a shared Redis rate limit (its "redis" option or WAMUX_REDIS_URL)
so that the vendor's limit holds across all of them.

SIGTERM or Ctrl-C stops taking messages and waits for those in flight to
finish (sent, or handed back for a retry): none is lost or sent twice.

${QUEUE_USAGE}
  --concurrency <n>       Messages in flight at once (default 8)
  --lock-duration <ms>    How long a dead worker's messages wait before another takes them (default 30000)
  -q, --quiet             No progress output

${TARGET_USAGE}`;

/** `wamux worker`. */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run a worker of the durable outbox: send what is queued in Redis',
  usage: USAGE,
  async run(args) {
    const { values } = parseCommandLine(args, OPTIONS);
    const { connection, name } = queueConnection(values, process.env);
    const concurrency = positiveInteger(values.concurrency, '--concurrency', 8);
    const lockDuration = positiveInteger(values['lock-duration'], '--lock-duration', 30_000);
    const { startOutboxWorker } = await loadQueue();
    const target = await openTarget(values);
    const worker = startOutboxWorker({ connection, name, provider: target.provider, concurrency, lockDuration });
    const counts = { sent: 0, retried: 0, failed: 0, unknown: 0 };
    worker.on('sent', () => {
      counts.sent += 1;
    });
    worker.on('attemptFailed', ({ willRetry }) => {
      if (willRetry) counts.retried += 1;
      else counts.failed += 1;
    });
    worker.on('unknown', ({ jobId, failure }) => {
      counts.unknown += 1;
      if (!values.quiet) note(`worker: ${jobId}: outcome unknown (${failure.code}): settle it with "wamux outbox settle"`);
    });
    worker.on('error', (error) => note(`worker: ${error.message}`));
    const line = () => `worker: ${counts.sent} sent, ${counts.retried} attempts to retry, ${counts.failed} dead-lettered, ${counts.unknown} unknown`;
    if (!values.quiet)
      note(`worker: sending from the outbox through ${target.name} (${target.source}), ${concurrency} at once; SIGTERM or Ctrl-C stops gracefully`);
    let last = '';
    const timer = setInterval(() => {
      const now = line();
      if (!values.quiet && now !== last) note(now);
      last = now;
    }, 5_000);
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    clearInterval(timer);
    if (!values.quiet) note(`worker: ${signal}: finishing the messages in flight`);
    await worker.close();
    await target.close();
    note(line());
    return 0;
  },
};

// A worker process: a Desk360 provider (behind the fault proxy) whose
// limiter shares one Redis bucket with its siblings, and an outbox worker.
// SIGTERM closes it gracefully; SIGKILL is what the parent sends to crash it.
import { createDesk360Provider } from '@wamux/desk360';
import { handleSigterm, startOutboxWorker } from '@wamux/queue';
import { createRedisRateLimitStore } from '@wamux/redis';
import { Redis } from 'ioredis';
import { exitWithParent, toParent } from '../../../redis/test/multi-process/ipc';

async function main() {
  exitWithParent();
  const env = process.env;
  const client = new Redis(env.WAMUX_TEST_REDIS_URL as string, { retryStrategy: (times) => Math.min(times * 50, 200) });
  client.on('error', () => undefined);
  const store = createRedisRateLimitStore(client, {
    prefix: env.WAMUX_TEST_PREFIX,
    timeout: 1000,
    retryInterval: 100,
    fallbackShare: Number(env.WAMUX_TEST_FALLBACK_SHARE ?? 1),
  });
  const provider = createDesk360Provider({
    baseUrl: env.WAMUX_TEST_VENDOR_URL as string,
    apiKey: env.WAMUX_TEST_API_KEY as string,
    integrationId: env.WAMUX_TEST_INTEGRATION_ID as string,
    allowInsecureHttp: true,
    allowUnauthenticatedWebhooks: true,
    // The outbox does the retrying: every failure reaches it as it happened.
    retry: false,
    // Generous, so that a busy machine does not turn a slow answer into an unknown outcome.
    timeout: 15_000,
    rateLimit: { requests: Number(env.WAMUX_TEST_LIMIT), interval: 1000, store, key: 'desk360:queue-test' },
  });
  const worker = startOutboxWorker({
    connection: env.WAMUX_TEST_REDIS_URL as string,
    name: env.WAMUX_TEST_QUEUE as string,
    provider,
    concurrency: 8,
    lockDuration: Number(env.WAMUX_TEST_LOCK ?? 15_000),
    stalledInterval: Number(env.WAMUX_TEST_LOCK ?? 15_000) / 2,
    backoff: { delay: 100, max: 2_000 },
  });
  let sent = 0;
  worker.on('sent', () => {
    sent += 1;
    if (sent === 1) toParent({ type: 'first-sent' });
  });
  worker.on('error', () => undefined);
  handleSigterm([worker], (failed) => {
    toParent({ type: 'closed', failed, sent });
    void provider.close().finally(() => process.exit(failed ? 1 : 0));
  });
  toParent({ type: 'ready', pid: process.pid });
}

void main().catch((error: unknown) => {
  toParent({ type: 'crashed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

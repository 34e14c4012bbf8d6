// A sending process: a Desk360 provider whose limiter shares one Redis
// bucket with its siblings. Sends what the parent asks, and says how it went.
import { sendBulk } from '@wamux/core';
import { createDesk360Provider } from '@wamux/desk360';
import { createRedisRateLimitStore } from '@wamux/redis';
import { exitWithParent, onRequest, toParent } from './ipc';
import { connectFromEnv } from './redis-client';

async function main() {
  exitWithParent();
  const client = await connectFromEnv();
  const store = createRedisRateLimitStore(client, {
    prefix: process.env.WAMUX_TEST_PREFIX,
    whenUnavailable: process.env.WAMUX_TEST_WHEN_UNAVAILABLE === 'fail' ? 'fail' : 'memory',
    fallbackShare: Number(process.env.WAMUX_TEST_FALLBACK_SHARE ?? 1),
    timeout: Number(process.env.WAMUX_TEST_STORE_TIMEOUT ?? 1000),
    retryInterval: 100,
  });
  const storeErrors: string[] = [];
  store.on('error', (error) => storeErrors.push(error.code));
  let throttled = 0;
  const provider = createDesk360Provider({
    baseUrl: process.env.WAMUX_TEST_EMULATOR_URL as string,
    apiKey: process.env.WAMUX_TEST_API_KEY as string,
    integrationId: process.env.WAMUX_TEST_INTEGRATION_ID as string,
    allowInsecureHttp: true,
    allowUnauthenticatedWebhooks: true,
    rateLimit: { requests: 60, interval: 1000, store, key: 'desk360:shared-account' },
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 429) throttled += 1;
      return response;
    },
  });
  onRequest('send', async ({ recipients, retry }) => {
    const summary = await sendBulk(provider, {
      recipients: recipients as string[],
      concurrency: 8,
      retry: retry as { limit: number; delay: number } | undefined,
      message: (to) => ({ type: 'text', to, text: 'one limit, four processes' }),
    });
    const errors = summary.results.flatMap((result) =>
      result.ok ? [] : [{ to: result.recipient, code: (result.error as { code?: string }).code, delivery: result.delivery }],
    );
    return { succeeded: summary.succeeded, failed: summary.failed, throttled, storeErrors, errors };
  });
  toParent({ type: 'ready', pid: process.pid });
}

void main().catch((error: unknown) => {
  toParent({ type: 'crashed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

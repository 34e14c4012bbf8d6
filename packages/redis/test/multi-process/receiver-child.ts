// A webhook-receiving process: node:http in front of createWebhookHandler,
// with the dedupe and status order kept in Redis. It records every event
// its listeners processed, and can be told to hang in a listener.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, parseJsonBody, type DeliveryStatus, type Provider, type WebhookEvent } from '@wamux/core/adapter';
import { createRedisDedupeStore, createRedisStatusOrderStore } from '@wamux/redis';
import { exitWithParent, onRequest, toParent } from './ipc';
import { connectFromEnv } from './redis-client';

/** One event per item: `{ kind: 'message', id }` or `{ kind: 'status', id, status }`. */
type Item = { kind: 'message'; id: string } | { kind: 'status'; id: string; status: DeliveryStatus };

/** A provider reduced to what the handler uses: its name and a parser of the test's own format. */
const provider = {
  name: 'multi',
  parseWebhook: async (request) => {
    const { items } = parseJsonBody(request, 'multi') as { items: Item[] };
    return {
      events: items.map(
        (item): WebhookEvent =>
          item.kind === 'message'
            ? ({
                type: 'message',
                provider: 'multi',
                message: {
                  id: item.id,
                  from: '+905551112233',
                  customer: { phone: '+905551112233' },
                  timestamp: new Date(0),
                  content: { type: 'text', text: 'hi' },
                },
                raw: item,
              } as WebhookEvent)
            : { type: 'status', provider: 'multi', status: { messageId: item.id, status: item.status }, raw: item },
      ),
    };
  },
} as Pick<Provider, 'name' | 'parseWebhook'> as Provider;

/** What a listener processed, and when (one clock: every process runs on this machine). */
interface Processed {
  id: string;
  status?: DeliveryStatus | undefined;
  at: number;
}

async function main() {
  exitWithParent();
  const client = await connectFromEnv();
  const prefix = process.env.WAMUX_TEST_PREFIX;
  const dedupe = createRedisDedupeStore(client, { prefix, timeout: 500, retryInterval: 100 });
  const statusOrder = createRedisStatusOrderStore(client, { prefix, timeout: 500, retryInterval: 100 });
  const webhooks = createWebhookHandler(provider, {
    dedupe,
    statusOrder,
    listenerTimeout: Number(process.env.WAMUX_TEST_LISTENER_TIMEOUT ?? 4000),
  });
  const processed: Processed[] = [];
  const started: string[] = [];
  let hangOn: string | undefined;

  const work = async (id: string, status?: DeliveryStatus) => {
    started.push(status ? `${id}:${status}` : id);
    if (id === hangOn) {
      toParent({ type: 'hanging', id });
      await new Promise(() => undefined);
    }
    // A little work, so that concurrent deliveries overlap in the listeners.
    if (Math.random() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    processed.push({ id, status, at: Date.now() });
  };
  webhooks.on('message', ({ message }) => work(message.id));
  webhooks.on('status', ({ status }) => work(status.messageId, status.status));

  const server = createServer((req, res) => void webhooks.node(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onRequest('hang', ({ on }) => {
    hangOn = on as string;
    return {};
  });
  onRequest('report', () => ({ processed, started }));
  toParent({ type: 'ready', port: (server.address() as AddressInfo).port, pid: process.pid });
}

void main().catch((error: unknown) => {
  toParent({ type: 'crashed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

// Row 4, in a process of its own started with --expose-gc, so nothing else
// is on the heap: `deliveries` webhook deliveries of one event, each with a
// fresh id, through `createWebhookHandler(provider)` and an async listener
// that awaits, as an app that stores the event does. The stores are the
// handler's defaults (in memory), or with `redis` (a URL) the dedupe and
// status order stores of @wamux/redis on an ioredis client in this process;
// then the heap measured is the client's (the keys live in redis-server).
// With `capturedStatus`, every other delivery is a status of a fresh message
// (what the status order store handles) instead of a message.
// The heap is read after full GCs once the stores are warm (after the
// warm-up) and again at every quarter of the run.
// Input (argv JSON): { provider, config, captured, capturedStatus?, statusId?, redis?, deliveries, warm }.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { deliveryTemplate, statusTemplate } from '../bodies/deliveries.mjs';
import { reportFatal } from '../lib/children.mjs';

const { provider: name, config, captured, capturedStatus, statusId, redis, deliveries, warm } = JSON.parse(process.argv[2]);
const IN_FLIGHT = 64;

try {
  const [{ createWebhookHandler, webhookRequest }, { createProvider }] = await Promise.all([import('@wamux/core'), import('wamux')]);
  const provider = await createProvider({ ...config, rateLimit: false });
  const stores = redis === undefined ? undefined : await (await import('@wamux/redis')).connectRedisStores(redis, { library: 'ioredis' });
  const handler = createWebhookHandler(provider, stores ? { dedupe: stores.dedupe, statusOrder: stores.statusOrder } : {});
  let stored = 0;
  const store = async () => {
    await nextTurn();
    stored += 1;
  };
  handler.on('message', store);
  handler.on('status', store);
  const messages = deliveryTemplate(name, captured, 1);
  const statuses = capturedStatus === undefined ? undefined : statusTemplate(name, capturedStatus, statusId);
  const templateOf = (n) => (statuses && n % 2 === 0 ? statuses : messages);
  let refused = 0;
  let firstRefusal;
  let next = 0;

  /** Handles deliveries next..next+count, IN_FLIGHT at a time, then lets the listeners' turns run. */
  const run = async (count) => {
    const end = next + count;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < end) {
          next += 1;
          const template = templateOf(next);
          const outcome = await handler.handle(
            webhookRequest({ url: `http://127.0.0.1${template.path}`, headers: template.headers, body: template.body(next) }),
          );
          if (outcome.status !== 200) {
            refused += 1;
            firstRefusal ??= `${outcome.status} ${outcome.error?.code ?? ''} ${outcome.error?.message ?? ''}`;
          }
        }
      }),
    );
    for (let i = 0; i < 3; i += 1) await nextTurn();
  };
  const heap = () => {
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };

  process.send({ type: 'ready' });
  await run(warm);
  if (refused > 0) throw new Error(`the handler refused a well-formed delivery: ${firstRefusal}`);
  stored = 0;
  const before = heap();
  const quarters = [];
  const started = performance.now();
  for (let q = 0; q < 4; q += 1) {
    await run(deliveries / 4);
    quarters.push(heap() - before);
  }
  const seconds = (performance.now() - started) / 1000;
  await stores?.close();
  await provider.close();
  process.send({ type: 'result', deliveries, stored, refused, firstRefusal, growthBytes: quarters[3], quarters, seconds }, () => process.disconnect());
} catch (error) {
  reportFatal(error);
}

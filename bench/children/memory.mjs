// Row 4, in a process of its own started with --expose-gc, so nothing else
// is on the heap: `deliveries` webhook deliveries of one message, each with a
// fresh id, through `createWebhookHandler(provider)` with its default stores
// and an async listener that awaits, as an app that stores the event does.
// The heap is read after full GCs once the default stores are full (after
// the warm-up) and again at every quarter of the run.
// Input (argv JSON): { provider, config, captured, deliveries, warm }.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { deliveryTemplate } from '../bodies/deliveries.mjs';
import { reportFatal } from '../lib/children.mjs';

const { provider: name, config, captured, deliveries, warm } = JSON.parse(process.argv[2]);
const IN_FLIGHT = 64;

try {
  const [{ createWebhookHandler, webhookRequest }, { createProvider }] = await Promise.all([import('@wamux/core'), import('wamux')]);
  const provider = await createProvider({ ...config, rateLimit: false });
  const handler = createWebhookHandler(provider);
  let stored = 0;
  handler.on('message', async () => {
    await nextTurn();
    stored += 1;
  });
  const template = deliveryTemplate(name, captured, 1);
  const url = `http://127.0.0.1${template.path}`;
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
          const outcome = await handler.handle(webhookRequest({ url, headers: template.headers, body: template.body(next) }));
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
  await provider.close();
  process.send({ type: 'result', deliveries, stored, refused, firstRefusal, growthBytes: quarters[3], quarters, seconds }, () => process.disconnect());
} catch (error) {
  reportFatal(error);
}

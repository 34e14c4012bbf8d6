// Memory: the webhook handler ingesting one million events with dedupe on
// must grow the heap by less than 10 MB after GC. Run in a child process
// with --expose-gc (bench/run.mjs does that) so nothing else is on the heap.
import { createWebhookHandler, webhookRequest } from '@wamux/core';
import { createMemoryProvider } from '@wamux/testing';

const total = Number(process.argv[2] ?? 1_000_000);
const perDelivery = 100;

const provider = createMemoryProvider({ baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'bench-key', allowInsecureHttp: true, rateLimit: false });
const handler = createWebhookHandler(provider); // dedupe on: the default bounded store
let seen = 0;
handler.on('message', () => {
  seen += 1;
});

const delivery = (batch) => {
  const events = [];
  for (let i = 0; i < perDelivery; i += 1) {
    events.push({ kind: 'message', message: { id: `m${batch}-${i}`, from: '+905551112233', timestamp: '2026-11-21T10:00:00.000Z', content: { type: 'text', text: 'Hello there' } } });
  }
  return webhookRequest({ body: JSON.stringify({ events }) });
};

const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

// Warm up (JIT, the dedupe store reaching its capacity), then measure.
for (let b = 0; b < 200; b += 1) await handler.handle(delivery(`warm${b}`));
seen = 0;
const before = heap();
const started = process.hrtime.bigint();
for (let b = 0; b < total / perDelivery; b += 1) await handler.handle(delivery(b));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const after = heap();
process.stdout.write(JSON.stringify({ events: total, emitted: seen, growthBytes: after - before, seconds }));

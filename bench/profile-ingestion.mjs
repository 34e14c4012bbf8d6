// A profiling harness, not a benchmark: runs one adapter's webhook ingestion
// in a loop so a profiler sees only the hot path, and prints the time per
// delivery and its ratio to JSON.parse. Build first (pnpm run build), then:
//   node --cpu-prof bench/profile-ingestion.mjs getchat batch
// (provider: desk360 | getchat | messaging-api; `batch` for 100 items).
import { createWebhookHandler } from '@wamux/core';
import { createProvider } from 'wamux';
import { localTargets } from 'wamux/emulators';
import { batchOf } from './bodies/batches.mjs';
import { captureInbound, startSink } from './bodies/capture.mjs';
const name = process.argv[2] ?? 'desk360';
const sink = await startSink();
const target = await localTargets[name]({ rateLimit: false });
const provider = await createProvider({ ...target.config, rateLimit: false });
const handler = createWebhookHandler(provider, { dedupe: false });
handler.on('message', () => {});
const single = await captureInbound(target.emulator, sink);
const batch = batchOf(name, single, 100);
const req = process.argv[3] === 'batch' ? batch : single;
const n = process.argv[3] === 'batch' ? 3000 : 100000;
for (let i = 0; i < n / 10; i++) await handler.handle(req);
const t = process.hrtime.bigint();
for (let i = 0; i < n; i++) await handler.handle(req);
const per = Number(process.hrtime.bigint() - t) / n;
const t2 = process.hrtime.bigint();
for (let i = 0; i < n; i++) JSON.parse(req.body);
console.log(name, process.argv[3] ?? 'single', (per / 1000).toFixed(2), 'µs', 'ratio', (per / (Number(process.hrtime.bigint() - t2) / n)).toFixed(2));
await target.emulator.close(); await sink.close();

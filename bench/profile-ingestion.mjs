// A profiling harness, not a benchmark: runs one adapter's webhook ingestion
// (`handle`, in process, dedupe off) in a loop so a profiler sees only the
// hot path, and prints the time per delivery and its ratio to JSON.parse.
// Build first (pnpm run build), then:
//   node --cpu-prof bench/profile-ingestion.mjs getchat batch
// (provider: desk360 | getchat | messaging-api; `batch` for 100 items). To
// profile an endpoint under HTTP load instead, see "Profiling" in README.md.
import { createWebhookHandler } from '@wamux/core';
import { createProvider } from 'wamux';
import { localTargets } from 'wamux/emulators';
import { captureInbound } from './bodies/capture.mjs';
import { deliveryTemplate } from './bodies/deliveries.mjs';

const name = process.argv[2] ?? 'desk360';
const batch = process.argv[3] === 'batch';
const target = await localTargets[name]({ rateLimit: false });
try {
  const provider = await createProvider({ ...target.config, rateLimit: false });
  const handler = createWebhookHandler(provider, { dedupe: false });
  handler.on('message', () => {});
  const template = deliveryTemplate(name, await captureInbound(target.emulator), batch ? 100 : 1);
  const request = { method: 'POST', url: `http://127.0.0.1${template.path}`, headers: template.headers, body: template.body(1) };
  const n = batch ? 3000 : 100_000;
  for (let i = 0; i < n / 10; i += 1) await handler.handle(request);
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) await handler.handle(request);
  const perDelivery = Number(process.hrtime.bigint() - started) / n;
  const parseStarted = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) JSON.parse(request.body);
  const perParse = Number(process.hrtime.bigint() - parseStarted) / n;
  console.log(`${name} ${batch ? 'batch' : 'single'}: ${(perDelivery / 1000).toFixed(2)} µs per delivery, ${(perDelivery / perParse).toFixed(2)}× JSON.parse`);
  await provider.close();
} finally {
  await target.emulator.close();
}

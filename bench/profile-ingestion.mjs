// A profiling harness, not a benchmark: runs one adapter's webhook ingestion
// (`handle`, in process) in a loop so a profiler sees only the hot path, and
// prints the time per delivery and its ratio to JSON.parse.
// Build first (pnpm run build), then:
//   node --cpu-prof bench/profile-ingestion.mjs getchat batch
//   node bench/profile-ingestion.mjs getchat batch --endpoint   # as row 1's endpoint: dedupe on, awaiting listener
// (provider: desk360 | getchat | messaging-api; `batch` for 100 items).
// By default dedupe is off and the listener synchronous (the handler's own
// cost); `--endpoint` handles the deliveries as row 1's wamux endpoint
// does: default stores, fresh ids on every delivery, a listener that awaits
// one turn of the event loop. `--dedupe` and `--await` turn on one of the two.
// To profile an endpoint under HTTP load instead, see "Profiling" in README.md.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { createWebhookHandler } from '@wamux/core';
import { createProvider } from 'wamux';
import { localTargets } from 'wamux/emulators';
import { captureInbound } from './bodies/capture.mjs';
import { deliveryTemplate } from './bodies/deliveries.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { endpoint: { type: 'boolean' }, dedupe: { type: 'boolean' }, await: { type: 'boolean' } },
});
const name = positionals[0] ?? 'desk360';
const batch = positionals[1] === 'batch';
const dedupe = values.endpoint || values.dedupe;
const awaiting = values.endpoint || values.await;
const target = await localTargets[name]({ rateLimit: false });
try {
  const provider = await createProvider({ ...target.config, rateLimit: false });
  const handler = createWebhookHandler(provider, dedupe ? {} : { dedupe: false });
  handler.on('message', awaiting ? () => nextTurn() : () => {});
  const template = deliveryTemplate(name, await captureInbound(target.emulator), batch ? 100 : 1);
  const url = `http://127.0.0.1${template.path}`;
  const n = batch ? 3000 : 100_000;
  // With dedupe, every delivery needs fresh ids (a replay would be answered "duplicate"); the bodies are built before timing.
  const bodies = dedupe ? Array.from({ length: n + n / 10 }, (_, i) => template.body(i + 1)) : [template.body(1)];
  const requestOf = (i) => ({ method: 'POST', url, headers: template.headers, body: bodies[i % bodies.length] });
  for (let i = 0; i < n / 10; i += 1) await handler.handle(requestOf(n + i));
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) {
    const outcome = await handler.handle(requestOf(i));
    if (outcome.status !== 200) throw new Error(`delivery ${i} answered ${outcome.status}: ${outcome.error?.message}`);
  }
  const perDelivery = Number(process.hrtime.bigint() - started) / n;
  const cpu = process.cpuUsage(cpuBefore);
  const parseStarted = process.hrtime.bigint();
  for (let i = 0; i < n; i += 1) JSON.parse(requestOf(i).body);
  const perParse = Number(process.hrtime.bigint() - parseStarted) / n;
  const mode = `${dedupe ? 'dedupe on' : 'dedupe off'}, ${awaiting ? 'awaiting' : 'synchronous'} listener`;
  console.log(
    `${name} ${batch ? 'batch' : 'single'} (${mode}): ${(perDelivery / 1000).toFixed(2)} µs per delivery (${((cpu.user + cpu.system) / n).toFixed(1)} µs CPU), ${(perDelivery / perParse).toFixed(2)}× JSON.parse`,
  );
  await provider.close();
} finally {
  await target.emulator.close();
}

#!/usr/bin/env node
// `pnpm bench` (full) and `pnpm bench:quick` (a few seconds; CI runs it so
// the benchmarks never rot). Runs every suite on loopback against the built
// packages (what an app gets), writes bench/results/latest.json and
// latest.md, and prints the table. Targets are goals, reported as met or not;
// a missed target does not fail the run, a broken benchmark does.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Report } from './lib/report.mjs';
import { peerComparison } from './suites/peer-comparison.mjs';
import { rateLimitUtilization } from './suites/rate-limit.mjs';
import { sendOverhead } from './suites/send-overhead.mjs';
import { sizeAndStartup } from './suites/size-startup.mjs';
import { webhookIngestion } from './suites/webhook-ingestion.mjs';

const here = import.meta.dirname;
const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string', multiple: true }, out: { type: 'string' } } });
const quick = values.quick ?? false;
const providers = ['desk360', 'getchat', 'messaging-api'];
const report = new Report();
report.meta = { mode: quick ? 'quick' : 'full', date: new Date().toISOString(), node: process.versions.node, cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}` };

const suites = {
  ingestion: () => webhookIngestion(report, { quick, providers }),
  peer: () => peerComparison(report, { quick }),
  send: () => sendOverhead(report, { quick, providers }),
  'rate-limit': () => rateLimitUtilization(report, { quick }),
  memory: () => memory(),
  size: () => sizeAndStartup(report, { quick }),
};

/** The memory suite runs in a child process with --expose-gc and nothing else on its heap. */
function memory() {
  const events = quick ? 100_000 : 1_000_000;
  const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'suites', 'memory.mjs'), String(events)], { cwd: here, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory suite failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout);
  const mb = result.growthBytes / (1024 * 1024);
  report.add({
    suite: 'memory',
    case: `webhook handler, ${events.toLocaleString('en')} events, dedupe on`,
    measured: `${mb.toFixed(2)} MB heap growth after GC`,
    baseline: `${result.emitted.toLocaleString('en')} emitted in ${result.seconds.toFixed(1)} s`,
    target: '< 10 MB',
    met: mb < 10 && result.emitted === events,
  });
}

let failed = false;
for (const [name, run] of Object.entries(suites)) {
  if (values.only && !values.only.includes(name)) continue;
  try {
    await run();
  } catch (error) {
    failed = true;
    console.error(`✗ suite ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
const out = values.out ?? join(here, 'results');
report.write(out);
console.log(`\n${report.markdown()}\nwritten to ${join(out, 'latest.json')} and latest.md`);
process.exit(failed ? 1 : 0);

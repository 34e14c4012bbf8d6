#!/usr/bin/env node
// `pnpm bench` (full, 8-12 minutes) and `pnpm bench:quick` (about a minute;
// CI runs it so no harness rots). Runs the rows users feel (the webhook
// endpoint over HTTP, sustained sends at a real tier, memory, size and
// start-up), then the in-process diagnostics, against the built packages
// (what an app gets), on loopback only. Writes latest.json and latest.md
// (bench/results/ unless --out) and prints the tables.
//
// Targets are goals: a missed one is reported as such and never fails the
// run. The run fails (exit 1) only when a harness is broken: a suite threw,
// an endpoint refused a well-formed delivery, a child process died, or
// something a suite started is still running 10 s after the last one.
//
//   node bench/run.mjs [--quick] [--only <suite>]... [--out <dir>]
//   suites: endpoint, sends, shared-limit, memory, size, outbox, ingestion, send-overhead, limiter
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Report } from './lib/report.mjs';

const here = import.meta.dirname;
const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string', multiple: true }, out: { type: 'string' } } });
const quick = values.quick ?? false;
const providers = ['desk360', 'getchat', 'messaging-api'];
const report = new Report();

/** The commit measured, marked `+changes` when the working tree differs from it; `unknown` outside a git checkout. */
function commit() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', '..') ? ' +changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

report.meta = {
  mode: quick ? 'quick' : 'full',
  commit: commit(),
  date: new Date().toISOString(),
  node: process.versions.node,
  os: `${type()} ${release()}`,
  cpus: `${cpus().length} × ${cpus()[0]?.model?.trim() ?? 'cpu'}`,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  loadAverage: loadavg()
    .map((l) => l.toFixed(2))
    .join(' / '),
};

// Each suite is imported when it runs, so `--only` loads nothing else.
const suites = {
  endpoint: async () => (await import('./suites/webhook-endpoint.mjs')).webhookEndpoint(report, { quick, providers }),
  sends: async () => (await import('./suites/sustained-sends.mjs')).sustainedSends(report, { quick, providers }),
  'shared-limit': async () => (await import('./suites/shared-limit.mjs')).sharedLimit(report, { quick }),
  memory: async () => (await import('./suites/memory.mjs')).memory(report, { quick, providers }),
  size: async () => (await import('./suites/size-startup.mjs')).sizeAndStartup(report, { quick, providers }),
  ingestion: async () => (await import('./suites/diagnostics/ingestion.mjs')).ingestion(report, { quick, providers }),
  'send-overhead': async () => (await import('./suites/diagnostics/send-overhead.mjs')).sendOverhead(report, { quick, providers }),
  outbox: async () => (await import('./suites/outbox.mjs')).outbox(report, { quick }),
  limiter: async () => (await import('./suites/diagnostics/limiter.mjs')).limiter(report, { quick }),
};

const unknown = (values.only ?? []).filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`unknown suite(s) ${unknown.join(', ')}; expected ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

let failed = false;
const started = performance.now();
for (const [name, run] of Object.entries(suites)) {
  if (values.only && !values.only.includes(name)) continue;
  const suiteStarted = performance.now();
  try {
    await run();
  } catch (error) {
    failed = true;
    console.error(`✗ suite ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
  console.log(`  (${name}: ${((performance.now() - suiteStarted) / 1000).toFixed(1)} s)`);
}
report.meta.seconds = Math.round((performance.now() - started) / 1000);
report.meta.loadAverageAtEnd = loadavg()
  .map((l) => l.toFixed(2))
  .join(' / ');
const out = values.out ?? join(here, 'results');
report.write(out);
console.log(`\n${report.markdown()}\nwritten to ${join(out, 'latest.json')} and latest.md in ${report.meta.seconds} s`);
process.exitCode = failed ? 1 : 0;
// Every suite stops what it started, so the process exits now by itself. If
// something was left running, say what and fail: that is a broken harness.
setTimeout(() => {
  console.error(`✗ still running 10 s after the last suite: ${process.getActiveResourcesInfo().join(', ')}`);
  process.exit(1);
}, 10_000).unref();

#!/usr/bin/env node
// The packaging smoke test (`pnpm smoke`, part of `npm test`): the packages
// as a user gets them, not as the workspace sees them.
//
//   1. `pnpm pack` every published package (after `pnpm run build`);
//   2. `npm install` the tarballs into a scratch project under os.tmpdir();
//   3. under Node 22 and Node 24, in one process per module system, load
//      every entry of every `exports` map through require() and import() and
//      exercise it (scripts/smoke/exercises/), and run each published bin;
//   4. compile a TypeScript consumer of every entry under the node16,
//      nodenext, bundler and node10 module resolutions;
//   5. run the entries that load only under Jest (@wamux/testing's contract
//      suites) in a Jest project, through require() and import().
//
// Node 22 runs with require(esm) turned off (--no-experimental-require-module),
// as Node 22.0 to 22.11 have it, so nothing passes by leaning on it; Node 24
// runs with its defaults. One line per entry, module system and Node
// version, then a summary; the exit code is 1 when anything failed.
//
//   node scripts/smoke/run.mjs [--node 22,24] [--keep]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBin } from './bin.mjs';
import { listBins, listEntries } from './entries.mjs';
import { nodeBinary } from './node-binaries.mjs';
import { packAll } from './pack.mjs';
import { inParallel, runProcess, tail } from './processes.mjs';
import { runJestProject, writeJestProject } from './jest.mjs';
import { installScratchProject } from './scratch-project.mjs';
import { compileConsumer, writeTypeScriptConsumers } from './typescript.mjs';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const majors = (args.includes('--node') ? args[args.indexOf('--node') + 1] : '22,24').split(',').map(Number);
const keep = args.includes('--keep');
if (majors.some((major) => !Number.isInteger(major) || major < 22)) {
  console.error('usage: node scripts/smoke/run.mjs [--node 22,24] [--keep]');
  process.exit(2);
}
/** Flags per Node major: see the header. */
const NODE_FLAGS = { 22: ['--no-experimental-require-module'] };
const CONCURRENCY = 3;

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const scratch = mkdtempSync(join(tmpdir(), 'wamux-smoke-'));
const failures = [];
let checks = 0;

/** Records and prints one check's outcome. `where` names the package entry, module system and Node version. */
function report(ok, where, detail, error) {
  checks += 1;
  console.log(`${ok ? '✓' : '✗'} ${where}${detail ? `  ${detail}` : ''}`);
  if (!ok) {
    failures.push(where);
    console.log(tail(error ?? 'failed', 40));
  }
}

const pad = (text, width) => text.padEnd(width);

try {
  console.log(`[smoke] packing and installing into ${scratch}`);
  mkdirSync(join(scratch, 'tarballs'));
  const [tarballs, nodes] = await Promise.all([
    packAll(root, join(scratch, 'tarballs')),
    Promise.all(majors.map(async (major) => ({ ...(await nodeBinary(root, major)), flags: NODE_FLAGS[major] ?? [] }))),
  ]);
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // jest: the peer dependency of @wamux/testing, at the version the workspace tests with.
  await installScratchProject(scratch, tarballs, { '@types/node': rootManifest.devDependencies['@types/node'], jest: rootManifest.devDependencies.jest });
  // The app's own ES module, so import() resolves from the project (check-entries.mjs).
  writeFileSync(join(scratch, 'load.mjs'), 'export const load = (specifier, options) => import(specifier, options);\n');
  const names = tarballs.map((tarball) => tarball.name);
  const entries = listEntries(scratch, names);
  const bins = listBins(scratch, names);
  console.log(
    `[smoke] ${tarballs.length} packages, ${entries.length} entries, ${bins.length} bin(s); Node ${nodes.map((n) => n.version).join(', ')} (${seconds()} s)`,
  );

  // One job per process; each keeps its result. They start slowest first
  // (the node16 TypeScript consumer) and report in a fixed order.
  const checkEntries = join(import.meta.dirname, 'check-entries.mjs');
  const typescriptDir = join(root, 'node_modules', 'typescript');
  const entryJobs = nodes.flatMap((node) =>
    ['cjs', 'esm'].map((system) => ({
      node,
      system,
      start: () => runProcess(node.binary, [...node.flags, checkEntries, scratch, system, ...names], { cwd: scratch, timeoutMs: 240_000 }),
    })),
  );
  const binJobs = nodes.flatMap((node) => bins.map((bin) => ({ node, bin, start: () => checkBin(bin, node, scratch) })));
  const typescriptJobs = writeTypeScriptConsumers(scratch, entries).map((consumer) => ({ consumer, start: () => compileConsumer(consumer, typescriptDir) }));
  const jestDir = entries.some((entry) => entry.underJest) ? writeJestProject(scratch) : undefined;
  const jestJobs = jestDir ? nodes.map((node) => ({ node, start: () => runJestProject(jestDir, node, scratch) })) : [];
  const startOrder = [...typescriptJobs.slice(0, 1), ...entryJobs, ...binJobs, ...jestJobs, ...typescriptJobs.slice(1)];
  await inParallel(
    startOrder.map((job) => async () => {
      job.result = await job.start();
    }),
    CONCURRENCY,
  );

  const width = Math.max(...entries.map((entry) => entry.specifier.length));
  const nodeLabel = (node) => `node ${node.version}${node.flags.length > 0 ? ' (require(esm) off)' : ''}`;
  const exportsBy = new Map();
  for (const { node, system, result } of entryJobs) {
    const lines = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    const label = `${nodeLabel(node)}  ${system}`;
    for (const entry of entries) {
      const line = lines.find((candidate) => candidate.specifier === entry.specifier);
      const where = `${label}  ${pad(entry.specifier, width)}`;
      if (!line) {
        report(false, where, '', `no result: the process ${result.error ?? `exited ${result.code}`} first\n${result.stderr}`);
        continue;
      }
      report(line.ok, where, line.skipped ?? `${line.ms} ms`, line.error);
      if (line.exports) exportsBy.set(`${node.version} ${system} ${entry.specifier}`, line.exports);
    }
    console.log(`[smoke] ${label}: ${entries.length} entries in one process, ${result.seconds.toFixed(1)} s`);
    for (const line of lines.filter((candidate) => candidate.specifier === '(process)')) report(false, `${label}  (process)`, '', line.error);
    if (result.code !== 0 && lines.every((line) => line.ok))
      report(false, `${label}  (process)`, '', `${result.error ?? `exited ${result.code}`}\n${result.stderr}`);
  }

  // The CommonJS and the ES module builds of an entry must export the same names.
  for (const node of nodes) {
    for (const entry of entries.filter((candidate) => candidate.subpath !== './package.json')) {
      const cjs = exportsBy.get(`${node.version} cjs ${entry.specifier}`);
      const esm = exportsBy.get(`${node.version} esm ${entry.specifier}`);
      if (!cjs || !esm) continue;
      const onlyCjs = cjs.filter((name) => !esm.includes(name));
      const onlyEsm = esm.filter((name) => !cjs.includes(name));
      if (onlyCjs.length + onlyEsm.length > 0) {
        report(
          false,
          `${nodeLabel(node)}  cjs/esm  ${pad(entry.specifier, width)}`,
          '',
          `the two builds export different names: only under require(): ${onlyCjs.join(', ') || '-'}; only under import(): ${onlyEsm.join(', ') || '-'}`,
        );
      }
    }
  }

  for (const { node, bin, result } of binJobs) {
    report(result.ok, `${nodeLabel(node)}  bin  ${pad(`${bin.command} (${bin.name})`, width)}`, `${result.seconds.toFixed(1)} s`, result.error);
  }
  for (const { node, result } of jestJobs) {
    const underJest = [...new Set(entries.filter((entry) => entry.underJest).map((entry) => entry.specifier))].join(', ');
    report(result.ok, `${nodeLabel(node)}  jest  ${pad(underJest, width)}`, `${result.seconds.toFixed(1)} s`, result.error);
  }
  for (const { consumer, result } of typescriptJobs) {
    report(result.ok, `typescript ${pad(consumer.resolution, 8)}  ${consumer.files.join(' + ')}`, `${result.seconds.toFixed(1)} s`, result.error);
  }
} catch (error) {
  report(false, 'setup', '', error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  if (keep) console.log(`[smoke] kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

console.log(`\nsmoke: ${checks} checks, ${failures.length} failed, in ${seconds()} s`);
if (failures.length > 0) {
  console.log(`failed:\n${failures.map((where) => `  ${where.replace(/\s{2,}/g, '  ').trim()}`).join('\n')}`);
  process.exitCode = 1;
}

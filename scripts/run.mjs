#!/usr/bin/env node
// The one entry point behind `npm run demo`, `npm test` and `.ci/run`.
//
// It has to work on a fresh machine that has only Node.js and npm, and that
// Node.js may be older than the Node 22 wamux needs (ky 2 and nock 15 need 22+).
// So this file is plain JavaScript that runs on Node 18+, and it:
//   1. brings in Node 24 and pnpm 10 from the npm registry into .tools/ when
//      the running Node is too old or pnpm is missing, then re-runs itself
//      with that Node first on PATH;
//   2. installs the workspace with the lockfile;
//   3. runs the task.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleBuild } from './run/build-freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = join(root, '.tools');
const toolsBin = join(toolsDir, 'node_modules', '.bin');
const MIN_NODE_MAJOR = 22;

const tasks = {
  /** Install and build only. */
  setup: [['build-if-stale', []]],
  /** The packages as tarballs (they are not on the npm registry yet), and how to install them. */
  pack: [
    ['build-if-stale', []],
    ['node', ['scripts/pack.mjs', ...process.argv.slice(3)]],
  ],
  /** The main job: the demo against the built-in emulators (or real credentials). */
  demo: [
    ['build-if-stale', []],
    ['node', ['packages/wamux/bin/cli.mjs', 'demo', ...process.argv.slice(3)]],
  ],
  /**
   * Everything CI checks: lint and format (Biome), the adapters' layout and the packages' shape, the docs' links and generated parts, types (with the type tests), builds, export maps, the packed packages run
   * as a user installs them (CommonJS and ESM, Node 22 and 24), the jest
   * suites, the docs site, the benchmarks in quick mode.
   */
  test: [
    ['pnpm', ['run', 'lint']],
    ['pnpm', ['run', 'docs:check']],
    ['pnpm', ['run', 'typecheck']],
    ['pnpm', ['run', 'build']],
    ['pnpm', ['run', 'lint:exports']],
    ['pnpm', ['run', 'smoke']],
    ['pnpm', ['run', 'jest', ...process.argv.slice(3)]],
    ['pnpm', ['run', 'docs:build']],
    ['pnpm', ['run', 'bench:quick']],
  ],
};

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * Builds the packages unless their build is newer than every source it was
 * built from (scripts/run/build-freshness.mjs): a second `npm run demo`
 * starts in seconds.
 */
function buildIfStale(env) {
  const stale = staleBuild(root);
  if (stale === undefined) {
    console.error('[wamux] the packages are built and up to date: reusing packages/*/dist (`pnpm run build` rebuilds)');
    return;
  }
  console.error(`[wamux] building the packages (${stale})`);
  run('pnpm', ['run', '--silent', 'build'], env);
}

function onPath(command, env) {
  const result = spawnSync(command, ['--version'], { env, stdio: 'ignore' });
  return result.status === 0;
}

const task = process.argv[2] ?? 'test';
if (!(task in tasks)) {
  console.error(`unknown task "${task}"; expected one of: ${Object.keys(tasks).join(', ')}`);
  process.exit(2);
}

const major = Number(process.versions.node.split('.')[0]);
const env = { ...process.env };
const needNode = major < MIN_NODE_MAJOR;
const needPnpm = !onPath('pnpm', env) && !existsSync(join(toolsBin, 'pnpm'));

if (needNode || needPnpm) {
  const wanted = [needNode && !existsSync(join(toolsBin, 'node')) ? 'node@24' : null, needPnpm ? 'pnpm@10' : null].filter(Boolean);
  if (wanted.length > 0) {
    console.error(`[wamux] bringing in ${wanted.join(' and ')} from the npm registry into .tools/ (Node ${process.versions.node} found)`);
    run('npm', ['install', '--prefix', toolsDir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', ...wanted]);
  }
}
if (existsSync(toolsBin)) env.PATH = `${toolsBin}${delimiter}${env.PATH ?? ''}`;

if (needNode) {
  // Re-run this script under the newer Node so every child inherits it.
  run(join(toolsBin, 'node'), [fileURLToPath(import.meta.url), ...process.argv.slice(2)], env);
  process.exit(0);
}

run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], { ...env, CI: 'true' });
for (const [command, args] of tasks[task]) {
  if (command === 'build-if-stale') buildIfStale(env);
  else run(command, args, env);
}

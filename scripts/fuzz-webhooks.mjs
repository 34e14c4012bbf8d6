#!/usr/bin/env node
// The long webhook fuzz run: every adapter's webhook fuzz test
// (packages/<adapter>/test/webhook-fuzz.test.ts) with 100 000 deliveries
// each instead of CI's 10 000, from a new seed each time (printed first, so a
// failure can be repeated). The properties are test-support/webhook-fuzz.ts.
//
//   pnpm fuzz:webhooks                      100 000 per adapter, a new seed
//   pnpm fuzz:webhooks --seed 42            the same bodies as a previous run
//   pnpm fuzz:webhooks --runs 20000
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { seed: { type: 'string' }, runs: { type: 'string' } } });

const runs = Number(values.runs ?? '100000');
// A 31-bit seed, as fast-check takes it.
const seed = values.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, got "${values.runs}"`);
if (!Number.isInteger(seed)) throw new Error(`--seed: expected an integer, got "${values.seed}"`);

console.log(`webhook fuzz: ${runs} deliveries per adapter, seed ${seed} (repeat with: pnpm fuzz:webhooks --seed ${seed} --runs ${runs})`);
const started = Date.now();
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', '--disable-warning=ExperimentalWarning', jest, '--runInBand', '--verbose', 'packages/[^/]+/test/webhook-fuzz\\.test\\.ts$'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, WAMUX_FUZZ_RUNS: String(runs), WAMUX_FUZZ_SEED: String(seed) } },
);
console.log(`webhook fuzz: seed ${seed}, ${runs} per adapter, ${((Date.now() - started) / 1000).toFixed(1)} s, ${result.status === 0 ? 'passed' : 'FAILED'}`);
process.exit(result.status ?? 1);

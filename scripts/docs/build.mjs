#!/usr/bin/env node
// Builds the docs site, failing on anything that would make it wrong:
//   1. docs/capabilities.md, generated from the adapters' capability data;
//   2. docs/api/**, the API reference, generated from the doc comments;
//   3. every ```ts sample of docs/**/*.md, type-checked;
//   4. `vitepress build docs`: fails on a dead link (ignoreDeadLinks: false),
//      and this script fails on any output line that mentions a warning.
// Every step runs even when an earlier one failed, so one run lists every
// problem; the exit status is 1 if any step failed.
//
//   node scripts/docs/build.mjs
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lib/paths.mjs';

/** @type {Array<{ name: string, args: string[], failOnWarning?: boolean }>} */
const STEPS = [
  { name: 'capability matrix', args: ['scripts/docs/capabilities.mjs', '--strict'] },
  { name: 'API reference', args: ['scripts/docs/api.mjs'] },
  { name: 'code samples', args: ['scripts/docs/check-samples.mjs'] },
  { name: 'vitepress build', args: [join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', 'docs'], failOnWarning: true },
];

/** A line that reports a warning (VitePress, Vite, Vue: "warn", "[Vue warn]", "(!)", "warning"). */
const WARNING = /warn|\(!\)/i;

/**
 * Runs `node ...args` from the root, echoing its output; resolves with its
 * exit status and every output line.
 * @param {string[]} args
 * @returns {Promise<{ status: number, lines: string[] }>}
 */
function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    /** @param {Buffer} chunk */
    const collect = (chunk) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? 1, lines: output.split(/\r?\n/) }));
  });
}

const failed = [];
for (const step of STEPS) {
  console.log(`\n── ${step.name} ──`);
  const { status, lines } = await run(step.args);
  const warnings = step.failOnWarning ? lines.filter((line) => WARNING.test(line)) : [];
  if (status !== 0) failed.push(`${step.name}: exited with ${status}`);
  for (const warning of warnings) failed.push(`${step.name}: ${warning.trim()}`);
}

if (failed.length > 0) {
  console.error(`\ndocs build FAILED:\n  ${failed.join('\n  ')}`);
  process.exit(1);
}
console.log('\ndocs build OK: docs/.vitepress/dist');

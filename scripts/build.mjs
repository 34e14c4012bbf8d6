#!/usr/bin/env node
// Builds every package with rollup.config.mjs, one process per package, two
// at a time. One process for all of them accumulates a TypeScript program per
// package in the declaration bundler and runs out of heap.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const packages = readdirSync(join(root, 'packages'))
  .filter((name) => existsSync(join(root, 'packages', name, 'src')))
  .sort();
const rollup = join(root, 'node_modules', 'rollup', 'dist', 'bin', 'rollup');

function build(name) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [rollup, '-c', 'rollup.config.mjs', '--silent'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, WAMUX_PACKAGES: name },
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build of ${name} failed (exit ${code})`))));
  });
}

const queue = [...packages];
const started = Date.now();
await Promise.all(
  Array.from({ length: 2 }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      await build(name);
      console.log(`✓ built ${name}`);
    }
  }),
);
console.log(`built ${packages.length} packages in ${((Date.now() - started) / 1000).toFixed(1)} s`);

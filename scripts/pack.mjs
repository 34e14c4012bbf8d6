#!/usr/bin/env node
// The wamux packages are not on the npm registry yet: this packs every
// published package of the workspace into tarballs (building first when the
// build is out of date), and prints how to install them, globally for the
// `wamux` command or into a project.
//
//   npm run pack:all [-- destination]     (default: dist/packages)
//
// `npm run pack:all` goes through scripts/run.mjs, which brings in Node 22+
// and pnpm when the machine lacks them, and installs the workspace.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { staleBuild } from './run/build-freshness.mjs';
import { packAll } from './smoke/pack.mjs';

const root = join(import.meta.dirname, '..');
const destination = resolve(process.argv[2] ?? join(root, 'dist', 'packages'));

const stale = staleBuild(root);
if (stale !== undefined) {
  console.error(`[wamux] building the packages first (${stale})`);
  const built = spawnSync('pnpm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

rmSync(destination, { recursive: true, force: true });
mkdirSync(destination, { recursive: true });
const packed = await packAll(root, destination);
const shown = relative(process.cwd(), destination) || '.';
console.log(`packed ${packed.length} packages into ${shown}:`);
for (const { filename } of packed) console.log(`  ${relative(destination, filename) || filename}`);
console.log(`
Install them together (the packages depend on each other, and npm must not
look for those names on the registry):

  npm install -g ${destination}/*.tgz   # the \`wamux\` command, then: wamux --version
  npm install ${destination}/*.tgz      # into an app, from the app's directory`);

#!/usr/bin/env node
// The `wamux` command as package managers link it. It is a committed file,
// not build output, so that `pnpm install` on a fresh clone can link the
// command before anything is built (instead of warning "Failed to create
// bin"); it runs the built CLI, or says how to build it.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  console.error('wamux: the CLI is not built yet; run `pnpm run build` at the root of the wamux repository');
  process.exitCode = 1;
}

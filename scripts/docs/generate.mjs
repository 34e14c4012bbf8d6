#!/usr/bin/env node
// Rewrites the generated blocks of the hand-written docs pages (see
// lib/generated-blocks.mjs): the example apps' code in docs/recipes.md, the
// environment variables table of docs/cli.md. `--check` rewrites nothing
// and exits 1 when a page is out of date, or when a markdown page under
// docs/ misnames an adapter's environment variable (CI runs it).
//
//   node scripts/docs/generate.mjs [--check]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBundled } from './lib/bundle.mjs';
import { render, misnamedEnvVariables } from './lib/generated-blocks.mjs';
import { ROOT } from './lib/paths.mjs';

/** The pages that hold generated blocks, relative to the root. */
const PAGES = ['docs/recipes.md', 'docs/cli.md'];

/** @type {import('./lib/generated-blocks.mjs').BlockSources} */
const sources = {
  readFile: (path) => readFileSync(join(ROOT, path), 'utf8'),
  async envVariables() {
    /** @type {{ adapters: Record<string, { env: import('./lib/generated-blocks.mjs').EnvVariables[string] }> }} */
    const module = await importBundled("export { adapters } from './packages/wamux/src/registry.ts';");
    return Object.fromEntries(Object.entries(module.adapters).map(([provider, entry]) => [provider, entry.env]));
  },
};

const check = process.argv.includes('--check');
const stale = [];
for (const page of PAGES) {
  const before = readFileSync(join(ROOT, page), 'utf8');
  const after = await render(before, page.split('/').slice(0, -1).join('/'), sources);
  if (after === before) continue;
  stale.push(page);
  if (!check) writeFileSync(join(ROOT, page), after);
}
// The docs pages (the generated docs/api/ left out, it comes from the sources' doc comments).
const docsPages = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.md') && !/^(api|\.vitepress)[/\\]/.test(path))
  .map((path) => `docs/${path.replaceAll('\\', '/')}`);
const variables = await sources.envVariables();
const misnamed = docsPages.flatMap((page) =>
  misnamedEnvVariables(readFileSync(join(ROOT, page), 'utf8'), variables).map(
    ({ line, name, meant }) => `${page}:${line}: ${name} is read by no adapter; did you mean ${meant}? (the table in docs/cli.md lists them)`,
  ),
);
for (const problem of misnamed) console.error(problem);
if (misnamed.length > 0) process.exitCode = 1;
if (check && stale.length > 0) {
  console.error(`out of date: ${stale.join(', ')}; run \`node scripts/docs/generate.mjs\` and commit the result`);
  process.exitCode = 1;
} else {
  console.log(
    check ? `generated blocks: ${PAGES.length} pages up to date` : stale.length > 0 ? `rewrote ${stale.join(', ')}` : 'generated blocks already up to date',
  );
}

#!/usr/bin/env node
// Type-checks every ```ts code sample of README.md and docs/**/*.md (the generated API
// reference excepted): each block is written to a temp dir as its own
// module and compiled with tsc's API against tsconfig.base.json (so
// `wamux`, `@wamux/*` resolve to packages/*/src). A failing block is
// printed as `docs/file.md:LINE: TSxxxx: message`, LINE being the line of
// the markdown file the error is on.
//
//   node scripts/docs/check-samples.mjs
//
// A block whose first line is a file path comment (`// src/wire.ts`) is
// written to that path in a folder shared by the page's other such blocks,
// so a page can build a small package whose files import each other.
//
// To leave a block out (a fragment, pseudo-code), mark its fence
// `\`\`\`ts no-check`, or put `<!-- docs:no-check -->` on the line before it.
// A block marked `\`\`\`ts commonjs` is checked as a CommonJS module (what
// a fresh `npm init` project runs: no top-level `await`).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOCS, ROOT } from './lib/paths.mjs';
import { extractSamples } from './lib/samples.mjs';
import { checkSampleList } from './lib/typecheck-samples.mjs';

/** Markdown files under docs/, minus generated and build folders. @returns {string[]} */
export function markdownFiles(dir = DOCS) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') || path === join(DOCS, 'api') || entry.name === 'node_modules' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/**
 * Checks every sample; returns the failures.
 * @returns {Promise<{ checked: number, skipped: number, failures: Array<{ location: string, block: string, code: string, message: string }> }>}
 */
export async function checkSamples() {
  const files = [join(ROOT, 'README.md'), ...markdownFiles()];
  return checkSampleList(files.flatMap((file) => extractSamples(relative(ROOT, file), readFileSync(file, 'utf8'))));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { checked, skipped, failures } = await checkSamples();
  for (const failure of failures)
    console.log(`${failure.location}: ${failure.code}: ${failure.message.replaceAll('\n', '\n    ')}${failure.block ? `  (block at ${failure.block})` : ''}`);
  const blocks = new Set(failures.map((failure) => failure.block)).size;
  console.log(`samples: ${checked} checked, ${skipped} marked no-check, ${failures.length} errors in ${blocks} blocks`);
  if (failures.length > 0) process.exitCode = 1;
}

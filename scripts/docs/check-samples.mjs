#!/usr/bin/env node
// Type-checks every ```ts code sample of docs/**/*.md (the generated API
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
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { DOCS, ROOT } from './lib/paths.mjs';
import { extractSamples } from './lib/samples.mjs';

/** Markdown files under docs/, minus generated and build folders. @returns {string[]} */
export function markdownFiles(dir = DOCS) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') || path === join(DOCS, 'api') || entry.name === 'node_modules' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/**
 * Every node_modules of the workspace (root, packages, examples): a sample
 * may import what an app would have installed next to wamux (express,
 * hono, fastify, valibot...).
 */
function workspaceModuleDirs() {
  const dirs = [join(ROOT, 'node_modules')];
  for (const group of ['packages', 'examples']) {
    for (const entry of readdirSync(join(ROOT, group), { withFileTypes: true })) {
      const dir = join(ROOT, group, entry.name, 'node_modules');
      if (entry.isDirectory() && existsSync(dir)) dirs.push(dir);
    }
  }
  return dirs;
}

/** Compiler options: tsconfig.base.json's, resolved from the root, checking only. */
function compilerOptions() {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const dirs = workspaceModuleDirs();
  // `*` is tried after the exact `wamux` / `@wamux/*` paths; node builtins fall back to @types/node.
  const paths = { ...parsed.options.paths, '*': [...dirs.map((dir) => join(dir, '@types', '*')), ...dirs.map((dir) => join(dir, '*'))] };
  return { ...parsed.options, paths, noEmit: true, declaration: false, typeRoots: [join(ROOT, 'node_modules/@types')] };
}

/**
 * Checks every sample; returns the failures.
 * @returns {Promise<{ checked: number, skipped: number, failures: Array<{ location: string, block: string, code: string, message: string }> }>}
 */
export async function checkSamples() {
  const samples = markdownFiles().flatMap((file) => extractSamples(relative(ROOT, file), readFileSync(file, 'utf8')));
  const checked = samples.filter((sample) => !sample.skipped);
  const dir = await mkdtemp(join(tmpdir(), 'wamux-doc-samples-'));
  try {
    /** @type {Map<string, import('./lib/samples.mjs').Sample>} */
    const byFile = new Map();
    for (const sample of checked) {
      // A block whose first line names a file (`// src/wire.ts`) is that file
      // of a package the page builds block by block: blocks of one page share
      // a folder, so their relative imports resolve to each other.
      const named = /^\/\/\s*((?:src|test)\/[\w./-]+\.ts)\s*$/.exec(sample.code.split('\n', 1)[0] ?? '');
      const page = sample.file.replace(/[^\w]+/g, '_');
      const file = named?.[1] ? join(dir, page, named[1]) : join(dir, `${page}_L${sample.line}.ts`);
      await mkdir(dirname(file), { recursive: true });
      // `export {}` makes every block a module (top-level await, no shared globals).
      await writeFile(file, `${sample.code}\nexport {};\n`);
      byFile.set(file, sample);
    }
    const program = ts.createProgram([...byFile.keys()], compilerOptions());
    const failures = [];
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const sample = diagnostic.file && byFile.get(diagnostic.file.fileName);
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!sample || !diagnostic.file || diagnostic.start === undefined) {
        failures.push({ location: diagnostic.file ? relative(ROOT, diagnostic.file.fileName) : '(global)', block: '', code: `TS${diagnostic.code}`, message });
        continue;
      }
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      failures.push({ location: `${sample.file}:${sample.line + 1 + line}`, block: `${sample.file}:${sample.line}`, code: `TS${diagnostic.code}`, message });
    }
    return { checked: checked.length, skipped: samples.length - checked.length, failures };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { checked, skipped, failures } = await checkSamples();
  for (const failure of failures) console.log(`${failure.location}: ${failure.code}: ${failure.message.replaceAll('\n', '\n    ')}${failure.block ? `  (block at ${failure.block})` : ''}`);
  const blocks = new Set(failures.map((failure) => failure.block)).size;
  console.log(`samples: ${checked} checked, ${skipped} marked no-check, ${failures.length} errors in ${blocks} blocks`);
  if (failures.length > 0) process.exitCode = 1;
}

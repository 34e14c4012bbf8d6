// Type-checks code samples taken from markdown (see ../check-samples.mjs):
// each is written to a temp dir as its own module and compiled with tsc's
// API against tsconfig.base.json's options.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './paths.mjs';

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

/**
 * Compiler options: tsconfig.base.json's, resolved from the root, checking
 * only. The unused-name checks are off: a sample declares what the reader
 * goes on to use (`const provider = ...`), which is not dead code.
 */
function compilerOptions() {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.base.json'), ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const dirs = workspaceModuleDirs();
  // `*` is tried after the exact `wamux` / `@wamux/*` paths; node builtins fall back to @types/node.
  const paths = { ...parsed.options.paths, '*': [...dirs.map((dir) => join(dir, '@types', '*')), ...dirs.map((dir) => join(dir, '*'))] };
  return {
    ...parsed.options,
    paths,
    noEmit: true,
    declaration: false,
    noUnusedLocals: false,
    noUnusedParameters: false,
    typeRoots: [join(ROOT, 'node_modules/@types')],
  };
}

/**
 * Checks the given samples: those marked `commonjs` as CommonJS modules
 * (`.cts`, `module: nodenext`, as a fresh `npm init` project runs them), the
 * others as ES modules.
 * @param {import('./samples.mjs').Sample[]} samples
 * @returns {Promise<{ checked: number, skipped: number, failures: Array<{ location: string, block: string, code: string, message: string }> }>}
 */
export async function checkSampleList(samples) {
  const checked = samples.filter((sample) => !sample.skipped);
  const dir = await mkdtemp(join(tmpdir(), 'wamux-doc-samples-'));
  try {
    /** @type {Map<string, import('./samples.mjs').Sample>} */
    const byFile = new Map();
    for (const sample of checked) {
      // A block whose first line names a file (`// src/wire.ts`) is that file
      // of a package the page builds block by block: blocks of one page share
      // a folder, so their relative imports resolve to each other.
      const named = /^\/\/\s*((?:src|test)\/[\w./-]+\.ts)\s*$/.exec(sample.code.split('\n', 1)[0] ?? '');
      const page = sample.file.replace(/[^\w]+/g, '_');
      const file = named?.[1] ? join(dir, page, named[1]) : join(dir, `${page}_L${sample.line}.${sample.commonjs ? 'cts' : 'ts'}`);
      await mkdir(dirname(file), { recursive: true });
      // `export {}` makes every block a module (top-level await, no shared globals).
      await writeFile(file, `${sample.code}\nexport {};\n`);
      byFile.set(file, sample);
    }
    const commonjsFiles = [...byFile.keys()].filter((file) => file.endsWith('.cts'));
    const program = ts.createProgram(
      [...byFile.keys()].filter((file) => !file.endsWith('.cts')),
      compilerOptions(),
    );
    const diagnostics = [...ts.getPreEmitDiagnostics(program)];
    if (commonjsFiles.length > 0) {
      // Only the samples' own diagnostics: the workspace sources are ES modules written for `moduleResolution: bundler`.
      const commonjs = ts.createProgram(commonjsFiles, {
        ...compilerOptions(),
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        verbatimModuleSyntax: false,
      });
      diagnostics.push(...ts.getPreEmitDiagnostics(commonjs).filter((diagnostic) => diagnostic.file && byFile.has(diagnostic.file.fileName)));
    }
    const failures = [];
    for (const diagnostic of diagnostics) {
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

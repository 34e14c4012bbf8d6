#!/usr/bin/env node
// One module system in one process: loads every entry point of the scratch
// project through require() (`cjs`) or import() (`esm`), exercises it, tears
// down what it started, and prints one JSON line per entry. Run by run.mjs:
//   node check-entries.mjs <project dir> <cjs|esm> <package name>...
// Exits non-zero when an entry fails, and when the process would not exit on
// its own after the last teardown (something was left running).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listEntries } from './entries.mjs';
import { exerciseFor } from './exercises/index.mjs';

const ENTRY_TIMEOUT_MS = 30_000;
const TEARDOWN_TIMEOUT_MS = 10_000;
const EXIT_GRACE_MS = 10_000;

const [projectDir, system, ...names] = process.argv.slice(2);
if (!projectDir || !['cjs', 'esm'].includes(system) || names.length === 0) {
  console.error('usage: check-entries.mjs <project dir> <cjs|esm> <package name>...');
  process.exit(2);
}

// require() as a CommonJS file of the scratch project has it; import() from
// the project's own ES module, so both resolve from the project's node_modules.
const require = createRequire(join(projectDir, 'package.json'));
const { load: importFromProject } = await import(pathToFileURL(join(projectDir, 'load.mjs')).href);
const load =
  system === 'cjs'
    ? async (specifier) => require(specifier)
    : (specifier) => importFromProject(specifier, specifier.endsWith('/package.json') ? { with: { type: 'json' } } : undefined);

/** Rejects with `what timed out` when `promise` takes longer than `ms`. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const code = error.code ? ` [${error.code}]` : '';
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .slice(0, 3)
    .join('\n');
  return `${error.name}${code}: ${error.message}${frames ? `\n${frames}` : ''}`;
}

// An error nothing awaited (a listener, a socket) belongs to the entry running.
let stray = [];
process.on('unhandledRejection', (error) => stray.push(`unhandled rejection: ${describe(error)}`));
process.on('uncaughtException', (error) => stray.push(`uncaught exception: ${describe(error)}`));

let failed = false;
for (const entry of listEntries(projectDir, names)) {
  if (entry.underJest) {
    // It loads only under Jest: run.mjs runs it there (jest.mjs).
    console.log(
      JSON.stringify({
        specifier: entry.specifier,
        name: entry.name,
        subpath: entry.subpath,
        system,
        ok: true,
        ms: 0,
        skipped: 'loads only under Jest: exercised by the Jest project (scripts/smoke/jest.mjs)',
      }),
    );
    continue;
  }
  const started = performance.now();
  const teardown = [];
  const errors = [];
  let exportNames;
  stray = [];
  try {
    const loaded = await withTimeout(load(entry.specifier), ENTRY_TIMEOUT_MS, 'loading');
    exportNames = Object.keys(loaded).sort();
    if (exportNames.length === 0) throw new Error('loaded, but exports nothing');
    const exercise = exerciseFor(entry);
    if (!exercise) throw new Error('no smoke exercise for this entry point; add one to scripts/smoke/exercises/');
    await withTimeout(
      exercise(loaded, { load, system, defer: (fn) => teardown.push(fn), loadedCommonJsFiles: () => Object.keys(require.cache) }),
      ENTRY_TIMEOUT_MS,
      'the exercise',
    );
  } catch (error) {
    errors.push(describe(error));
  }
  for (const fn of teardown.reverse()) {
    try {
      await withTimeout(Promise.resolve().then(fn), TEARDOWN_TIMEOUT_MS, 'teardown');
    } catch (error) {
      errors.push(`teardown: ${describe(error)}`);
    }
  }
  errors.push(...stray);
  if (errors.length > 0) failed = true;
  const ms = Math.round(performance.now() - started);
  console.log(
    JSON.stringify({
      specifier: entry.specifier,
      name: entry.name,
      subpath: entry.subpath,
      system,
      ok: errors.length === 0,
      ms,
      exports: exportNames,
      error: errors.join('\n') || undefined,
    }),
  );
}

process.exitCode = failed ? 1 : 0;
// Every server, socket and timer was closed in teardown, so the event loop
// should now empty; if it does not, say so instead of hanging.
setTimeout(() => {
  console.log(
    JSON.stringify({
      specifier: '(process)',
      system,
      ok: false,
      error: `did not exit within ${EXIT_GRACE_MS / 1000} s of its last teardown: a server, socket or timer was left open`,
    }),
  );
  process.exit(1);
}, EXIT_GRACE_MS).unref();

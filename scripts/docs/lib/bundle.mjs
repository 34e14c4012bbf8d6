// Runs TypeScript sources of the workspace from a plain Node script:
// esbuild bundles a small entry (with the `@wamux/*` aliases resolved to
// packages/*/src) into one ES module in a temp dir, which is then imported.
// An alias whose source file does not exist yet becomes a module that
// throws when loaded, so one unfinished adapter cannot break the others.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT, workspaceAliases } from './paths.mjs';

/** @type {import('esbuild').Plugin} */
const workspacePlugin = {
  name: 'wamux-workspace',
  setup(builder) {
    const aliases = workspaceAliases();
    builder.onResolve({ filter: /^(@wamux\/[a-z0-9-]+(\/emulator)?|wamux)$/ }, (args) => {
      const file = aliases.get(args.path);
      if (file && existsSync(file)) return { path: file };
      return { path: args.path, namespace: 'wamux-missing' };
    });
    builder.onLoad({ filter: /.*/, namespace: 'wamux-missing' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path}: its source entry does not exist yet`)});`,
      loader: 'js',
    }));
  },
};

/**
 * Bundles `source` (an ES module, resolved from the repository root) and
 * imports it.
 * @template T
 * @param {string} source
 * @returns {Promise<T>}
 */
export async function importBundled(source) {
  const dir = await mkdtemp(join(tmpdir(), 'wamux-docs-'));
  const outfile = join(dir, 'entry.mjs');
  try {
    const result = await build({
      stdin: { contents: source, resolveDir: ROOT, sourcefile: 'docs-entry.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      write: false,
      logLevel: 'silent',
      plugins: [workspacePlugin],
      // Bundled CommonJS dependencies may call require(): give them one.
      banner: { js: "import { createRequire as __wamuxRequire } from 'node:module'; const require = __wamuxRequire(import.meta.url);" },
    });
    const [output] = result.outputFiles;
    if (!output) throw new Error('esbuild produced no output');
    await writeFile(outfile, output.contents);
    return /** @type {T} */ (await import(pathToFileURL(outfile).href));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

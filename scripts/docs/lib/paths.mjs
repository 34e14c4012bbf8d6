// Where things are, and the workspace's `@wamux/*` path aliases
// (tsconfig.base.json), shared by the docs scripts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The VitePress source directory. */
export const DOCS = join(ROOT, 'docs');

/**
 * The `paths` of tsconfig.base.json as absolute files: `@wamux/core` →
 * `/…/packages/core/src/index.ts`.
 * @returns {Map<string, string>}
 */
export function workspaceAliases() {
  const text = readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8');
  /** @type {{ compilerOptions: { baseUrl?: string, paths: Record<string, string[]> } }} */
  const config = JSON.parse(text);
  const base = join(ROOT, config.compilerOptions.baseUrl ?? '.');
  const aliases = new Map();
  for (const [name, [target]] of Object.entries(config.compilerOptions.paths)) {
    if (target) aliases.set(name, join(base, target));
  }
  return aliases;
}

/**
 * The package source entries typedoc and the capability matrix read, in
 * display order: `[alias, file, exists]`.
 * @returns {Array<{ alias: string, file: string, exists: boolean }>}
 */
export function packageEntries() {
  return [...workspaceAliases()].map(([alias, file]) => ({ alias, file, exists: existsSync(file) }));
}

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigurationError } from '@wamux/core/adapter';

/** The file names looked for in the working directory, in this order. */
export const CONFIG_FILE_NAMES = ['wamux.config.json', 'wamux.config.ts', 'wamux.config.mjs', 'wamux.config.js'] as const;

/** A config file's contents and where it was read. */
export interface LoadedConfigFile {
  path: string;
  /** The file name, for messages ("from wamux.config.json"). */
  label: string;
  config: Record<string, unknown>;
}

/**
 * Finds the config file: `explicit` (`--config` or `WAMUX_CONFIG`) when
 * given, which must exist, else the first of {@link CONFIG_FILE_NAMES} in
 * `cwd`. Returns `undefined` when there is none.
 */
export function findConfigFile(cwd: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new ConfigurationError('--config', `${explicit}: no such file`);
    return path;
  }
  return CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
}

/**
 * Loads a config file: `.json` is parsed; `.ts`, `.mjs`, `.js` (and `.cjs`,
 * `.mts`) are loaded with a dynamic import and their default export used,
 * either the config object or a (possibly async) function returning it.
 */
export async function loadConfigFile(path: string): Promise<LoadedConfigFile> {
  const label = basename(path);
  const config = extname(path) === '.json' ? await readJson(path, label) : await importModule(path, label);
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new ConfigurationError(label, 'must hold a config object, e.g. { "provider": "memory", ... }');
  }
  return { path, label, config: config as Record<string, unknown> };
}

async function readJson(path: string, label: string): Promise<unknown> {
  const text = await readFile(path, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // Never quote the file: JSON.parse's message can echo a credential.
    const position = /position \d+(?: \(line \d+ column \d+\))?/.exec(String((error as Error).message))?.[0];
    throw new ConfigurationError(label, `is not valid JSON${position ? ` (${position})` : ''}`);
  }
}

async function importModule(path: string, label: string): Promise<unknown> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    const message = String((error as Error).message ?? error).split('\n')[0] ?? '';
    const hint =
      /\.m?ts$/.test(path) && /Unknown file extension|ERR_UNKNOWN_FILE_EXTENSION|strip/i.test(message)
        ? ' (loading .ts needs Node 22.18+ with type stripping; use .mjs or .json)'
        : '';
    throw new ConfigurationError(label, `could not be loaded: ${message}${hint}`);
  }
  const exported = module.default;
  if (exported === undefined) throw new ConfigurationError(label, 'has no default export (export default { provider: ... })');
  return typeof exported === 'function' ? await (exported as () => unknown)() : exported;
}

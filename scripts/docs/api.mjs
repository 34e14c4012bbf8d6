#!/usr/bin/env node
// Generates the API reference, docs/api/**, from the doc comments of each
// package's public entries (typedoc + typedoc-plugin-markdown). One folder
// module per public entry; an entry that does not exist yet is skipped
// with a notice.
//
//   node scripts/docs/api.mjs
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Application, Converter, LogLevel, ReflectionKind } from 'typedoc';
import { DOCS, ROOT, workspaceAliases } from './lib/paths.mjs';

/** Where the reference is written. */
export const API_DIR = join(DOCS, 'api');

/**
 * The entries to document: every public entry point of tsconfig.base.json's
 * paths (`@wamux/core`, `@wamux/desk360/emulator`, `wamux`...).
 * @returns {Array<{ alias: string, file: string }>}
 */
export function apiEntries() {
  return [...workspaceAliases()].map(([alias, file]) => ({ alias, file }));
}

/** typedoc's "has multiple declarations with a comment": valibot-inferred types, not a doc problem. */
const NOISE = /has multiple declarations with a comment/;

/**
 * Runs typedoc once over every entry: one TypeScript program, one module
 * per entry, named by its import specifier (`@wamux/core`, `@wamux/memory/emulator`).
 * @param {Array<{ alias: string, file: string }>} entries
 * @returns {Promise<{ warnings: string[], noise: number }>}
 */
async function document(entries) {
  /** @type {Partial<import('typedoc').TypeDocOptions> & Partial<import('typedoc-plugin-markdown').PluginOptions>} */
  const options = {
    entryPoints: entries.map(({ file }) => file),
    tsconfig: join(ROOT, 'scripts/docs/tsconfig.typedoc.json'),
    plugin: ['typedoc-plugin-markdown'],
    out: API_DIR,
    name: 'API reference',
    readme: 'none',
    // Type errors are `pnpm typecheck`'s job; the reference only reads declarations.
    skipErrorChecking: true,
    disableSources: true,
    excludePrivate: true,
    excludeInternal: true,
    excludeExternals: true,
    logLevel: LogLevel.Warn,
    // typedoc-plugin-markdown
    outputFileStrategy: 'members',
    entryFileName: 'index',
    excludeScopesInPaths: true,
    hidePageHeader: true,
    hideBreadcrumbs: true,
    useCodeBlocks: true,
    parametersFormat: 'table',
    interfacePropertiesFormat: 'table',
    typeDeclarationFormat: 'table',
    // `<`, `>` as HTML entities so Vue (VitePress) never reads a tag.
    useHTMLEncodedBrackets: true,
  };
  const app = await Application.bootstrapWithPlugins(options);
  const byFile = new Map(entries.map(({ alias, file }) => [file, alias]));
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.kind !== ReflectionKind.Module) return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const alias = file && byFile.get(file);
    if (alias) reflection.name = alias;
  });
  /** @type {string[]} */
  const warnings = [];
  let noise = 0;
  const log = app.logger.log.bind(app.logger);
  app.logger.log = (message, level) => {
    if (level < LogLevel.Warn) return log(message, level);
    if (NOISE.test(String(message))) {
      noise += 1;
      return;
    }
    warnings.push(String(message));
    log(message, level);
  };
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert the packages');
  await app.generateOutputs(project);
  return { warnings, noise };
}

/** Generates the whole reference. @returns {Promise<{ entries: string[], skipped: string[], warnings: string[], noise: number }>} */
export async function generateApi() {
  await rm(API_DIR, { recursive: true, force: true });
  const entries = [];
  const skipped = [];
  for (const { alias, file } of apiEntries()) {
    if (existsSync(file)) {
      entries.push({ alias, file });
    } else {
      skipped.push(alias);
      console.warn(`api: notice: skipping ${alias}: ${relative(ROOT, file)} does not exist yet`);
    }
  }
  const { warnings, noise } = await document(entries);
  return { entries: entries.map(({ alias }) => alias), skipped, warnings, noise };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { entries, warnings, noise } = await generateApi();
  console.log(
    `api: wrote ${relative(ROOT, API_DIR)}/ for ${entries.join(', ')} (${warnings.length} typedoc warnings, ${noise} "multiple declarations" notices ignored)`,
  );
}

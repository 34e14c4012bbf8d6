#!/usr/bin/env node
// Generates docs/capabilities.md from each provider's capability data.
//
//   node scripts/docs/capabilities.mjs            write docs/capabilities.md
//   node scripts/docs/capabilities.mjs --check    exit 1 when docs/capabilities.md is out of date
//   node scripts/docs/capabilities.mjs --strict   exit 1 when a provider's data cannot be read
//   node scripts/docs/capabilities.mjs --out FILE write elsewhere
//
// For every provider `createProvider` knows (packages/wamux/src/registry.ts),
// the data is the adapter's exported `<name>Capabilities` constant
// (`desk360Capabilities`, `memoryCapabilities`...) from its package's
// src/index.ts. An adapter that exports none is created against its emulator
// (packages/wamux/src/emulators.ts `localTargets`) and its
// `provider.capabilities` is read. Nothing is typed by hand.
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { importBundled } from './lib/bundle.mjs';
import { DOCS, packageEntries, ROOT } from './lib/paths.mjs';
import { renderCapabilitiesPage } from './lib/render-capabilities.mjs';
import { readVocabulary } from './lib/vocabulary.mjs';

/**
 * @typedef {import('./lib/render-capabilities.mjs').Capabilities} Capabilities
 * @typedef {{ emulator: { close(): Promise<void> }, config: Record<string, unknown> }} LocalTarget
 * @typedef {object} Loaded
 * @property {readonly string[]} PROVIDER_NAMES
 * @property {Record<string, (options: object) => Promise<LocalTarget>>} localTargets
 * @property {(config: Record<string, unknown>) => Promise<{ capabilities: Capabilities, close(): Promise<void> }>} createProvider
 * @property {Record<string, readonly string[]>} order
 * @property {Record<string, () => Promise<Record<string, unknown>>>} modules
 */

/** The package entries that may export capabilities: every alias but the core, `wamux` and emulator entries. */
function candidateModules() {
  return packageEntries().filter(({ alias }) => alias.startsWith('@wamux/') && alias !== '@wamux/core' && !alias.endsWith('/emulator'));
}

/** @returns {Promise<Loaded>} */
async function load() {
  const modules = candidateModules()
    .map(({ alias }) => `  ${JSON.stringify(alias)}: () => import(${JSON.stringify(alias)}),`)
    .join('\n');
  return importBundled(`
    export { PROVIDER_NAMES } from './packages/wamux/src/registry.ts';
    export { localTargets } from './packages/wamux/src/emulators.ts';
    export { createProvider } from './packages/wamux/src/create-provider.ts';
    import { OUTBOUND_MESSAGE_TYPES, INTERACTIVE_KINDS, MESSAGE_CONTENT_TYPES, DELIVERY_STATUSES, PROVIDER_FEATURES } from '@wamux/core';
    export const order = { outbound: OUTBOUND_MESSAGE_TYPES, interactive: INTERACTIVE_KINDS, inbound: MESSAGE_CONTENT_TYPES, statuses: DELIVERY_STATUSES, features: PROVIDER_FEATURES };
    export const modules = {\n${modules}\n};
  `);
}

/** `messaging-api` → `messagingApiCapabilities`. @param {string} name */
export function capabilitiesExportName(name) {
  return `${name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())}Capabilities`;
}

/** @param {unknown} value @returns {value is Capabilities} */
function isCapabilities(value) {
  if (typeof value !== 'object' || value === null) return false;
  const record = /** @type {Record<string, unknown>} */ (value);
  return ['outbound', 'interactive', 'mediaSources', 'inbound', 'statuses', 'features'].every(
    (key) => Array.isArray(record[key]) && record[key].every((item) => typeof item === 'string'),
  );
}

/**
 * Reads every provider's capabilities.
 * @returns {Promise<{ providers: import('./lib/render-capabilities.mjs').ProviderColumn[], missing: Array<{ name: string, reason: string }>, order: Record<string, readonly string[]> }>}
 */
export async function collectCapabilities() {
  const loaded = await load();
  /** @type {Map<string, { capabilities: Capabilities, source: string }>} */
  const exported = new Map();
  for (const { alias, file } of candidateModules()) {
    let module;
    try {
      module = await loaded.modules[alias]?.();
    } catch {
      continue; // reported below if a provider ends up without data
    }
    for (const [name, value] of Object.entries(module ?? {})) {
      if (name.endsWith('Capabilities') && isCapabilities(value)) {
        exported.set(name, { capabilities: value, source: `\`${name}\`, exported by \`${alias}\` (${relative(ROOT, file)})` });
      }
    }
  }

  const providers = [];
  const missing = [];
  for (const name of loaded.PROVIDER_NAMES) {
    const found = exported.get(capabilitiesExportName(name));
    if (found) {
      providers.push({ name, ...found });
      continue;
    }
    try {
      providers.push({
        name,
        capabilities: await fromEmulator(loaded, name),
        source: '`provider.capabilities` of a provider created against its emulator (`localTargets`)',
      });
    } catch (error) {
      missing.push({
        name,
        reason: `no \`${capabilitiesExportName(name)}\` export, and no emulator: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
  return { providers, missing, order: loaded.order };
}

/**
 * @param {Loaded} loaded
 * @param {string} name
 * @returns {Promise<Capabilities>}
 */
async function fromEmulator(loaded, name) {
  const start = loaded.localTargets[name];
  if (!start) throw new Error('not in localTargets');
  const target = await start({});
  try {
    const provider = await loaded.createProvider(target.config);
    const capabilities = provider.capabilities;
    await provider.close();
    return capabilities;
  } finally {
    await target.emulator.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, strict: { type: 'boolean' }, out: { type: 'string' } } });
  const out = values.out ?? join(DOCS, 'capabilities.md');
  const { providers, missing, order } = await collectCapabilities();
  for (const { name, reason } of missing) console.warn(`capabilities: notice: ${name}: ${reason}`);
  const page = renderCapabilitiesPage(providers, readVocabulary(order), { missing });

  if (values.check) {
    const current = await readFile(out, 'utf8').catch(() => '');
    if (current !== page) {
      console.error(`capabilities: ${relative(ROOT, out)} is out of date; run node scripts/docs/capabilities.mjs`);
      process.exitCode = 1;
    }
  } else {
    await writeFile(out, page);
    console.log(`capabilities: wrote ${relative(ROOT, out)} (${providers.map((p) => p.name).join(', ')})`);
  }
  if (values.strict && missing.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

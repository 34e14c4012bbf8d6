// Row 5, size and start-up.
// Size: min+gzip of each package as an app bundles it (its dependencies
// included, emulators excluded), and of its own code alone (dependencies
// external); and the bundle of a minimal app that calls `createProvider`
// with one adapter. Start-up: cold `import()` of wamux plus one adapter,
// beside a bare `node -e ''`. Every build resolves the packages as an app
// does, through their package.json exports to dist/ (the repository's
// tsconfig paths, which point at src/, are switched off).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from '../lib/stats.mjs';

// Resolve packages as the bench workspace package does, wherever the run started.
const benchDir = new URL('..', import.meta.url).pathname;

const PACKAGES = ['@wamux/core', '@wamux/desk360', '@wamux/getchat', '@wamux/getchat/live', '@wamux/messaging-api', 'wamux'];
// Subpath entries have no target and are measured alone: an app that imports
// one pays at most that much on top of the package's main entry (less by the
// code they share with it).
const UNTARGETED = new Set(['wamux', '@wamux/getchat/live']);

/** Whether `entry` is something an app can import: a package, or a subpath its package.json exports. */
function exported(entry) {
  const [scope, name, ...rest] = entry.split('/');
  if (rest.length === 0) return true;
  const manifest = createRequire(`${benchDir}/`).resolve(`${scope}/${name}/package.json`);
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports ?? {};
  return `./${rest.join('/')}` in exports;
}

/** Marks every package `entry` imports (its dependencies, sibling @wamux packages) as external: what is left is its own code. */
function externalPackages(entry) {
  return {
    name: 'external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (args.path === entry ? undefined : { path: args.path, external: true }));
    },
  };
}

async function bundledSize(entry, { ownCodeOnly }) {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import'],
    write: false,
    treeShaking: true,
    logLevel: 'silent',
    tsconfigRaw: '{}',
    // Node built-ins are the runtime's (with or without the `node:` prefix a
    // dependency uses); a package's own size excludes every package it
    // imports (an adapter's includes none of the core it shares, core's none
    // of libphonenumber-js's metadata).
    external: ['node:*', ...builtinModules],
    plugins: ownCodeOnly ? [externalPackages(entry)] : [],
  });
  const code = result.outputFiles.map((file) => file.contents).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
  return gzipped(code);
}

const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).byteLength;

/** The source of a minimal app: create a provider from config, send one text. */
function appSource(adapter, viaCreateProvider) {
  const send = `await provider.send({ type: 'text', to: '+905551112233', text: 'Your order has shipped' });`;
  if (viaCreateProvider) {
    return `import { createProvider } from 'wamux';\nconst provider = await createProvider({ provider: '${adapter}', ...JSON.parse(process.env.WAMUX_CONFIG ?? '{}') });\n${send}\n`;
  }
  const factory = { desk360: 'createDesk360Provider', getchat: 'createGetchatProvider', 'messaging-api': 'createMessagingApiProvider' }[adapter];
  return `import { ${factory} } from '@wamux/${adapter}';\nconst provider = ${factory}(JSON.parse(process.env.WAMUX_CONFIG ?? '{}'));\n${send}\n`;
}

/**
 * Bundles the minimal app for Node (ESM, minified, code splitting, as a
 * server bundler would) and returns min+gzip sizes: `loaded`, the files a
 * run with `adapter` loads (the entry, the adapter's lazy chunk, and the
 * chunks they import statically), and `deployed`, every file of the bundle
 * (the other adapters' lazy chunks included).
 */
async function appBundle(adapter, viaCreateProvider) {
  const result = await build({
    stdin: { contents: appSource(adapter, viaCreateProvider), resolveDir: benchDir, loader: 'js', sourcefile: 'minimal-app.js' },
    absWorkingDir: benchDir,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outdir: '/app',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfigRaw: '{}',
  });
  const outputs = result.metafile.outputs;
  const sizeOf = new Map(result.outputFiles.map((file) => [file.path, gzipped(file.contents)]));
  // Metafile paths are relative to the working directory; output files carry absolute ones.
  const absolute = (path) => resolve(benchDir, path);
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint === 'minimal-app.js');
  if (!entry) throw new Error('app bundle: no entry chunk in the metafile');
  const adapterEntry = new RegExp(`(^|/)(packages|@wamux)/${adapter}/dist/index\\.js$`);
  const lazyAdapter = viaCreateProvider ? Object.keys(outputs).find((path) => adapterEntry.test(outputs[path].entryPoint ?? '')) : undefined;
  const loaded = new Set();
  const visit = (path) => {
    if (!path || loaded.has(path) || !outputs[path]) return;
    loaded.add(path);
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  visit(lazyAdapter);
  if (viaCreateProvider && !lazyAdapter) throw new Error(`app bundle: no lazy chunk for ${adapter}`);
  const total = (paths) => [...paths].reduce((sum, path) => sum + (sizeOf.get(absolute(path)) ?? 0), 0);
  return { loaded: total(loaded), deployed: total(Object.keys(outputs)), files: Object.keys(outputs).length };
}

/** Runs row 5; adds its rows to `report`. */
export async function sizeAndStartup(report, { quick, providers }) {
  // A subpath a package no longer exports is not measured.
  for (const entry of PACKAGES.filter(exported)) {
    const own = await bundledSize(entry, { ownCodeOnly: true });
    const full = await bundledSize(entry, { ownCodeOnly: false });
    const target = UNTARGETED.has(entry) ? undefined : 15 * 1024;
    report.add({
      section: 'user',
      suite: '5 · size (min+gzip)',
      case: entry,
      measured: `${(own / 1024).toFixed(1)} KB own code`,
      baseline: `${(full / 1024).toFixed(1)} KB with dependencies`,
      target: target ? '≤ 15 KB' : undefined,
      met: target ? own <= target : undefined,
      value: { own, full },
    });
  }
  for (const adapter of providers) {
    const app = await appBundle(adapter, true);
    const direct = await appBundle(adapter, false);
    report.add({
      section: 'user',
      suite: '5 · size (min+gzip)',
      case: `minimal app: createProvider({ provider: '${adapter}' }) and one send`,
      measured: `${(app.loaded / 1024).toFixed(1)} KB loaded (${(app.deployed / 1024).toFixed(1)} KB deployed, ${app.files} files)`,
      baseline: `${(direct.loaded / 1024).toFixed(1)} KB importing @wamux/${adapter} directly`,
      ratio: app.loaded / direct.loaded,
      value: { app, direct },
    });
  }
  const runs = quick ? 5 : 15;
  const time = (code) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: benchDir, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`start-up probe failed: ${code}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (const adapter of providers.map((name) => `@wamux/${name}`)) {
    const bare = [];
    const loaded = [];
    for (let i = 0; i < runs; i += 1) {
      bare.push(time(''));
      loaded.push(time(`await import('wamux'); await import('${adapter}');`));
    }
    const ratios = loaded.map((l, i) => l / bare[i]);
    report.add({
      section: 'user',
      suite: '5 · start-up (cold import)',
      case: `wamux + ${adapter}`,
      measured: `${median(loaded).toFixed(0)} ms`,
      baseline: `${median(bare).toFixed(0)} ms node -e ''`,
      ratio: median(ratios),
    });
  }
}

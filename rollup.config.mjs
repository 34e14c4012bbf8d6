// One build for every package, driven by each package.json:
//   - every `exports` subpath becomes an entry: "." -> src/index.ts,
//     "./emulator" -> src/emulator/index.ts (or src/emulator.ts);
//   - every `bin` becomes an ESM entry with a shebang;
//   - outputs: dist/<entry>.js (ESM), dist/<entry>.cjs (CJS),
//     dist/<entry>.d.ts and dist/<entry>.d.cts (types for each condition).
// In the ESM build every bare import (dependencies, node builtins, sibling
// @wamux packages) stays external: a package never bundles another. The CJS
// build differs in two ways, so that `require()` works on every Node 22+
// whether or not it can require() ES modules (docs/module-systems.md):
//   - it bundles the dependencies that ship only ES modules (ky), found from
//     their package.json files, not from a list (scripts/rollup/esm-only.mjs);
//   - its dynamic imports of sibling @wamux packages (createProvider loading
//     an adapter) become lazy `require()` calls, so a CommonJS app loads the
//     CommonJS build of every package, once (scripts/rollup/require-siblings.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import swc from '@rollup/plugin-swc';
import { dts } from 'rollup-plugin-dts';
import { bundleDependencies, esmOnlyDependencies } from './scripts/rollup/esm-only.mjs';
import { requireSiblings } from './scripts/rollup/require-siblings.mjs';

const root = dirname(new URL(import.meta.url).pathname);
const only = process.env.WAMUX_PACKAGES?.split(',');

/** Resolves extensionless relative imports to .ts files, as TypeScript's "Bundler" resolution does. */
function resolveTs() {
  return {
    name: 'resolve-ts',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.')) return null;
      const base = resolve(dirname(importer), source);
      for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (existsSync(candidate) && !candidate.endsWith('/')) return candidate;
      return null;
    },
  };
}

/**
 * The .d.cts twin of every .d.ts: the same declarations, with relative
 * specifiers pointing at .cjs so CommonJS consumers resolve CommonJS types.
 * Cheaper than running the declaration bundler a second time.
 */
function emitCjsTypes() {
  return {
    name: 'emit-cjs-types',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const source = file.code.replace(/((?:from\s+|import\()['"]\.{1,2}\/[^'"]+)\.js(['"])/g, '$1.cjs$2');
        this.emitFile({ type: 'asset', fileName: file.fileName.replace(/\.d\.ts$/, '.d.cts'), source });
      }
    },
  };
}

const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

function entriesOf(dir, pkg) {
  const inputs = {};
  for (const subpath of Object.keys(pkg.exports ?? {})) {
    if (subpath === './package.json') continue;
    const name = subpath === '.' ? 'index' : subpath.slice(2);
    const candidates = subpath === '.' ? ['src/index.ts'] : [`src/${name}/index.ts`, `src/${name}.ts`];
    const file = candidates.map((c) => join(dir, c)).find((c) => existsSync(c));
    if (!file) throw new Error(`${pkg.name}: no source for export "${subpath}" (looked for ${candidates.join(', ')})`);
    inputs[name] = file;
  }
  return inputs;
}

function binsOf(dir, pkg) {
  const bins = typeof pkg.bin === 'string' ? { [pkg.name]: pkg.bin } : (pkg.bin ?? {});
  const inputs = {};
  for (const target of Object.values(bins)) {
    // ./dist/<name>.js, or a committed launcher ./bin/<name>.mjs that imports it: either way src/<name>.ts → dist/<name>.js.
    const name = target.replace(/^\.\/(?:dist|bin)\//, '').replace(/\.m?js$/, '');
    inputs[name] = join(dir, 'src', `${name}.ts`);
  }
  return inputs;
}

const swcPlugin = () => swc({ swc: { jsc: { target: 'es2023', parser: { syntax: 'typescript' } }, sourceMaps: true } });

const configs = [];
for (const name of readdirSync(join(root, 'packages')).sort()) {
  if (only && !only.includes(name)) continue;
  const dir = join(root, 'packages', name);
  if (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'src'))) continue;
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const input = entriesOf(dir, pkg);
  const dist = join(dir, 'dist');
  // 'strict': an entry chunk exports exactly its entry's names, so code shared by two entries
  // (@wamux/core and @wamux/core/adapter) goes to a chunk of its own, and an app importing
  // the smaller entry does not load the larger one.
  const common = { external, treeshake: { moduleSideEffects: false }, preserveEntrySignatures: 'strict' };
  const esmOutput = { dir: dist, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true };
  const cjsOutput = {
    dir: dist,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: 'chunks/[name]-[hash].cjs',
    sourcemap: true,
    exports: 'named',
  };
  const esmOnly = esmOnlyDependencies(dir, pkg);
  const plugins = [resolveTs(), requireSiblings(pkg.dependencies), swcPlugin()];
  if (esmOnly.length === 0) {
    // Same modules for both formats: one build, two outputs.
    configs.push({ ...common, input, plugins, output: [esmOutput, cjsOutput] });
  } else {
    console.error(`${pkg.name}: the CommonJS build bundles ESM-only ${esmOnly.join(', ')}`);
    const cjs = bundleDependencies(esmOnly);
    configs.push({ ...common, input, plugins, output: esmOutput });
    configs.push({ ...common, external: cjs.external, input, plugins: [cjs.plugin, ...plugins], output: cjsOutput });
  }
  configs.push({
    ...common,
    input,
    plugins: [resolveTs(), dts({ tsconfig: join(root, 'tsconfig.base.json'), compilerOptions: { paths: {} } }), emitCjsTypes()],
    output: { dir: dist, format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  });
  const bins = binsOf(dir, pkg);
  if (Object.keys(bins).length > 0) {
    configs.push({
      ...common,
      input: bins,
      plugins: [resolveTs(), swcPlugin()],
      output: { dir: dist, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/bin-[name]-[hash].js', banner: '#!/usr/bin/env node' },
    });
  }
}

export default configs;

// The dependencies a CommonJS build cannot leave to `require()`, and how the
// build resolves them to bundle them.
//
// A dependency that ships only ES modules (ky, for one) has no entry for the
// `require` condition. `require('ky')` then throws ERR_REQUIRE_ESM on Node
// 22 before 22.12, and where require(esm) works it returns the module
// namespace, with the default export on `.default`. Neither is what the
// CommonJS build of a package expects, so that build carries its own copy.
// The ESM build keeps every dependency external.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { dirname, extname, join, sep } from 'node:path';

const ESM_CONDITIONS = new Set(['node', 'import', 'default']);

/** `ky` of `ky/distribution/x.js`, `@scope/name` of `@scope/name/sub`. */
export function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether `id` names a package (not a path, a builtin or a virtual module). */
export function isBare(id) {
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !isBuiltin(id);
}

/** Whether Node loads `file` as an ES module: .mjs, or .js under a `"type": "module"` package.json. */
function isEsmFile(file) {
  const extension = extname(file);
  if (extension === '.mjs') return true;
  if (extension !== '.js') return false;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
    if (dirname(dir) === dir) return false;
  }
}

/**
 * The runtime dependencies of the package in `dir` that `require()` cannot
 * load as CommonJS. Workspace siblings are left out: each is built dual by
 * the same config, and a package never bundles another.
 */
export function esmOnlyDependencies(dir, pkg) {
  const require = createRequire(join(dir, 'package.json'));
  const found = [];
  for (const [name, spec] of Object.entries(pkg.dependencies ?? {})) {
    if (String(spec).startsWith('workspace:')) continue;
    let file;
    try {
      file = require.resolve(name);
    } catch {
      if (findPackageDir(name, dir) === undefined) throw new Error(`${pkg.name}: cannot find dependency "${name}"; is the workspace installed?`);
      // Installed, but with no entry for the `require` condition: ESM-only by construction.
      found.push(name);
      continue;
    }
    if (isEsmFile(file)) found.push(name);
  }
  return found;
}

/** The file an `exports` target resolves to under ESM conditions, or undefined. */
function pickTarget(target) {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map(pickTarget).find((t) => t !== undefined);
  if (target && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (!ESM_CONDITIONS.has(condition)) continue;
      const picked = pickTarget(value);
      if (picked !== undefined) return picked;
    }
  }
  return undefined;
}

/**
 * The directory of package `name` as Node finds it from `fromDir` (the
 * nearest node_modules/<name>), by its real path so that what the package
 * imports resolves beside it (pnpm's layout); undefined when not installed.
 */
function findPackageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return realpathSync(join(dir, 'node_modules', name));
    if (dirname(dir) === dir) return undefined;
  }
}

/** The entry file of `specifier` as an ESM importer in `importer` gets it. */
function resolveEsm(specifier, importer) {
  const name = packageNameOf(specifier);
  const packageDir = findPackageDir(name, dirname(importer));
  if (packageDir === undefined) throw new Error(`cannot find "${name}" from ${importer}`);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const subpath = `.${specifier.slice(name.length)}`;
  let target;
  if (manifest.exports !== undefined) {
    const exportsMap =
      typeof manifest.exports === 'string' || Array.isArray(manifest.exports) || !Object.keys(manifest.exports).some((k) => k.startsWith('.'))
        ? { '.': manifest.exports }
        : manifest.exports;
    target = pickTarget(exportsMap[subpath]);
    if (target === undefined) throw new Error(`"${subpath}" is not exported by ${name} under ESM conditions (imported by ${importer})`);
  } else {
    target = subpath === '.' ? (manifest.module ?? manifest.main ?? 'index.js') : subpath;
  }
  return join(packageDir, target);
}

/**
 * For a CommonJS build that bundles `names`: which imports stay external
 * (`external`) and a plugin that resolves the bundled ones. What a bundled
 * dependency imports is bundled too, since it is not this package's
 * dependency to `require()`.
 */
export function bundleDependencies(names) {
  const bundled = new Set(names);
  const insideDependency = (importer) => importer?.includes(`${sep}node_modules${sep}`) === true;
  const mustBundle = (id, importer) => isBare(id) && (bundled.has(packageNameOf(id)) || insideDependency(importer));
  return {
    external: (id, importer) => (isBuiltin(id) ? true : isBare(id) && !mustBundle(id, importer)),
    plugin: {
      name: 'bundle-esm-only-dependencies',
      resolveId(source, importer) {
        if (!importer || !mustBundle(source, importer)) return null;
        return resolveEsm(source, importer);
      },
    },
  };
}

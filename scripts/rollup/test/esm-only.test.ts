import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleDependencies, esmOnlyDependencies, packageNameOf } from '../esm-only.mjs';

// A package being built (`app`) and the dependencies it could have, laid out
// as npm installs them, in a temp dir removed after the tests.
let root: string;
const app = () => join(root, 'app');

function write(path: string, content: unknown): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
}

function dependency(name: string, manifest: Record<string, unknown>, files: Record<string, string>): void {
  write(`app/node_modules/${name}/package.json`, { name, version: '1.0.0', ...manifest });
  for (const [file, content] of Object.entries(files)) write(`app/node_modules/${name}/${file}`, content);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wamux-esm-only-'));
  // ESM-only the way ky is: "type": "module", one `default` export.
  dependency('esm-default', { type: 'module', exports: { types: './index.d.ts', default: './index.js' } }, { 'index.js': 'export default 1;' });
  // ESM-only with no export for `require` at all.
  dependency('esm-import-only', { type: 'module', exports: { '.': { import: './index.js' } } }, { 'index.js': 'export const a = 1;' });
  // ESM-only through the .mjs extension, no `exports`.
  dependency('esm-main', { main: './index.mjs' }, { 'index.mjs': 'export const a = 1;' });
  // Dual: `require` leads to a .cjs file.
  dependency(
    'dual',
    { type: 'module', exports: { '.': { import: './index.js', require: './index.cjs' } } },
    { 'index.js': 'export const a = 1;', 'index.cjs': 'exports.a = 1;' },
  );
  // CommonJS with an ES module wrapper, as ws and eventemitter3 are.
  dependency(
    'cjs-wrapped',
    { exports: { '.': { import: './wrapper.mjs', require: './index.js' } } },
    { 'index.js': 'exports.a = 1;', 'wrapper.mjs': 'export const a = 1;' },
  );
  // Plain CommonJS.
  dependency('cjs', { main: 'index.js' }, { 'index.js': 'exports.a = 1;' });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const manifest = (dependencies: Record<string, string>) => ({ name: 'app', dependencies });

describe('esmOnlyDependencies', () => {
  it('finds the dependencies require() cannot load as CommonJS, and only those', () => {
    const all = ['esm-default', 'esm-import-only', 'esm-main', 'dual', 'cjs-wrapped', 'cjs'];
    const found = esmOnlyDependencies(app(), manifest(Object.fromEntries(all.map((name) => [name, '1.0.0']))));
    expect(found.sort()).toEqual(['esm-default', 'esm-import-only', 'esm-main']);
  });

  it('leaves workspace siblings alone, built or not', () => {
    expect(esmOnlyDependencies(app(), manifest({ '@wamux/core': 'workspace:*' }))).toEqual([]);
  });

  it('refuses a dependency it cannot find, naming it', () => {
    expect(() => esmOnlyDependencies(app(), manifest({ 'not-installed': '1.0.0' }))).toThrow(/app: cannot find dependency "not-installed"/);
  });
});

describe('bundleDependencies', () => {
  const importer = () => join(app(), 'src', 'index.ts');

  it('bundles the named packages and what they import; keeps builtins and other packages external', () => {
    const { external } = bundleDependencies(['esm-default']);
    expect(external('esm-default', importer())).toBe(false);
    expect(external('esm-default/sub', importer())).toBe(false);
    expect(external('dual', importer())).toBe(true);
    expect(external('node:http', importer())).toBe(true);
    expect(external('stream', join(app(), 'node_modules', 'esm-default', 'index.js'))).toBe(true);
    expect(external('dual', join(app(), 'node_modules', 'esm-default', 'index.js'))).toBe(false);
    expect(external('./local', importer())).toBe(false);
  });

  it('resolves a bundled package to the file an ES module importer gets', () => {
    const { plugin } = bundleDependencies(['esm-default', 'dual', 'esm-main']);
    const resolve = (id: string) => plugin.resolveId(id, importer());
    expect(resolve('esm-default')).toBe(join(app(), 'node_modules', 'esm-default', 'index.js'));
    expect(resolve('dual')).toBe(join(app(), 'node_modules', 'dual', 'index.js'));
    expect(resolve('esm-main')).toBe(join(app(), 'node_modules', 'esm-main', 'index.mjs'));
    expect(resolve('cjs')).toBeNull();
  });
});

describe('packageNameOf', () => {
  it('reads the package of a bare specifier', () => {
    expect(packageNameOf('ky')).toBe('ky');
    expect(packageNameOf('ky/distribution/index.js')).toBe('ky');
    expect(packageNameOf('@wamux/getchat/live')).toBe('@wamux/getchat');
  });
});

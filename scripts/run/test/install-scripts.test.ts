// A fresh `pnpm install` (the first step of `npm run demo`) must not print
// pnpm's "Ignored build scripts" box: every installed dependency with an
// install script is either allowed to run it or knowingly ignored in
// pnpm-workspace.yaml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** The names listed under `key:` in pnpm-workspace.yaml. */
function workspaceList(key: string): string[] {
  const text = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const block = new RegExp(`^${key}:\\n((?:[ \\t]+-.*\\n?|#.*\\n)*)`, 'm').exec(text)?.[1] ?? '';
  return [...block.matchAll(/^[ \t]+-\s*["']?([^"'\s]+)["']?/gm)].map((match) => match[1] ?? '');
}

/** Every package installed in the workspace's virtual store that has an install script. */
function packagesWithInstallScripts(): string[] {
  const store = join(ROOT, 'node_modules/.pnpm');
  const names = new Set<string>();
  for (const entry of readdirSync(store)) {
    const modules = join(store, entry, 'node_modules');
    if (!existsSync(modules)) continue;
    for (const name of readdirSync(modules)) {
      const dirs = name.startsWith('@') ? readdirSync(join(modules, name)).map((sub) => `${name}/${sub}`) : [name];
      for (const dir of dirs) {
        const manifest = join(modules, dir, 'package.json');
        if (!existsSync(manifest)) continue;
        const { scripts = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> };
        // pnpm also runs `node-gyp rebuild` for a package with a binding.gyp and no install script.
        if (['preinstall', 'install', 'postinstall'].some((script) => script in scripts) || existsSync(join(modules, dir, 'binding.gyp'))) names.add(dir);
      }
    }
  }
  return [...names].sort();
}

describe('dependencies with install scripts', () => {
  it('are each allowed (onlyBuiltDependencies) or ignored (ignoredBuiltDependencies)', () => {
    const decided = new Set([...workspaceList('onlyBuiltDependencies'), ...workspaceList('ignoredBuiltDependencies')]);
    expect(decided.size).toBeGreaterThan(0);
    expect(packagesWithInstallScripts().filter((name) => !decided.has(name))).toEqual([]);
  });
});

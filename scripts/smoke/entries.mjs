// Every entry point a user can load: each subpath of each installed wamux
// package's `exports` map, read from the package.json npm installed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runsUnderJest } from './jest.mjs';

/** The specifier a user writes for `subpath` of `name`: `@wamux/getchat` for ".", `@wamux/getchat/emulator` for "./emulator". */
export function specifierOf(name, subpath) {
  return subpath === '.' ? name : `${name}${subpath.slice(1)}`;
}

/**
 * `{ name, subpath, specifier, underJest }` for every subpath of every
 * package in `names`, as installed in `projectDir`. Packages of the `wamux`
 * name come first, so that `createProvider` is what first loads each
 * adapter. `underJest`: the package needs the Jest runtime to load (see
 * jest.mjs); its `./package.json` is still read directly.
 */
export function listEntries(projectDir, names) {
  const order = [...names].sort((a, b) => Number(a.startsWith('@')) - Number(b.startsWith('@')) || a.localeCompare(b));
  return order.flatMap((name) => {
    const manifest = JSON.parse(readFileSync(join(projectDir, 'node_modules', name, 'package.json'), 'utf8'));
    const subpaths =
      typeof manifest.exports === 'object' && manifest.exports !== null && Object.keys(manifest.exports).every((key) => key.startsWith('.'))
        ? Object.keys(manifest.exports)
        : ['.'];
    const underJest = runsUnderJest(manifest);
    return subpaths.map((subpath) => ({ name, subpath, specifier: specifierOf(name, subpath), underJest: underJest && subpath !== './package.json' }));
  });
}

/** The executables of the installed packages: `{ name, command, file }`. */
export function listBins(projectDir, names) {
  return names.flatMap((name) => {
    const manifest = JSON.parse(readFileSync(join(projectDir, 'node_modules', name, 'package.json'), 'utf8'));
    const bins = typeof manifest.bin === 'string' ? { [name.replace(/^@[^/]+\//, '')]: manifest.bin } : (manifest.bin ?? {});
    return Object.entries(bins).map(([command, file]) => ({ name, command, file: join(projectDir, 'node_modules', name, file) }));
  });
}

// Packs every published workspace package the way `pnpm publish` would:
// `workspace:*` ranges become versions, only the `files` are included.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './processes.mjs';

/** The published packages: every packages/* directory with a non-private package.json. */
export function publishedPackages(root) {
  return readdirSync(join(root, 'packages'))
    .sort()
    .map((dir) => join(root, 'packages', dir))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/**
 * Packs every published package into `destination` with one `pnpm pack -r`.
 * Resolves with `{ name, version, filename }` per package. Throws when a
 * package has no build output, naming it.
 */
export async function packAll(root, destination) {
  const packages = publishedPackages(root);
  for (const { dir, manifest } of packages) {
    if (!existsSync(join(dir, 'dist'))) throw new Error(`${manifest.name}: no dist/ to pack; run \`pnpm run build\` first`);
  }
  const result = await runProcess('pnpm', ['-r', '--filter', './packages/*', 'pack', '--pack-destination', destination, '--json'], {
    cwd: root,
    timeoutMs: 120_000,
  });
  if (result.code !== 0) throw new Error(`pnpm pack failed (${result.error ?? `exit ${result.code}`}):\n${result.stderr}${result.stdout}`);
  const packed = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  const names = new Set(packed.map((entry) => entry.name));
  const missing = packages.filter(({ manifest }) => !names.has(manifest.name)).map(({ manifest }) => manifest.name);
  if (missing.length > 0) throw new Error(`pnpm pack produced no tarball for ${missing.join(', ')}`);
  const published = new Set(packages.map(({ manifest }) => manifest.name));
  return packed.filter(({ name }) => published.has(name)).map(({ name, version, filename }) => ({ name, version, filename }));
}

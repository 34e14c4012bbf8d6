// Whether the packages' build output is up to date with their sources, so
// `npm run demo` can skip a rebuild of every package (tens of seconds) when
// nothing changed. Plain JavaScript for Node 18+, like scripts/run.mjs.
//
// The rule is biased towards rebuilding: a package is fresh only when every
// top-level file of its dist/ is newer than every file it is built from (its
// src/, its package.json, and the build's own configuration and lockfile).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files of the repository every package's build depends on. */
const SHARED_INPUTS = ['rollup.config.mjs', 'tsconfig.base.json', 'pnpm-lock.yaml', 'scripts/build.mjs', 'scripts/rollup'];

/** The newest modification time under `path` (a file or a directory, recursively), or 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** The oldest modification time of the top-level files of `dist`, or undefined when there are none. */
function oldestOutput(dist) {
  if (!existsSync(dist)) return undefined;
  const files = readdirSync(dist)
    .map((entry) => join(dist, entry))
    .filter((path) => statSync(path).isFile());
  if (files.length === 0) return undefined;
  return Math.min(...files.map((path) => statSync(path).mtimeMs));
}

/**
 * Why the build under `root` must run again (e.g. `packages/core/src changed
 * since the last build`), or undefined when every package's dist/ is newer
 * than its sources.
 * @param {string} root the repository root
 * @returns {string | undefined}
 */
export function staleBuild(root) {
  const packagesDir = join(root, 'packages');
  const shared = Math.max(...SHARED_INPUTS.map((path) => newest(join(root, path))));
  for (const name of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, name);
    if (!existsSync(join(dir, 'src')) || !existsSync(join(dir, 'package.json'))) continue;
    const built = oldestOutput(join(dir, 'dist'));
    if (built === undefined) return `packages/${name} has no build yet`;
    if (newest(join(dir, 'src')) > built || newest(join(dir, 'package.json')) > built) return `packages/${name} changed since its last build`;
    if (shared > built) return 'the build configuration or the lockfile changed since the last build';
  }
  return undefined;
}

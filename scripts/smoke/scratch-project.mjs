// The scratch project: a fresh npm project outside the workspace that
// installs the packed tarballs as a user would install published packages.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runProcess } from './processes.mjs';

/**
 * Writes `dir/package.json` depending on every tarball (plus `devDependencies`,
 * e.g. the @types/node a TypeScript user has) and runs `npm install` in it.
 * `overrides` pins every wamux package to its tarball, so none can come
 * from the registry under the same name. Throws with npm's output on failure,
 * or when a wamux package was installed twice or not from its tarball.
 */
export async function installScratchProject(dir, tarballs, devDependencies) {
  const dependencies = Object.fromEntries(tarballs.map(({ name, filename }) => [name, `file:./tarballs/${basename(filename)}`]));
  const overrides = Object.fromEntries(tarballs.map(({ name }) => [name, `$${name}`]));
  const manifest = {
    name: 'wamux-smoke-app',
    private: true,
    description: 'A user of the packed wamux packages (scripts/smoke).',
    dependencies,
    devDependencies,
    overrides,
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const result = await runProcess('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, timeoutMs: 300_000 });
  if (result.code !== 0) throw new Error(`npm install failed in ${dir} (${result.error ?? `exit ${result.code}`}):\n${result.stderr}${result.stdout}`);

  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const names = new Set(tarballs.map(({ name }) => name));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!names.has(name)) continue;
    if (path !== `node_modules/${name}`) throw new Error(`npm installed a second copy of ${name} at ${path}`);
    if (!String(entry.resolved).startsWith('file:')) throw new Error(`npm installed ${name} from ${entry.resolved}, not from its tarball`);
  }
}

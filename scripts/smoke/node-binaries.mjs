// The Node.js binaries the smoke test runs under. The running Node serves
// its own major; another major comes from the `node@<major>` npm package,
// installed once into .tools/node<major>/ (gitignored), as scripts/run.mjs
// brings in node@24.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './processes.mjs';

function versionOf(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : undefined;
}

/**
 * A Node.js binary of `major`, with its full version: the running one, one
 * already in .tools/, or `node@<major>` installed from the npm registry.
 */
export async function nodeBinary(root, major) {
  if (Number(process.versions.node.split('.')[0]) === major) return { binary: process.execPath, version: process.versions.node };
  const prefix = join(root, '.tools', `node${major}`);
  const candidates = [join(prefix, 'node_modules', '.bin', 'node'), join(root, '.tools', 'node_modules', '.bin', 'node')];
  for (const binary of candidates) {
    const version = existsSync(binary) ? versionOf(binary) : undefined;
    if (version?.startsWith(`${major}.`)) return { binary, version };
  }
  console.log(`[smoke] bringing in node@${major} from the npm registry into .tools/node${major}/`);
  const result = await runProcess('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node@${major}`], {
    timeoutMs: 300_000,
  });
  const binary = candidates[0];
  const version = existsSync(binary) ? versionOf(binary) : undefined;
  if (result.code !== 0 || !version?.startsWith(`${major}.`)) {
    throw new Error(`could not install node@${major} (${result.error ?? `exit ${result.code}`}):\n${result.stderr}${result.stdout}`);
  }
  return { binary, version };
}

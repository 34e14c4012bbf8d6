#!/usr/bin/env node
// Checks every built package's export map the way consumers' tools read it:
// publint (package.json fields, files, formats) and @arethetypeswrong/cli
// (types resolve, and as the right module format, under node10, node16 from
// CommonJS and from ESM, and bundler resolution). node10 ignores `exports`:
// the root entry's types come from `types` and each subpath's from
// `typesVersions` (docs/module-systems.md). What happens when the code runs
// is the packaging smoke test's job (scripts/smoke/).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
let failed = false;
for (const name of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', name);
  if (!existsSync(join(dir, 'dist'))) continue;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--format', 'table-flipped']],
  ]) {
    const result = spawnSync(join(root, 'node_modules', '.bin', tool), args, { cwd: dir, encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`.trim();
    if (result.status !== 0) {
      failed = true;
      console.error(`✗ ${name}: ${tool}\n${output}\n`);
    } else {
      console.log(`✓ ${name}: ${tool}`);
    }
  }
}
process.exit(failed ? 1 : 0);

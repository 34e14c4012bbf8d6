// Size: min+gzip of each package as an app bundles it (its dependencies
// included, emulators excluded), and of its own code alone (dependencies
// external). Start-up: cold `import()` of wamux plus one adapter, as a ratio
// to a bare `node -e ''`.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { median } from '../lib/measure.mjs';

// Resolve packages as the bench workspace package does, wherever the run started.
const benchDir = new URL('..', import.meta.url).pathname;

const PACKAGES = ['@wamux/core', '@wamux/desk360', '@wamux/getchat', '@wamux/getchat/operations', '@wamux/getchat/live', '@wamux/messaging-api', 'wamux'];
// Subpath entries have no target and are measured alone: an app that imports
// one pays at most that much on top of the package's main entry (less by the
// code they share with it).
const UNTARGETED = new Set(['wamux', '@wamux/getchat/operations', '@wamux/getchat/live']);

/** Marks every @wamux package except `entry` itself as external. */
function externalSiblings(entry) {
  return {
    name: 'external-siblings',
    setup(build) {
      build.onResolve({ filter: /^@wamux\// }, (args) => (args.path === entry ? undefined : { path: args.path, external: true }));
    },
  };
}

async function bundledSize(entry, { ownCodeOnly }) {
  const result = await build({
    stdin: { contents: `export * from '${entry}';`, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import'],
    write: false,
    treeShaking: true,
    logLevel: 'silent',
    // Node built-ins are the runtime's; a package's own size excludes its
    // dependencies (an adapter's includes none of the core it shares).
    external: ['node:*', ...(ownCodeOnly ? ['@wamux/*', 'ky', 'valibot', 'ts-pattern', 'eventemitter3', 'wamux'].filter((dep) => dep !== entry && !(dep === '@wamux/*' && entry.startsWith('@wamux/'))) : [])],
    plugins: ownCodeOnly && entry.startsWith('@wamux/') ? [externalSiblings(entry)] : [],
  });
  const code = result.outputFiles.map((file) => file.contents).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
  return gzipSync(code, { level: 9 }).byteLength;
}

export async function sizeAndStartup(report, { quick }) {
  for (const entry of PACKAGES) {
    const own = await bundledSize(entry, { ownCodeOnly: true });
    const full = await bundledSize(entry, { ownCodeOnly: false });
    const target = UNTARGETED.has(entry) ? undefined : 15 * 1024;
    report.add({
      suite: 'size (min+gzip)',
      case: entry,
      measured: `${(own / 1024).toFixed(1)} KB own code`,
      baseline: `${(full / 1024).toFixed(1)} KB with dependencies`,
      target: target ? '≤ 15 KB' : undefined,
      met: target ? own <= target : undefined,
      value: { own, full },
    });
  }
  const runs = quick ? 5 : 15;
  const time = (code) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: benchDir, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`start-up probe failed: ${code}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  for (const adapter of ['@wamux/desk360', '@wamux/getchat', '@wamux/messaging-api']) {
    const bare = [];
    const loaded = [];
    for (let i = 0; i < runs; i += 1) {
      bare.push(time(''));
      loaded.push(time(`await import('wamux'); await import('${adapter}');`));
    }
    const ratios = loaded.map((l, i) => l / bare[i]);
    report.add({
      suite: 'start-up (cold import)',
      case: `wamux + ${adapter}`,
      measured: `${median(loaded).toFixed(0)} ms`,
      baseline: `${median(bare).toFixed(0)} ms node -e ''`,
      ratio: median(ratios),
    });
  }
}

// What `createProvider` costs an app that is bundled. With code splitting
// (Rollup, Vite, webpack, Next.js, esbuild --splitting) each adapter is a
// chunk of its own, loaded only when the config names it: this test bundles
// a minimal app and checks that what loads for desk360 holds no other
// vendor, no test toolkit and no Redis client. (Without code splitting every
// adapter is inlined: docs/getting-started.md#bundle-size says so and shows
// the direct import.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

const ROOT = resolve(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'wamux-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The output files loaded when `entry` runs and takes the dynamic imports `follow` says to take. */
function loaded(metafile: Metafile, entry: string, follow: (chunkInputs: string[]) => boolean): Set<string> {
  const seen = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    for (const imported of metafile.outputs[output]?.imports ?? []) {
      if (imported.external) continue;
      if (imported.kind === 'import-statement' || follow(Object.keys(metafile.outputs[imported.path]?.inputs ?? {}))) visit(imported.path);
    }
  };
  visit(entry);
  return seen;
}

describe('a bundled app that calls createProvider', () => {
  it('loads the named adapter and nothing of the others', async () => {
    const app = join(dir, 'app.ts');
    writeFileSync(
      app,
      `import { createProvider } from ${JSON.stringify(join(ROOT, 'packages/wamux/src/index.ts'))};\n` +
        "const provider = await createProvider({ provider: 'desk360', apiKey: 'key', integrationId: 1 });\n" +
        "await provider.send({ type: 'text', to: '+905551112233', text: 'Hello' });\n",
    );
    const result = await build({
      entryPoints: [app],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      outdir: join(dir, 'out'),
      write: false,
      metafile: true,
      logLevel: 'silent',
      tsconfig: join(ROOT, 'tsconfig.base.json'),
    });
    const entry = Object.keys(result.metafile.outputs).find((output) => output.endsWith('/app.js'));
    expect(entry).toBeDefined();
    // At run time createProvider takes one dynamic import: the desk360 adapter's.
    const isDesk360 = (inputs: string[]) => inputs.some((input) => input.includes('packages/desk360/src/'));
    const inputs = [...loaded(result.metafile, entry ?? '', isDesk360)].flatMap((output) => Object.keys(result.metafile.outputs[output]?.inputs ?? {}));
    expect(inputs.some((input) => input.includes('packages/desk360/src/'))).toBe(true);
    const foreign = inputs.filter((input) =>
      /packages\/(getchat|messaging-api|testing|redis)\/|node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(ioredis|@redis|redis)\//.test(input),
    );
    expect(foreign).toEqual([]);
  }, 60_000);
});

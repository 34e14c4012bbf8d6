// How the `wamux` command is reached: `wamux --version`, the committed
// launcher that package managers link (bin/cli.mjs, present before any
// build, so a fresh `pnpm install` links it without "Failed to create bin"),
// and the root `pnpm wamux` script that runs it from a clone.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VERSION } from '../../src/version';
import { bundleCli, killAll, runCli, tempDir } from './helpers';

const PACKAGE_DIR = resolve(__dirname, '../..');
const ROOT = resolve(PACKAGE_DIR, '../..');
const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; files: string[] };
const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

const tmp = tempDir();
let bundle: string;

beforeAll(async () => {
  bundle = await bundleCli(tmp.dir);
});
afterAll(() => {
  killAll();
  tmp.cleanup();
});

describe('wamux --version', () => {
  it("prints package.json's version and exits 0", async () => {
    expect(VERSION).toBe(manifest.version);
    for (const flag of ['--version', '-V']) {
      const result = await runCli(bundle, [flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    }
  });
});

describe('the wamux launcher', () => {
  const launcher = manifest.bin.wamux ?? '';

  it('is a committed file shipped in the package, not build output', () => {
    expect(launcher).toBe('./bin/cli.mjs');
    expect(manifest.files).toContain('bin');
    expect(readFileSync(join(PACKAGE_DIR, launcher), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs the built CLI beside it', async () => {
    const installed = join(tmp.dir, 'installed');
    mkdirSync(join(installed, 'bin'), { recursive: true });
    mkdirSync(join(installed, 'dist'), { recursive: true });
    copyFileSync(join(PACKAGE_DIR, launcher), join(installed, 'bin/cli.mjs'));
    copyFileSync(bundle, join(installed, 'dist/cli.js'));
    const result = await runCli(join(installed, 'bin/cli.mjs'), ['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  it('says how to build when the CLI is not built yet', async () => {
    const fresh = join(tmp.dir, 'fresh');
    mkdirSync(join(fresh, 'bin'), { recursive: true });
    copyFileSync(join(PACKAGE_DIR, launcher), join(fresh, 'bin/cli.mjs'));
    const result = await runCli(join(fresh, 'bin/cli.mjs'), ['--help']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('run `pnpm run build`');
  });

  it('is what `pnpm wamux` runs from the root of a clone', () => {
    expect(rootManifest.scripts.wamux).toBe(`node packages/wamux/${launcher.slice(2)}`);
  });
});

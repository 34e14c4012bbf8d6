// `npm run demo` rebuilds only when a package's sources are newer than its
// build; an up-to-date build is reused. File times are set explicitly, so
// the test does not depend on the clock.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { staleBuild } from '../build-freshness.mjs';

let root: string;

/** Writes `path` (relative to root) with the given modification time, in seconds. */
function file(path: string, time: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  utimesSync(full, time, time);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wamux-freshness-'));
  file('rollup.config.mjs', 100);
  file('pnpm-lock.yaml', 100);
  for (const name of ['core', 'wamux']) {
    file(`packages/${name}/package.json`, 100);
    file(`packages/${name}/src/index.ts`, 100);
    file(`packages/${name}/src/deep/file.ts`, 150);
    file(`packages/${name}/dist/index.js`, 200);
    file(`packages/${name}/dist/index.cjs`, 201);
  }
  // Directories get the time of their last change too: keep them old.
  for (const dir of ['packages/core/src', 'packages/core/src/deep', 'packages/wamux/src', 'packages/wamux/src/deep']) utimesSync(join(root, dir), 100, 100);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('whether the build must run again', () => {
  it('reuses a build newer than every source', () => {
    expect(staleBuild(root)).toBeUndefined();
  });

  it('rebuilds when a source file deep in a package changed after the build', () => {
    file('packages/wamux/src/deep/file.ts', 300);
    expect(staleBuild(root)).toBe('packages/wamux changed since its last build');
  });

  it("rebuilds when a package's manifest changed", () => {
    file('packages/core/package.json', 300);
    expect(staleBuild(root)).toBe('packages/core changed since its last build');
  });

  it('rebuilds when the build configuration or the lockfile changed', () => {
    file('pnpm-lock.yaml', 300);
    expect(staleBuild(root)).toMatch(/lockfile changed/);
  });

  it('rebuilds when a package has no build output, or only part of it is newer than the sources', () => {
    rmSync(join(root, 'packages/core/dist'), { recursive: true });
    expect(staleBuild(root)).toBe('packages/core has no build yet');
    file('packages/core/dist/index.js', 200);
    file('packages/core/dist/old-entry.js', 120); // left from an earlier build, older than a source
    expect(staleBuild(root)).toBe('packages/core changed since its last build');
  });
});

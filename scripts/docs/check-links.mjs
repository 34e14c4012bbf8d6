#!/usr/bin/env node
// Fails on a dead relative link or anchor, or VitePress-only syntax, in any
// markdown file of the repository (tracked or new, outside what .gitignore
// leaves out: node_modules, dist, the generated docs/api). Anchors are
// checked as GitHub makes them, since GitHub is where most people read these
// pages.
//
//   node scripts/docs/check-links.mjs
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkFile } from './lib/links.mjs';
import { DOCS, ROOT } from './lib/paths.mjs';

/** Every file of the repository as GitHub would show it: tracked or new, not ignored, present on disk. */
function repositoryFiles() {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return listed
    .split('\0')
    .filter((path) => path !== '' && !path.split('/').includes('node_modules'))
    .map((path) => join(ROOT, path))
    .filter((path) => existsSync(path));
}

const known = new Set([ROOT]);
for (const file of repositoryFiles()) {
  for (let path = file; path.length > ROOT.length && !known.has(path); path = dirname(path)) known.add(path);
}
const files = [...known].filter((path) => path.endsWith('.md')).sort();
const problems = files.flatMap((file) => checkFile(file, ROOT, { exists: (path) => known.has(path.replace(/\/+$/, '')), siteDir: DOCS }));
for (const { file, line, message } of problems) console.error(`${file}:${line}: ${message}`);
if (problems.length === 0) console.log(`links: ${files.length} markdown files, every relative link and anchor resolves`);
else console.error(`links: ${problems.length} problem(s) in ${files.length} markdown files`);
process.exitCode = problems.length === 0 ? 0 : 1;

#!/usr/bin/env node
// Every published package has the same shape, so a user who installs one
// finds what they expect: a README (what it is, install, an example, a link
// to the docs), a LICENSE, a CHANGELOG kept by Changesets, `repository`,
// `homepage` and `keywords`, and caret ranges on its runtime dependencies
// (an exact pin forces duplicate copies on every app that depends on two
// wamux packages). `--fix` writes the fields that can be derived; the README
// and the CHANGELOG are written by people and by `changeset version`.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const fix = process.argv.includes('--fix');
const REPOSITORY = 'https://github.com/wamux/wamux';
const BASE_KEYWORDS = ['whatsapp', 'wamux'];

/** The problems of one package, fixing what `--fix` can. */
function problemsOf(dir, name) {
  const file = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  const wanted = {
    repository: { type: 'git', url: `git+${REPOSITORY}.git`, directory: `packages/${name}` },
    homepage: `${REPOSITORY}/tree/main/packages/${name}#readme`,
    bugs: `${REPOSITORY}/issues`,
  };
  for (const [field, value] of Object.entries(wanted)) {
    if (JSON.stringify(pkg[field]) === JSON.stringify(value)) continue;
    if (fix) pkg[field] = value;
    else problems.push(`package.json: "${field}" should be ${JSON.stringify(value)}`);
  }
  if (!Array.isArray(pkg.keywords) || !BASE_KEYWORDS.every((keyword) => pkg.keywords.includes(keyword))) {
    if (fix) pkg.keywords = [...new Set([...BASE_KEYWORDS, ...(pkg.keywords ?? [])])];
    else problems.push(`package.json: "keywords" should include ${BASE_KEYWORDS.join(', ')}`);
  }
  if (pkg.license !== 'MIT') problems.push('package.json: "license" should be MIT');
  if (!pkg.description) problems.push('package.json: "description" is missing');
  for (const [dependency, range] of Object.entries(pkg.dependencies ?? {})) {
    if (range.startsWith('workspace:') || range.startsWith('^') || range.startsWith('~')) continue;
    if (fix && /^\d/.test(range)) pkg.dependencies[dependency] = `^${range}`;
    else problems.push(`package.json: dependency ${dependency}@${range} is pinned; use a caret range`);
  }
  if (fix) writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);

  if (!existsSync(join(dir, 'LICENSE'))) {
    if (fix) copyFileSync(join(root, 'LICENSE'), join(dir, 'LICENSE'));
    else problems.push('LICENSE is missing');
  }
  if (!existsSync(join(dir, 'CHANGELOG.md'))) problems.push('CHANGELOG.md is missing (Changesets writes it: `pnpm changeset version`)');
  const readme = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : undefined;
  if (readme === undefined) problems.push('README.md is missing');
  else {
    if (!readme.startsWith(`# ${pkg.name}`)) problems.push(`README.md should start with "# ${pkg.name}"`);
    if (!/^## Install/m.test(readme)) problems.push('README.md has no "## Install" section');
    if (!/```(?:ts|js)/.test(readme)) problems.push('README.md has no code example');
    if (!/docs\//.test(readme)) problems.push('README.md does not link to the docs');
  }
  return problems;
}

let failed = false;
const names = readdirSync(join(root, 'packages'))
  .filter((name) => existsSync(join(root, 'packages', name, 'package.json')))
  .sort();
for (const name of names) {
  const problems = problemsOf(join(root, 'packages', name), name);
  if (problems.length === 0) continue;
  failed = true;
  console.error(`packages/${name}:`);
  for (const problem of problems) console.error(`  - ${problem}`);
}
if (failed) process.exit(1);
console.log(`package shape: ${names.length} packages have README, LICENSE, CHANGELOG, repository, homepage, keywords and caret ranges`);

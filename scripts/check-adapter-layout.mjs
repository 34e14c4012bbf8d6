#!/usr/bin/env node
// Every adapter has the same shape (docs/writing-an-adapter.md, "Package
// layout"), so a reader who knows one knows all. This script fails when an
// adapter deviates: a missing or unexpected entry in src/, or an import that
// crosses a boundary the layout forbids. An adapter is a package whose
// package.json has `"wamux": { "adapter": true }`; a vendor extra is a folder
// named in `"wamux": { "extras": [...] }`. An adapter whose vendor is its own
// emulator running in the app's process (the memory provider) names that
// module in `"wamux": { "inProcessVendor": "emulator/in-process.ts" }`: the
// provider may import it, and nothing else of emulator/.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The entries of src/: required ones, and those an adapter has only when its vendor needs them. */
const REQUIRED = ['index.ts', 'provider.ts', 'driver.ts', 'options.ts', 'capabilities.ts', 'errors.ts', 'wire', 'map', 'webhook', 'emulator'];
const OPTIONAL = ['auth.ts', 'operations'];
/** `client.ts`, or a `client/` folder when the wiring has several parts. */
const CLIENT = ['client.ts', 'client'];
const REQUIRED_FILES = ['map/status.ts', 'map/inbound.ts', 'map/outbound.ts', 'webhook/verify.ts', 'webhook/parse.ts', 'emulator/index.ts'];

/**
 * Who may import whom, by the area of the importing file. An area is the
 * first segment under src/ without its extension (`driver`, `map`, `client`).
 */
const FORBIDDEN = {
  driver: ['operations', 'emulator'],
  map: ['operations', 'client', 'driver', 'provider', 'emulator', 'webhook'],
  webhook: ['operations', 'client', 'driver', 'provider', 'emulator'],
  wire: ['operations', 'client', 'driver', 'provider', 'emulator', 'map', 'webhook', 'auth', 'errors', 'capabilities'],
  client: ['operations', 'driver', 'provider', 'emulator', 'webhook'],
  auth: ['operations', 'driver', 'provider', 'emulator', 'webhook'],
  errors: ['operations', 'driver', 'provider', 'emulator', 'webhook'],
  capabilities: ['operations', 'client', 'driver', 'provider', 'emulator'],
  options: ['operations', 'client', 'driver', 'provider', 'emulator', 'map', 'webhook'],
  operations: ['driver', 'provider', 'emulator', 'webhook'],
  emulator: ['driver', 'client', 'provider', 'operations', 'auth'],
};

const areaOf = (srcDir, file) => relative(srcDir, file).split(sep)[0].replace(/\.ts$/, '');

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((file) => file.endsWith('.ts') && statSync(file).isFile());
}

/** The relative imports of a file (static, dynamic and `export ... from`), resolved to files. */
function relativeImports(file) {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']*)'/g)].map((match) => match[1]);
  return specifiers.map((specifier) => {
    const base = resolve(dirname(file), specifier);
    return [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? base;
  });
}

/** The problems of one adapter package, as lines to print. */
export function layoutProblems(packageDir) {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const extras = pkg.wamux?.extras ?? [];
  const inProcessVendor = pkg.wamux?.inProcessVendor === undefined ? undefined : join(packageDir, 'src', pkg.wamux.inProcessVendor);
  const srcDir = join(packageDir, 'src');
  const problems = [];
  const entries = readdirSync(srcDir);
  for (const entry of REQUIRED) if (!entries.includes(entry)) problems.push(`src/${entry} is missing`);
  if (!CLIENT.some((entry) => entries.includes(entry))) problems.push('src/client.ts (or src/client/) is missing');
  for (const file of REQUIRED_FILES) if (!existsSync(join(srcDir, file))) problems.push(`src/${file} is missing`);
  const allowed = new Set([...REQUIRED, ...OPTIONAL, ...CLIENT, ...extras]);
  for (const entry of entries) {
    if (!allowed.has(entry)) problems.push(`src/${entry} is not part of the adapter layout (a vendor extra is declared in package.json "wamux.extras")`);
  }
  for (const file of filesUnder(srcDir)) {
    const from = areaOf(srcDir, file);
    for (const target of relativeImports(file)) {
      if (!target.startsWith(srcDir + sep)) {
        problems.push(`${relative(packageDir, file)} imports ${relative(packageDir, target)}, outside src/`);
        continue;
      }
      const to = areaOf(srcDir, target);
      if (to === from) continue;
      if ((FORBIDDEN[from] ?? []).includes(to))
        problems.push(`${relative(packageDir, file)} imports ${relative(packageDir, target)}: ${from} never imports ${to}`);
      if (to === 'emulator' && from === 'provider' && target === inProcessVendor) continue;
      if (to === 'emulator') problems.push(`${relative(packageDir, file)} imports the emulator: only emulator/ does`);
      if (to === 'index' && from !== 'index') problems.push(`${relative(packageDir, file)} imports src/index.ts: index.ts is public exports only`);
    }
  }
  const index = existsSync(join(srcDir, 'index.ts')) ? readFileSync(join(srcDir, 'index.ts'), 'utf8') : '';
  if (/^\s*(?:export\s+)?(?:async\s+)?function\s|^\s*(?:export\s+)?(?:const|let|class)\s/m.test(index))
    problems.push('src/index.ts defines code: it holds public exports only');
  return problems;
}

/** Every adapter package of the workspace. */
export function adapterPackages() {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')) && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).wamux?.adapter === true);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  const adapters = adapterPackages();
  for (const dir of adapters) {
    const problems = layoutProblems(dir);
    if (problems.length === 0) continue;
    failed = true;
    console.error(`${relative(root, dir)}: ${problems.length} layout problem(s)`);
    for (const problem of problems) console.error(`  - ${problem}`);
  }
  if (failed) process.exit(1);
  console.log(`adapter layout: ${adapters.length} adapters follow docs/writing-an-adapter.md`);
}

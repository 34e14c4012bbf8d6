import { checkSampleList } from '../lib/typecheck-samples.mjs';
import { extractSamples, NO_CHECK_COMMENT } from '../lib/samples.mjs';

const page = [
  '# Title', // 1
  '', // 2
  '```ts', // 3
  "import { createProvider } from 'wamux';", // 4
  '```', // 5
  '', // 6
  '```ts no-check', // 7
  'provider.send(...)', // 8
  '```', // 9
  NO_CHECK_COMMENT, // 10
  '', // 11
  '```typescript', // 12
  'fragment', // 13
  '```', // 14
  '```sh', // 15
  'npm install wamux', // 16
  '```', // 17
  '1. A list item:', // 18
  '', // 19
  '   ```ts {2}', // 20
  '   const a = 1;', // 21
  '   ```', // 22
  '````md', // 23
  '```ts', // 24
  'inside another fence', // 25
  '```', // 26
  '````', // 27
].join('\n');

describe('extracting the TypeScript samples of a markdown page', () => {
  const samples = extractSamples('docs/page.md', page);

  it('finds ts and typescript fences with the line of their opening fence', () => {
    expect(samples.map(({ line, skipped }) => ({ line, skipped }))).toEqual([
      { line: 3, skipped: false },
      { line: 7, skipped: true },
      { line: 12, skipped: true },
      { line: 20, skipped: false },
    ]);
  });

  it('keeps the code, without the indentation of a list item', () => {
    expect(samples[0]?.code).toBe("import { createProvider } from 'wamux';");
    expect(samples[3]?.code).toBe('const a = 1;');
  });

  it('ignores a ts fence shown inside a longer fence', () => {
    expect(samples.some((sample) => sample.code.includes('inside another fence'))).toBe(false);
  });
});

describe('samples for a CommonJS project (what `npm init` creates)', () => {
  const topLevelAwait = 'const answer = await Promise.resolve(42);\nconsole.log(answer);';
  const inAFunction = 'async function main(): Promise<void> {\n  console.log(await Promise.resolve(42));\n}\nvoid main();';

  it('are the fences marked `commonjs`', () => {
    const [esm, commonjs] = extractSamples('README.md', ['```ts', topLevelAwait, '```', '```ts commonjs', inAFunction, '```'].join('\n'));
    expect(esm?.commonjs).toBe(false);
    expect(commonjs?.commonjs).toBe(true);
  });

  it('fail on top-level await, which an ES module sample may use', async () => {
    const sample = (line: number, code: string, commonjs: boolean) => ({ file: 'README.md', line, code, skipped: false, commonjs });
    const { failures } = await checkSampleList([sample(1, topLevelAwait, false), sample(10, topLevelAwait, true), sample(20, inAFunction, true)]);
    expect(failures.map(({ block, code }) => `${block} ${code}`)).toEqual(['README.md:10 TS1378']);
  }, 60_000);
});

/** @jest-config-loader esbuild-register */
import { readFileSync } from 'node:fs';
import type { Config } from 'jest';

// Tests run against the TypeScript sources (no build needed): workspace
// imports are mapped to each package's src/ entry, the same entries that
// rollup builds. ky is ESM-only, so it is transformed like our own code.
const swc: [string, Record<string, unknown>] = ['@swc/jest', { jsc: { target: 'es2023', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

/** Every workspace entry, read from the TypeScript paths, so jest and tsc resolve the same files. */
function workspaceEntries(): Record<string, string> {
  const base = JSON.parse(readFileSync(new URL('./tsconfig.base.json', import.meta.url), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return Object.fromEntries(Object.entries(base.compilerOptions.paths).map(([name, [file]]) => [`^${escapeRegExp(name)}$`, `<rootDir>/${file}`]));
}

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/scripts'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/ky@[^/]+/node_modules/)?ky/)'],
  moduleNameMapper: workspaceEntries(),
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  testTimeout: 20_000,
};

export default config;

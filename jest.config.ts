/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

// Tests run against the TypeScript sources (no build needed): workspace
// imports are mapped to each package's src/ entry, the same entries that
// rollup builds. ky is ESM-only, so it is transformed like our own code.
const swc: [string, Record<string, unknown>] = ['@swc/jest', { jsc: { target: 'es2023', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/scripts'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/ky@[^/]+/node_modules/)?ky/)'],
  moduleNameMapper: {
    '^@wamux/([a-z0-9-]+)/emulator$': '<rootDir>/packages/$1/src/emulator/index.ts',
    '^@wamux/([a-z0-9-]+)$': '<rootDir>/packages/$1/src/index.ts',
    '^wamux$': '<rootDir>/packages/wamux/src/index.ts',
    '^wamux/emulators$': '<rootDir>/packages/wamux/src/emulators.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  testTimeout: 20_000,
};

export default config;

// The entries that import jest's functions (`@wamux/testing`: the contract
// suites call `describe` and `it` from `@jest/globals`, which throws outside
// Jest) cannot be loaded by check-entries.mjs. They are exercised where a
// user runs them: a Jest project in the scratch directory runs the provider
// contract over the in-process memory provider and the store contract over
// core's in-memory stores, and puts the fault proxy in front of an
// emulator, once through require() (a .cjs test file, the CommonJS build)
// and once through import() (a .mjs test file, the ES module build, Jest
// with --experimental-vm-modules).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './processes.mjs';

/** Whether a package's entries need the Jest runtime to load: it has jest as a peer dependency. */
export function runsUnderJest(manifest) {
  const peers = Object.keys(manifest.peerDependencies ?? {});
  return peers.includes('jest') || peers.includes('@jest/globals');
}

/** One test file's body: the two contract suites, with `load` being require or import. */
const suite = (load) => `
const { runProviderContract, runStoreContract, createFaultProxy } = ${load('@wamux/testing')};
const { createMemoryProvider, memoryCapabilities } = ${load('@wamux/memory')};
const { createInProcessMemoryEmulator, createMemoryEmulator } = ${load('@wamux/memory/emulator')};
const { createMemoryCustomerWindowStore, createMemoryDedupeStore, createMemoryRateLimitStore, createMemoryStatusOrderStore } = ${load('@wamux/core')};

test('the fault proxy fails what it is told to, in front of an emulator', async () => {
  const emulator = await createMemoryEmulator();
  const proxy = await createFaultProxy({ target: emulator.url, rate: 1, faults: ['server_error'] });
  try {
    const response = await fetch(\`\${proxy.url}/templates\`, { headers: { authorization: \`Bearer \${emulator.apiKey}\` } });
    await response.arrayBuffer();
    expect(response.status).toBe(500);
    expect(proxy.requests().map((request) => request.fault)).toEqual(['server_error']);
  } finally {
    await proxy.close();
    await emulator.close();
  }
});

runProviderContract({
  name: 'memory',
  capabilities: memoryCapabilities,
  async setup() {
    const emulator = createInProcessMemoryEmulator();
    return {
      emulator,
      secrets: [emulator.apiKey, emulator.webhookSecret],
      createProvider: (options = {}) =>
        createMemoryProvider({
          baseUrl: emulator.url,
          apiKey: options.credentials === 'invalid' ? 'wrong-key-0000' : emulator.apiKey,
          webhookSecret: emulator.webhookSecret,
          fetch: emulator.fetch,
          timeout: options.timeout,
          retry: options.retry,
          rateLimit: options.rateLimit,
        }),
    };
  },
});

// The in-memory stores, on a clock the suite moves (one process: every handle is the same store).
runStoreContract({
  name: 'in-memory',
  setup: () => {
    let now = 1_000_000;
    const rateLimit = createMemoryRateLimitStore();
    const dedupe = createMemoryDedupeStore({ now: () => now });
    const statusOrder = createMemoryStatusOrderStore({ now: () => now });
    return {
      rateLimit: () => rateLimit,
      dedupe: [dedupe],
      statusOrder: [statusOrder],
      customerWindow: ({ ttl }) => [createMemoryCustomerWindowStore({ ttl, now: () => now })],
      elapse: async (ms) => {
        now += ms;
      },
    };
  },
});
`;

/** Writes the Jest project under `projectDir/jest`; returns the directory. */
export function writeJestProject(projectDir) {
  const dir = join(projectDir, 'jest');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'contract.test.cjs'), `// Through require(): the CommonJS builds.\n${suite((specifier) => `require('${specifier}')`)}`);
  writeFileSync(
    join(dir, 'contract.test.mjs'),
    `// Through import: the ES module builds.\nimport { expect, test } from '@jest/globals';\n${suite((specifier) => `await import('${specifier}')`)}`,
  );
  const config = {
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['**/*.test.cjs', '**/*.test.mjs'],
    transform: {},
    moduleFileExtensions: ['js', 'cjs', 'mjs', 'json'],
  };
  writeFileSync(join(dir, 'jest.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

/** Runs the Jest project with `node` (a Node binary and its flags); resolves with `{ ok, error, seconds }`. */
export async function runJestProject(dir, node, projectDir) {
  const jest = join(projectDir, 'node_modules', 'jest', 'bin', 'jest.js');
  const args = [
    ...node.flags,
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
    jest,
    '--config',
    join(dir, 'jest.config.json'),
    '--ci',
    '--silent',
  ];
  const result = await runProcess(node.binary, args, { cwd: projectDir, timeoutMs: 240_000 });
  if (result.code === 0) return { ok: true, seconds: result.seconds };
  return { ok: false, seconds: result.seconds, error: result.error ?? `${result.stderr}${result.stdout}`.trim() };
}

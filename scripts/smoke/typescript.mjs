// TypeScript consumers of the installed packages, one per `moduleResolution`
// a user may have: node16 and nodenext (an ES module and a CommonJS file
// each, so both the `import` and the `require` types are read), bundler, and
// node10 (the default of `"module": "commonjs"`, which ignores `exports`).
// Every entry point is imported; a typed snippet makes sure the types are
// real, not `any`. The node16 consumer also type-checks every declaration
// file it reads (skipLibCheck off; both the .d.ts and the .d.cts files, with
// no DOM lib), which costs most of the time, so the others skip that.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './processes.mjs';

/** An identifier for an entry: `wamux_core` for `@wamux/core`. */
const idOf = (specifier) => specifier.replace(/^@/, '').replace(/[^a-zA-Z0-9]+/g, '_');

/**
 * What a user writes with the packages, in either module syntax. Written
 * against the entry ids above; entries it does not know are only imported.
 */
const USAGE = `
export async function smoke(): Promise<number> {
  const offline: wamux_desk360.Desk360Provider = wamux_desk360.createDesk360Provider({ apiKey: 'k', integrationId: 1 });
  const config: wamux.ProviderConfig = { provider: 'desk360', apiKey: 'k', integrationId: 1 };
  const provider: wamux.Provider = await wamux.createProvider(config);
  // createProvider is typed by the provider it names: Desk360's own operations, no cast.
  const typed = await wamux.createProvider({ provider: 'desk360', apiKey: 'k', integrationId: 1 });
  const templates: wamux_desk360.Desk360TemplateOperations = typed.templates;
  const webhooks: wamux_core.WebhookHandler = wamux_core.createWebhookHandler(provider);
  webhooks.on('message', ({ message }) => {
    const from: string = message.from;
    void from;
  });
  const http: wamux_core_adapter.HttpClient = wamux_core_adapter.createHttpClient({ provider: 'smoke', baseUrl: 'http://127.0.0.1:4010' });
  const emulator: wamux_desk360_emulator.Desk360Emulator = await wamux_desk360_emulator.createDesk360Emulator();
  const memory: wamux_memory.InProcessMemoryProvider = wamux_memory.createMemoryProvider();
  const sent: number = memory.sent.length;
  const inbound: wamux_core.WebhookRequest = await memory.inbound({ from: '+905551119988', text: 'hi' });
  const overHttp: wamux_memory.MemoryProvider = wamux_memory.createMemoryProvider({ baseUrl: emulator.url, apiKey: 'k' });
  const memoryEmulator: wamux_memory_emulator.MemoryEmulator = await wamux_memory_emulator.createMemoryEmulator();
  const server: wamux_emulator.EmulatorServer = await wamux_emulator.createEmulatorServer({ routes: [], renderError: (status) => ({ status }) });
  const proxy: wamux_testing.FaultProxy = await wamux_testing.createFaultProxy({ target: server.url });
  const getchat: wamux_getchat.GetchatProvider = wamux_getchat.createGetchatProvider({ baseUrl: 'https://example.test', token: 't' });
  const me = await getchat.users.current();
  const live: wamux_getchat.GetchatLiveConnection = getchat.live.connect();
  const getchatEmulator: wamux_getchat_emulator.GetchatEmulator = await wamux_getchat_emulator.createGetchatEmulator();
  const messagingApi: wamux_messaging_api.MessagingApiProvider = wamux_messaging_api.createMessagingApiProvider({ baseUrl: 'https://example.test', apiKey: 'k', channelId: 'c' });
  const messagingEmulator: wamux_messaging_api_emulator.MessagingApiEmulator = await wamux_messaging_api_emulator.createMessagingApiEmulator();
  const target: wamux_emulators.LocalTarget = await wamux_emulators.localTargets.memory({});
  // @ts-expect-error: a config must name a provider wamux knows (this fails to fail if the types were any)
  await wamux.createProvider({ provider: 'no-such-vendor' });
  // @ts-expect-error: the app entry does not carry what adapters are built from
  void wamux_core.createHttpClient;
  void [offline, templates, http, sent, inbound, overHttp, memoryEmulator, proxy, live, getchat, getchatEmulator, messagingApi, messagingEmulator, target];
  return me.id;
}
`;

const BASE_OPTIONS = { strict: true, noEmit: true, skipLibCheck: true, target: 'es2023', lib: ['es2023'], types: ['node'] };

/** The consumers, by `moduleResolution`: compiler options and files, the slowest first. */
const CONSUMERS = [
  { resolution: 'node16', options: { module: 'node16', moduleResolution: 'node16', skipLibCheck: false }, files: ['esm.mts', 'cjs.cts'] },
  { resolution: 'nodenext', options: { module: 'nodenext', moduleResolution: 'nodenext' }, files: ['esm.mts', 'cjs.cts'] },
  { resolution: 'bundler', options: { module: 'preserve', moduleResolution: 'bundler' }, files: ['esm.mts', 'cjs.cts'] },
  { resolution: 'node10', options: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true }, files: ['node10.ts'] },
];

/** Writes the consumer files and tsconfigs under `projectDir/ts`; returns the consumers with their tsconfig paths. */
export function writeTypeScriptConsumers(projectDir, entries) {
  const dir = join(projectDir, 'ts');
  mkdirSync(dir, { recursive: true });
  const specifiers = entries.filter((entry) => entry.subpath !== './package.json').map((entry) => entry.specifier);
  const esm = specifiers.map((s) => `import * as ${idOf(s)} from '${s}';`).join('\n');
  const cjs = specifiers.map((s) => `import ${idOf(s)} = require('${s}');`).join('\n');
  writeFileSync(join(dir, 'esm.mts'), `${esm}\n${USAGE}`);
  writeFileSync(join(dir, 'cjs.cts'), `${cjs}\n${USAGE}`);
  writeFileSync(join(dir, 'node10.ts'), `${esm}\n${USAGE}`);
  return CONSUMERS.map((consumer) => {
    const tsconfig = join(dir, `tsconfig.${consumer.resolution}.json`);
    writeFileSync(tsconfig, `${JSON.stringify({ compilerOptions: { ...BASE_OPTIONS, ...consumer.options }, files: consumer.files }, null, 2)}\n`);
    return { ...consumer, tsconfig };
  });
}

/** Compiles one consumer with the workspace's TypeScript; resolves with `{ ok, error, seconds }`. */
export async function compileConsumer(consumer, typescriptDir) {
  const result = await runProcess(process.execPath, [join(typescriptDir, 'lib', 'tsc.js'), '-p', consumer.tsconfig, '--pretty', 'false'], {
    timeoutMs: 120_000,
  });
  if (result.code === 0) return { ok: true, seconds: result.seconds };
  return { ok: false, seconds: result.seconds, error: result.error ?? `${result.stdout}${result.stderr}`.trim() };
}

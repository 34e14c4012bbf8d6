import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { bundleCli, killAll, lines, runCli, tempDir, writeMemoryConfig } from './helpers';

const SECRET = 'sk-live-CONFIG-9876543210';
let bundle: string;
let emulator: MemoryEmulator;
const tmp = tempDir();
const dirs: Array<{ cleanup(): void }> = [];
const fresh = () => {
  const made = tempDir('wamux-config-');
  dirs.push(made);
  return made.dir;
};

beforeAll(async () => {
  bundle = await bundleCli(tmp.dir);
  emulator = await createMemoryEmulator({ apiKey: SECRET });
});
afterAll(async () => {
  killAll();
  await emulator.close();
  for (const d of dirs) d.cleanup();
  tmp.cleanup();
});

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sendArgs = (to: string) => ['send', '--to', to, '--text', 'config test'];
const deliveredTo = (to: string) => emulator.delivered().filter((d) => d.message.to === to).length;

test.concurrent('--config <path> loads a JSON file from anywhere', async () => {
  const dir = fresh();
  const path = writeMemoryConfig(dir, emulator, {}, 'staging.json');
  const result = await runCli(bundle, [...sendArgs('+905557770001'), '--config', path], { cwd: fresh() });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  expect(deliveredTo('+905557770001')).toBe(1);
});

test.concurrent('wamux.config.mjs: a default-exported (async) function', async () => {
  const dir = fresh();
  writeFileSync(
    join(dir, 'wamux.config.mjs'),
    `export default async () => (${JSON.stringify({ provider: 'memory', baseUrl: emulator.url, apiKey: SECRET, allowInsecureHttp: true })});\n`,
  );
  const result = await runCli(bundle, sendArgs('+905557770002'), { cwd: dir });
  expect(result.code).toBe(0);
  expect(deliveredTo('+905557770002')).toBe(1);
});

test.concurrent('wamux.config.ts: loaded with dynamic import (TypeScript stripped by Node)', async () => {
  const dir = fresh();
  writeFileSync(
    join(dir, 'wamux.config.ts'),
    `interface Config { provider: 'memory'; baseUrl: string; apiKey: string; allowInsecureHttp: boolean }\nconst config: Config = ${JSON.stringify({ provider: 'memory', baseUrl: emulator.url, apiKey: SECRET, allowInsecureHttp: true })};\nexport default config;\n`,
  );
  const result = await runCli(bundle, sendArgs('+905557770003'), { cwd: dir });
  expect(result.code).toBe(0);
  expect(deliveredTo('+905557770003')).toBe(1);
});

test.concurrent('environment only: WAMUX_PROVIDER and the adapter variables (registry env fallback)', async () => {
  const env = { WAMUX_PROVIDER: 'memory', WAMUX_MEMORY_URL: emulator.url, WAMUX_MEMORY_API_KEY: SECRET };
  const result = await runCli(bundle, [...sendArgs('+905557770004'), '--allow-insecure-http'], { cwd: fresh(), env });
  expect(result.code).toBe(0);
  expect(deliveredTo('+905557770004')).toBe(1);
});

test.concurrent('flags override the file: --base-url pointing nowhere is a network error, in one line', async () => {
  const dir = fresh();
  writeMemoryConfig(dir, emulator);
  const result = await runCli(bundle, [...sendArgs('+905557770005'), '--base-url', `http://127.0.0.1:${await closedPort()}/v1`, '--set', 'retry=false'], {
    cwd: dir,
  });
  expect(result.code).toBe(1);
  // The host, so that a wrong --base-url or a tunnel that is down is obvious.
  expect(lines(result.stderr)).toEqual([expect.stringMatching(/^wamux: network_error \(memory\): could not reach 127\.0\.0\.1:\d+: connection refused$/)]);
  expect(deliveredTo('+905557770005')).toBe(0);
});

test.concurrent('a missing option names the field and where to set it; no secret is echoed', async () => {
  const dir = fresh();
  writeFileSync(join(dir, 'wamux.config.json'), JSON.stringify({ provider: 'memory', baseUrl: emulator.url, allowInsecureHttp: true }));
  const result = await runCli(bundle, sendArgs('+905557770006'), { cwd: dir });
  expect(result.code).toBe(1);
  expect(lines(result.stderr)).toEqual([
    expect.stringMatching(
      /^wamux: configuration_invalid \(memory\): apiKey: .+; set it with --set apiKey=<value>, the environment variable WAMUX_MEMORY_API_KEY or "apiKey" in wamux\.config\.json$/,
    ),
  ]);
});

test.concurrent('an unknown provider is refused by field, with "did you mean"', async () => {
  const dir = fresh();
  writeFileSync(join(dir, 'wamux.config.json'), JSON.stringify({ provider: 'whatsapp-magic' }));
  const fromFile = await runCli(bundle, sendArgs('+905557770007'), { cwd: dir });
  expect(fromFile.code).toBe(1);
  expect(fromFile.stderr).toMatch(
    /^wamux: configuration_invalid: provider: unknown provider "whatsapp-magic" \(expected one of desk360, getchat, messaging-api, /,
  );
  const fromFlag = await runCli(bundle, [...sendArgs('+905557770007'), '--provider', 'nope'], { cwd: fresh() });
  expect(fromFlag.code).toBe(2);
  expect(fromFlag.stderr).toMatch(/^wamux: --provider: unknown provider "nope" \(expected one of desk360, getchat, messaging-api, /);
});

test.concurrent('a misspelt provider gets "did you mean", from a flag or the config file', async () => {
  const dir = fresh();
  const typo = await runCli(bundle, [...sendArgs('+905557770007'), '-p', 'Desk360'], { cwd: fresh() });
  expect(typo.code).toBe(2);
  expect(typo.stderr).toMatch(/^wamux: --provider: unknown provider "Desk360": did you mean "desk360"\?/);
  writeFileSync(join(dir, 'wamux.config.json'), JSON.stringify({ provider: 'getchta' }));
  expect((await runCli(bundle, sendArgs('+905557770007'), { cwd: dir })).stderr).toMatch(
    /^wamux: configuration_invalid: provider: unknown provider "getchta": did you mean "getchat"\?/,
  );
});

test.concurrent('a misspelt flag gets "did you mean"', async () => {
  const result = await runCli(bundle, ['send', '--to', '+905557770010', '--txt', 'hi'], { cwd: fresh() });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('wamux: unknown option --txt (did you mean --text?); see "wamux send --help"\n');
});

test.concurrent('the default country: --country, WAMUX_DEFAULT_COUNTRY or "defaultCountry" in the config file; a bad one says where it is set', async () => {
  const dir = fresh();
  writeMemoryConfig(dir, emulator, { defaultCountry: 'TR' });
  expect((await runCli(bundle, ['send', '--to', '0555 777 00 11', '--text', 'hi'], { cwd: dir })).code).toBe(0);
  expect(deliveredTo('+905557770011')).toBe(1);
  const fromEnv = await runCli(bundle, ['send', '--to', '(415) 555-0100', '--text', 'hi', '--dry-run'], { cwd: fresh(), env: { WAMUX_DEFAULT_COUNTRY: 'US' } });
  expect(JSON.parse(fromEnv.stdout)).toMatchObject({ to: '+14155550100' });
  const flagWins = await runCli(bundle, ['send', '--to', '(415) 555-0100', '--text', 'hi', '--dry-run', '--country', 'CA'], {
    cwd: fresh(),
    env: { WAMUX_DEFAULT_COUNTRY: 'XX' },
  });
  expect(flagWins.code).toBe(0);
  const bad = await runCli(bundle, ['send', '--to', '4155550100', '--text', 'hi', '--country', 'USA'], { cwd: fresh() });
  expect(bad.code).toBe(1);
  expect(bad.stderr).toBe(
    'wamux: configuration_invalid: defaultCountry: must be a two-letter ISO 3166-1 country code, e.g. US, TR or DE; set it with --country <code>, the environment variable WAMUX_DEFAULT_COUNTRY or "defaultCountry" in wamux.config.json\n',
  );
});

test.concurrent('invalid JSON is reported by position, never quoting the file', async () => {
  const dir = fresh();
  writeFileSync(join(dir, 'wamux.config.json'), `{ "provider": "memory", apiKey: "${SECRET}" }`);
  const result = await runCli(bundle, sendArgs('+905557770008'), { cwd: dir });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^wamux: configuration_invalid: wamux\.config\.json: is not valid JSON \(position \d+/);
  expect(result.stderr).not.toContain(SECRET);
});

test.concurrent('provider options without a provider are a usage error', async () => {
  const result = await runCli(bundle, [...sendArgs('+905557770009'), '--base-url', 'https://api.example.com'], { cwd: fresh() });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/^wamux: provider options were given but no provider/);
});

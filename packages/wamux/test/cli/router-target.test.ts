// A config file holding a router: the CLI sends through it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { bundleCli, killAll, runCli, tempDir } from './helpers';

const tmp = tempDir();
const work = tempDir('wamux-router-config-');
let bundle: string;
let primary: MemoryEmulator;
let secondary: MemoryEmulator;

beforeAll(async () => {
  bundle = await bundleCli(tmp.dir);
  primary = await createMemoryEmulator({ apiKey: 'router-primary-key-1' });
  secondary = await createMemoryEmulator({ apiKey: 'router-secondary-key-2' });
});
afterAll(async () => {
  killAll();
  await primary.close();
  await secondary.close();
  work.cleanup();
  tmp.cleanup();
});

test('wamux send with a router config: a primary that refuses our key is failed over; the secret never shows', async () => {
  const member = (emulator: MemoryEmulator, name: string, apiKey: string) => ({
    provider: 'memory',
    name,
    baseUrl: emulator.url,
    apiKey,
    allowInsecureHttp: true,
  });
  writeFileSync(
    join(work.dir, 'wamux.config.json'),
    JSON.stringify({
      router: { strategy: 'failover', providers: [member(primary, 'primary', 'not-the-primary-key-9'), member(secondary, 'secondary', secondary.apiKey)] },
    }),
  );
  const result = await runCli(bundle, ['send', '--to', '+905551112233', '--text', 'via the router'], { cwd: work.dir });
  expect(result.code).toBe(0);
  expect(primary.delivered()).toHaveLength(0);
  expect(secondary.delivered().map((d) => d.message)).toMatchObject([{ type: 'text', text: 'via the router' }]);
  expect(result.stdout + result.stderr).not.toContain('not-the-primary-key-9');
  expect(result.stdout + result.stderr).not.toContain(secondary.apiKey);
});

import { join } from 'node:path';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { bundleCli, killAll, runCli, startCli, tempDir, writeMemoryConfig } from './helpers';

const SECRET = 'sk-live-OBS-0123456789abcdef';
const WEBHOOK_SECRET = 'whsec-OBS-0123456789';
let bundle: string;
let emulator: MemoryEmulator;
const tmp = tempDir();
const cwd = join(tmp.dir);

beforeAll(async () => {
  bundle = await bundleCli(tmp.dir);
  emulator = await createMemoryEmulator({ apiKey: SECRET, webhookSecret: WEBHOOK_SECRET });
  writeMemoryConfig(cwd, emulator);
});
afterAll(async () => {
  killAll();
  await emulator.close();
  tmp.cleanup();
});

test('listen prints how each delivery was answered on stderr, keeping stdout to events', async () => {
  const listen = startCli(bundle, ['listen', '--port', '0', '--json'], { cwd });
  const [, url] = await listen.waitFor(/receiving memory webhooks on (http:\/\/127\.0\.0\.1:\d+\/webhooks)/);
  const inbound = { id: 'obs-in-1', from: '+905551112233', content: { type: 'text', text: 'hello' } } as const;
  await emulator.simulateInbound(inbound, { webhookUrl: url });
  await listen.waitFor(/memory {2}delivery answered 200: 1 processed$/m);
  await emulator.simulateInbound(inbound, { webhookUrl: url });
  await listen.waitFor(/delivery answered 200: 0 processed, 1 duplicate$/m);
  listen.child.kill('SIGINT');
  const result = await listen.done;
  expect(result.code).toBe(0);
  expect(result.stdout).not.toContain('delivery answered');
  expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
});

test('--verbose shows the retries the provider makes, without the credentials', async () => {
  emulator.injectFault({ type: 'http_error', status: 429, retryAfter: 0, times: 1, path: '/messages' });
  const result = await runCli(bundle, ['send', '--to', '+905551112233', '--text', 'hi', '--verbose'], { cwd });
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(/wamux: retrying POST \/v1\/messages in \d+ ms \(rate_limited, retry 1 of \d+\) \[warn\]/);
  expect(result.stderr).not.toContain(SECRET);
  expect(result.stderr).not.toContain('5551112233');

  emulator.injectFault({ type: 'http_error', status: 429, retryAfter: 0, times: 1, path: '/messages' });
  const quiet = await runCli(bundle, ['send', '--to', '+905551112233', '--text', 'hi'], { cwd });
  expect(quiet.code).toBe(0);
  expect(quiet.stderr).not.toContain('retrying');
});

import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { killAll, runCli, startCli, tempDir, writeMemoryConfig } from '../../wamux/test/cli/helpers';
import { describeWithRedis, startRedisServer, type RedisServer } from '../../../test-support/redis-server';
import { eventually } from './support';

/**
 * The CLI bundled as the wamux CLI tests bundle it, with a `require` for
 * the CommonJS inside bullmq and ioredis (an ESM bundle has none; the
 * published build keeps them external instead).
 */
async function bundleCliWithQueue(dir: string): Promise<string> {
  const root = resolve(__dirname, '../../..');
  const outfile = join(dir, 'wamux.mjs');
  await build({
    entryPoints: [join(root, 'packages/wamux/src/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    tsconfig: join(root, 'tsconfig.base.json'),
    outfile,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __wamuxCreateRequire } from 'node:module'; const require = __wamuxCreateRequire(import.meta.url);" },
  });
  return outfile;
}

/** `wamux bulk --queue`, `wamux worker` and `wamux outbox` against a real redis-server and the memory emulator. */
describeWithRedis('the outbox from the CLI', () => {
  let server: RedisServer;
  let emulator: MemoryEmulator;
  let bundle: string;
  const tmp = tempDir('wamux-queue-cli-');

  beforeAll(async () => {
    [server, emulator, bundle] = await Promise.all([startRedisServer(), createMemoryEmulator(), bundleCliWithQueue(tmp.dir)]);
  }, 60_000);
  afterAll(async () => {
    killAll();
    await emulator?.close();
    await server?.close();
    tmp.cleanup();
  });

  it('bulk --queue enqueues once per recipient across runs; worker sends them; outbox status counts them', async () => {
    const phones = Array.from({ length: 5 }, (_, i) => `+90555123400${i}`);
    writeMemoryConfig(tmp.dir, emulator);
    const csv = join(tmp.dir, 'recipients.csv');
    writeFileSync(csv, ['phone,name', ...phones.map((phone, i) => `${phone},Customer ${i}`)].join('\n'));
    const queue = ['--queue', server.url, '--queue-name', 'cli-test'];
    const options = { cwd: tmp.dir };

    const first = await runCli(bundle, ['bulk', '--csv', csv, '--text', 'Hi {{name}}', '-q', ...queue], options);
    expect(first.stderr).not.toContain('wamux:');
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('5 enqueued, 0 already in the outbox, 0 refused');
    const again = await runCli(bundle, ['bulk', '--csv', csv, '--text', 'Hi {{name}}', '-q', ...queue], options);
    expect(again.stdout).toContain('0 enqueued, 5 already in the outbox, 0 refused');
    expect(emulator.delivered()).toHaveLength(0);

    const queued = await runCli(bundle, ['outbox', 'status', '--json', ...queue], options);
    expect(JSON.parse(queued.stdout)).toMatchObject({ queued: 5, sent: 0 });

    const worker = startCli(bundle, ['worker', ...queue], options);
    await eventually(() => emulator.delivered().length === 5, 'five messages delivered', 20_000);
    worker.child.kill('SIGTERM');
    const ended = await worker.done;
    expect(ended.code).toBe(0);
    expect(ended.stderr).toContain('worker: 5 sent, 0 attempts to retry, 0 dead-lettered, 0 unknown');
    expect(
      emulator
        .delivered()
        .map((message) => message.message.to)
        .sort(),
    ).toEqual(phones);
    expect(emulator.delivered().map((message) => (message.message as { text?: string }).text)).toContain('Hi Customer 0');

    const sent = await runCli(bundle, ['outbox', 'status', '--json', ...queue], options);
    expect(JSON.parse(sent.stdout)).toMatchObject({ queued: 0, sending: 0, sent: 5, unknown: 0 });
    const settle = await runCli(bundle, ['outbox', 'settle', '--key', 'nope', '--delivered', ...queue], options);
    expect(settle).toMatchObject({ code: 1 });
    expect(settle.stdout).toContain('not settled');
  }, 60_000);
});

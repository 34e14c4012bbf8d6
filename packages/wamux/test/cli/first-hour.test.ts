// The CLI's first hour (issue "first hour"): ports, the emulator's printed
// config pasted into a shell, the console's templates, the demo in 80 columns.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { environmentFor } from '../../src/cli/commands/emulate';
import { bundleCli, killAll, lines, runCli, startCli, tempDir } from './helpers';

let bundle: string;
const tmp = tempDir();
let busy: Server;
let busyPort: number;

beforeAll(async () => {
  bundle = await bundleCli(tmp.dir);
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as AddressInfo).port;
});
afterAll(async () => {
  killAll();
  await new Promise<void>((resolve) => busy.close(() => resolve()));
  tmp.cleanup();
});

/** A port nothing listens on (taken, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('ports', () => {
  // The CLI tests drive the memory provider (the vendor adapters may be left out of the test bundle); each emulator's own tests cover its port.
  test.concurrent('emulate honours --port', async () => {
    const port = await freePort();
    const emulate = startCli(bundle, ['emulate', 'memory', '--port', String(port), '--json'], { cwd: tmp.dir });
    const [line] = await emulate.waitFor(/^\{.*\}$/m, 15_000);
    expect((JSON.parse(line) as { url: string }).url).toContain(`http://127.0.0.1:${port}`);
    emulate.child.kill('SIGINT');
    expect((await emulate.done).code).toBe(0);
  });

  test.concurrent.each([[['emulate', 'memory']], [['listen']]])(
    '%j on a busy port: one line naming the port and the flag, exit 1, no stack',
    async (command) => {
      const result = await runCli(bundle, [...command, '--port', String(busyPort)], { cwd: tmp.dir });
      expect(result.code).toBe(1);
      expect(lines(result.stderr).filter((line) => !line.startsWith('wamux: no provider configured'))).toEqual([
        `wamux: port ${busyPort} on 127.0.0.1 is already in use by another process: choose another with --port <n>, or --port 0 for any free port`,
      ]);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );

  test.concurrent('listen does not default to port 3000', async () => {
    const help = await runCli(bundle, ['listen', '--help'], { cwd: tmp.dir });
    expect(help.stdout).toContain('--port <n>     Port to listen on (default 3737; 0 = any free port)');
  });
});

describe('emulate', () => {
  test.concurrent('the environment line it prints pastes into a shell', async () => {
    const emulate = startCli(bundle, ['emulate', 'memory'], { cwd: tmp.dir });
    const [line] = await emulate.waitFor(/^ {2}WAMUX_PROVIDER=.*$/m, 15_000);
    emulate.child.kill('SIGINT');
    await emulate.done;
    const [assignments = '', flags = ''] = line.trim().split(/ {3}\(plus (.*)\)$/);
    const pasted = execFileSync('sh', ['-c', `env -i ${assignments} sh -c 'printf "%s\\n" "$WAMUX_PROVIDER" "$WAMUX_MEMORY_URL"'`], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(pasted).toEqual(['memory', expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)]);
    // Plain http to this machine needs no flag (core's loopback rule).
    expect(flags).toBe('');
  });

  test('an option whose value is JSON is printed as one shell word', () => {
    const { flags } = environmentFor('desk360', {
      provider: 'desk360',
      baseUrl: 'http://127.0.0.1:4100/api',
      webhookSecret: { value: 'desk360-emulator-webhook-secret', header: 'x-webhook-secret' },
      allowInsecureHttp: true,
    });
    expect(flags).toContain(`--set 'webhookSecret={"value":"desk360-emulator-webhook-secret","header":"x-webhook-secret"}'`);
    // What a shell makes of the pasted words: each flag value arrives whole.
    const words = execFileSync('sh', ['-c', `for word in ${flags.join(' ')}; do printf '%s\\n' "$word"; done`], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(words).toContain('webhookSecret={"value":"desk360-emulator-webhook-secret","header":"x-webhook-secret"}');
  });

  test('the console adds a template, which the emulator then offers and accepts', async () => {
    const dir = tempDir('wamux-emulate-');
    try {
      const emulate = startCli(bundle, ['emulate', 'memory', '--write-config', 'wamux.config.json'], { cwd: dir.dir });
      await emulate.waitFor(/Type "help" for the console/);
      emulate.child.stdin.write('template add shipping_update en Your order {{1}} ships {{2}}\ntemplates\n');
      await emulate.waitFor(/template shipping_update \(en\) added: send it with wamux send --template shipping_update --lang en --param <value>\.\.\./);
      await emulate.waitFor(/shipping_update \(en\) {2}Your order \{\{1\}\} ships \{\{2\}\}/);
      // The sample template is there from the start, so the docs' `--template order_update` works too.
      expect(emulate.stdout()).toMatch(/order_update \(en\) {2}Hello \{\{1\}\}/);

      const listed = await runCli(bundle, ['templates', 'list', '--json'], { cwd: dir.dir });
      expect(listed.stdout).toContain('shipping_update');
      const sent = await runCli(bundle, ['send', '--to', '+905551112233', '--template', 'shipping_update', '--param', '#1001', '--param', 'today'], {
        cwd: dir.dir,
      });
      expect(sent.code).toBe(0);
      emulate.child.stdin.write('template add Bad-Name en x\n');
      await emulate.waitFor(/usage: template add <name> <lang> <body\.\.\.>/);
      emulate.child.kill('SIGINT');
      expect((await emulate.done).code).toBe(0);
    } finally {
      dir.cleanup();
    }
  });
});

test.concurrent('the demo fits 80 columns without a terminal, and ends with three commands to try next', async () => {
  const result = await runCli(bundle, ['demo', '--provider', 'memory'], { cwd: tmp.dir });
  expect(result.code).toBe(0);
  for (const line of result.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  const next = result.stdout.slice(result.stdout.indexOf('Next, try:'));
  expect(next.match(/^ {2}wamux \w+/gm)).toEqual(['  wamux send', '  wamux emulate', '  wamux listen']);
});

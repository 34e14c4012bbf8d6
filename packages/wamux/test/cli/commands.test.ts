import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { bundleCli, killAll, lines, runCli, startCli, tempDir, writeMemoryConfig } from './helpers';

const SECRET = 'sk-live-CMDS-0123456789abcdef';
const WEBHOOK_SECRET = 'whsec-CMDS-0123456789';
let bundle: string;
let emulator: MemoryEmulator;
const tmp = tempDir();
const cwd = join(tmp.dir);

beforeAll(async () => {
  bundle = await bundleCli(tmp.dir);
  emulator = await createMemoryEmulator({ apiKey: SECRET, webhookSecret: WEBHOOK_SECRET });
  emulator.seedTemplates([
    { id: 'tpl_1', name: 'order_update', language: 'en', category: 'UTILITY', body: 'Hello {{1}}, order {{2}} shipped' },
    { id: 'tpl_2', name: 'welcome', language: 'tr', body: 'Merhaba {{first_name}}', status: 'pending' },
  ]);
  writeMemoryConfig(cwd, emulator);
});
afterAll(async () => {
  killAll();
  await emulator.close();
  tmp.cleanup();
});

const wamux = (args: string[], dir = cwd) => runCli(bundle, args, { cwd: dir });
const noSecrets = (...outputs: Array<{ stdout: string; stderr: string }>) => {
  for (const { stdout, stderr } of outputs) for (const secret of [SECRET, WEBHOOK_SECRET]) expect(`${stdout}${stderr}`).not.toContain(secret);
};

describe('templates list', () => {
  test.concurrent('prints a table, or JSON; --limit stops early', async () => {
    const [tableOut, json, limited] = await Promise.all([
      wamux(['templates', 'list']),
      wamux(['templates', 'list', '--json']),
      wamux(['templates', 'list', '--json', '--limit', '1']),
    ]);
    expect(tableOut.code).toBe(0);
    expect(lines(tableOut.stdout)).toEqual([
      'NAME         │ LANGUAGE │ STATUS   │ CATEGORY │ PARAMETERS    │ ID',
      '─────────────┼──────────┼──────────┼──────────┼───────────────┼──────',
      'order_update │ en       │ approved │ UTILITY  │ body-1 body-2 │ tpl_1',
      'welcome      │ tr       │ pending  │          │ first_name    │ tpl_2',
    ]);
    const templates = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(templates.map((t) => [t.name, t.status])).toEqual([
      ['order_update', 'approved'],
      ['welcome', 'pending'],
    ]);
    expect(templates[0]).not.toHaveProperty('raw');
    expect((JSON.parse(limited.stdout) as unknown[]).length).toBe(1);
    expect(`${tableOut.stderr}${json.stderr}`).toBe('');
  });

  test.concurrent('a wrong subcommand is a usage error', async () => {
    const result = await wamux(['templates', 'show']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wamux: templates: unknown subcommand "show"/);
  });
});

describe('media', () => {
  test.concurrent('get writes -o <file>, stdout with -o -, else <id>.<ext>; upload prints an id', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3]);
    const id = emulator.addMedia({ data: bytes, mimeType: 'application/pdf' });
    const dir = tempDir('wamux-media-');
    try {
      writeMemoryConfig(dir.dir, emulator);
      const [toFile, toStdout, named] = await Promise.all([
        wamux(['media', 'get', id, '-o', 'invoice.pdf'], dir.dir),
        wamux(['media', 'get', id, '-o', '-'], dir.dir),
        wamux(['media', 'get', id], dir.dir),
      ]);
      expect(toFile.code).toBe(0);
      expect(toFile.stderr).toBe('saved 7 bytes (application/pdf) to invoice.pdf\n');
      expect(new Uint8Array(readFileSync(join(dir.dir, 'invoice.pdf')))).toEqual(bytes);
      expect(Buffer.from(toStdout.stdout, 'latin1')).toEqual(Buffer.from(bytes));
      expect(named.stderr).toBe(`saved 7 bytes (application/pdf) to ${id}.pdf\n`);

      writeFileSync(join(dir.dir, 'note.txt'), 'hello');
      const upload = await wamux(['media', 'upload', 'note.txt'], dir.dir);
      expect(upload.code).toBe(0);
      const uploaded = emulator.media(upload.stdout.trim());
      expect(uploaded && { data: Buffer.from(uploaded.data).toString(), mimeType: uploaded.mimeType, filename: uploaded.filename }).toEqual({
        data: 'hello',
        mimeType: 'text/plain',
        filename: 'note.txt',
      });
    } finally {
      dir.cleanup();
    }
  });

  test.concurrent('with no provider configured, says the built-in emulator keeps no media between commands, and what to run instead', async () => {
    const dir = tempDir('wamux-media-local-');
    try {
      writeFileSync(join(dir.dir, 'note.txt'), 'hello');
      const upload = await wamux(['media', 'upload', 'note.txt'], dir.dir);
      expect(upload.code).toBe(0);
      const id = upload.stdout.trim();
      expect(upload.stderr).toContain('wamux emulate memory --write-config wamux.config.json');
      const get = await wamux(['media', 'get', id], dir.dir);
      expect(get.code).toBe(1);
      expect(get.stderr).toMatch(/not_found/);
      expect(get.stderr).toContain('the built-in emulator lives only as long as this command');
    } finally {
      dir.cleanup();
    }
  });

  test.concurrent('an unknown id is a not_found error in one line', async () => {
    const result = await wamux(['media', 'get', 'mem_media_999999']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('wamux: not_found (memory, vendor code not_found, HTTP 404): no such media\n');
  });
});

describe('doctor', () => {
  test.concurrent('checks the credentials with one cheap call, shows where each option comes from (no secret values) and the capabilities', async () => {
    const result = await runCli(bundle, ['doctor'], { cwd, env: { WAMUX_MEMORY_WEBHOOK_SECRET: 'from-the-env-1234' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}provider +memory \(wamux\.config\.json\)$/m);
    expect(result.stdout).toMatch(new RegExp(`^ {2}baseUrl +${emulator.url.replace(/[.]/g, '\\.')} +\\(wamux\\.config\\.json\\)$`, 'm'));
    expect(result.stdout).toMatch(/^ {2}apiKey +\(set\) +\(wamux\.config\.json\)$/m);
    expect(result.stdout).toMatch(/✓ credentials +listTemplates \(limit 1\): answered in \d+ ms/);
    expect(result.stdout).toMatch(/^ {2}features +✓ media\.upload/m);
    expect(result.stdout).not.toContain('from-the-env-1234');
    // One column for the values and one for their sources, whatever the label's or the value's length.
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('  '));
    const valueColumns = new Set(rows.map((line) => /^ {2}\S+(?: \S+)? +/.exec(line)?.[0].length));
    expect(valueColumns.size).toBe(1);
    const optionRows = rows.filter((line) => !line.startsWith('  provider ') && / \((wamux\.config\.json|env [A-Z_]+)\)$/.test(line));
    expect(optionRows.length).toBeGreaterThanOrEqual(4);
    expect(new Set(optionRows.map((line) => line.lastIndexOf(' (')))).toHaveProperty('size', 1);
    const listCalls = emulator.requests().filter((r) => r.path.startsWith('/v1/templates'));
    expect(listCalls.length).toBeGreaterThan(0);
    noSecrets(result);
  });

  test.concurrent('bad credentials: ✗ with the error code, exit 1; --json is machine-readable', async () => {
    const dir = tempDir('wamux-doctor-');
    try {
      writeMemoryConfig(dir.dir, emulator, { apiKey: 'sk-wrong-key-000000' });
      const result = await wamux(['doctor', '--json'], dir.dir);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as { config: string; check: { ok: boolean; detail: string }; capabilities: { features: string[] } };
      expect(report.config).toBe('ok');
      expect(report.check).toMatchObject({ ok: false, detail: expect.stringMatching(/^authentication_failed \(memory, vendor code unauthorized, HTTP 401\)/) });
      expect(report.capabilities.features).toContain('templates.list');
      expect(result.stdout).not.toContain('sk-wrong-key-000000');
    } finally {
      dir.cleanup();
    }
  });

  test.concurrent('with nothing configured it checks the built-in emulator', async () => {
    const dir = tempDir('wamux-doctor-');
    try {
      const result = await wamux(['doctor'], dir.dir);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^ {2}provider +memory \(built-in memory emulator\)$/m);
      expect(result.stderr).toMatch(/^wamux: no provider configured/);
    } finally {
      dir.cleanup();
    }
  });
});

describe('listen', () => {
  test('prints each verified webhook as a JSON line; a forged one is refused on stderr; Ctrl-C exits 0', async () => {
    const listen = startCli(bundle, ['listen', '--port', '0', '--json'], { cwd });
    const [, url] = await listen.waitFor(/receiving memory webhooks on (http:\/\/127\.0\.0\.1:\d+\/webhooks)/);
    const inbound = await emulator.simulateInbound(
      { from: '+905551112233', profileName: 'Ada', content: { type: 'text', text: 'Where is my order?' } },
      { webhookUrl: url },
    );
    expect(inbound.status).toBe(200);
    await listen.waitFor(/"type":"message"/);
    const forged = await emulator.simulateStatus({ messageId: 'mem_msg_1', status: 'read' }, { webhookUrl: url, unauthenticated: true });
    expect(forged.status).toBe(401);
    await listen.waitFor(/webhook_verification_failed/);
    listen.child.kill('SIGINT');
    const result = await listen.done;
    expect(result.code).toBe(0);
    const [event] = lines(result.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(event).toMatchObject({
      type: 'message',
      provider: 'memory',
      message: { from: '+905551112233', content: { type: 'text', text: 'Where is my order?' } },
    });
    expect(event).not.toHaveProperty('raw');
    expect(result.stderr).toMatch(/wamux: webhook_verification_failed \(memory, HTTP 401\): missing or wrong x-memory-signature signature/);
    noSecrets(result);
  });

  test('with nothing configured the built-in emulator posts a sample message, printed pretty', async () => {
    const dir = tempDir('wamux-listen-');
    try {
      const listen = startCli(bundle, ['listen', '--port', '0'], { cwd: dir.dir });
      await listen.waitFor(/message text "Hello from the built-in emulator 👋" from \+905551112233/);
      listen.child.kill('SIGINT');
      const result = await listen.done;
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\d\d:\d\d:\d\d {2}memory {2}message text/);
    } finally {
      dir.cleanup();
    }
  });
});

describe('emulate', () => {
  test('runs an emulator standalone: prints URL and config, shows sends, simulates customer messages from its console', async () => {
    const dir = tempDir('wamux-emulate-');
    try {
      const emulate = startCli(bundle, ['emulate', 'memory', '--json', '--write-config', 'wamux.config.json', '--rate-limit', 'off'], { cwd: dir.dir });
      const [line] = await emulate.waitFor(/^\{.*\}$/m);
      const info = JSON.parse(line) as { provider: string; url: string; config: Record<string, unknown>; env: Record<string, string> };
      expect(info).toMatchObject({
        provider: 'memory',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1$/),
        config: { provider: 'memory', baseUrl: info.url },
      });
      // Plain http to this machine needs no opt-in.
      expect(info.config).not.toHaveProperty('allowInsecureHttp');
      expect(info.env).toMatchObject({ WAMUX_PROVIDER: 'memory', WAMUX_MEMORY_URL: info.url });
      expect(JSON.parse(readFileSync(join(dir.dir, 'wamux.config.json'), 'utf8'))).toEqual(info.config);

      // The app under development: sends through the emulator, receives its webhooks (here `wamux listen` on the written config).
      const sent = await wamux(['send', '--to', '+905551112233', '--text', 'hi from the app', '-o', 'id'], dir.dir);
      expect(sent.code).toBe(0);
      await emulate.waitFor(new RegExp(`→ text to \\+905551112233: ${sent.stdout.trim()}`));
      const listen = startCli(bundle, ['listen', '--port', '0', '--json'], { cwd: dir.dir });
      const [, webhookUrl] = await listen.waitFor(/on (http:\/\/127\.0\.0\.1:\d+\/webhooks)/);

      emulate.child.stdin.write('inbound +905551112233 thanks, got it\n');
      await emulate.waitFor(/no webhook URL: start with --webhook-url <url> or type "webhook <url>"/);
      emulate.child.stdin.write(`webhook ${webhookUrl}\ninbound +905551112233 thanks, got it\n`);
      await emulate.waitFor(/posted inbound mem_in_\d+: webhook answered 200/);
      await listen.waitFor(/"text":"thanks, got it"/);
      emulate.child.stdin.write(`status ${sent.stdout.trim()} delivered\n`);
      await listen.waitFor(/"status":"delivered"/);

      emulate.child.kill('SIGINT');
      listen.child.kill('SIGINT');
      expect((await emulate.done).code).toBe(0);
      expect((await listen.done).code).toBe(0);
    } finally {
      dir.cleanup();
    }
  });

  test.concurrent('an unknown provider is a usage error', async () => {
    const result = await wamux(['emulate', 'acme']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wamux: emulate: unknown provider "acme"/);
  });
});

describe('demo', () => {
  test.concurrent('plays the scenario through the memory emulator; fits 80 columns; --json', async () => {
    const [pretty, json] = await Promise.all([wamux(['demo', '--provider', 'memory']), wamux(['demo', '--provider', 'memory', '--json'])]);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toContain('send text');
    expect(pretty.stdout).toContain('interactive_reply button:yes');
    for (const line of lines(pretty.stdout)) expect([...line].length).toBeLessThanOrEqual(80);
    const reports = JSON.parse(json.stdout) as Array<{ provider: string; steps: Array<{ outcome: string }>; events: string[] }>;
    expect(reports.map((r) => r.provider)).toEqual(['memory']);
    expect(reports[0]?.steps.every((s) => s.outcome.startsWith('✓'))).toBe(true);
    expect(reports[0]?.events).toEqual(['text "Thanks! When will i…"', 'interactive_reply button:yes', 'status delivered', 'status read']);
  });
});

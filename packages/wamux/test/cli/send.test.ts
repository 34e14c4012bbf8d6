import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { bundleCli, killAll, lines, runCli, tempDir, writeMemoryConfig } from './helpers';

const SECRET = 'sk-live-SECRET-0123456789';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let bundle: string;
let emulator: MemoryEmulator;
const tmp = tempDir();
const cwd = tmp.dir;

beforeAll(async () => {
  bundle = await bundleCli(tmp.dir);
  emulator = await createMemoryEmulator({ apiKey: SECRET });
  writeMemoryConfig(cwd, emulator);
  writeFileSync(join(cwd, 'pixel.png'), PNG);
});
afterAll(async () => {
  killAll();
  await emulator.close();
  tmp.cleanup();
});

const wamux = (args: string[], input?: string) => runCli(bundle, args, { cwd, ...(input !== undefined ? { input } : {}) });
const last = () => emulator.delivered().at(-1);

test('with no provider configured it sends through the built-in emulator and says so on stderr', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const result = await runCli(bundle, ['send', '--to', '905551112233', '--text', 'hello'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ sent text to \+905551112233: id mem_msg_\d+\n$/);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^wamux: no provider configured: using the built-in memory emulator/)]);
  } finally {
    cleanup();
  }
});

test.concurrent.each(
  (
    [
      ['text', ['--text', 'Hi there', '--preview-url', '--reply-to', 'mem_msg_1'], { type: 'text', text: 'Hi there', previewUrl: true, replyTo: 'mem_msg_1' }],
      [
        'image from a local file',
        ['--image', 'pixel.png', '--caption', 'A pixel'],
        { type: 'image', caption: 'A pixel', media: { data: new Uint8Array(PNG), filename: 'pixel.png', mimeType: 'image/png' } },
      ],
      ['video by URL', ['--video', 'https://cdn.example.com/clip.mp4'], { type: 'video', media: { url: 'https://cdn.example.com/clip.mp4' } }],
      [
        'document by media id',
        ['--document', 'id:mem_media_7', '--filename', 'invoice.pdf'],
        { type: 'document', filename: 'invoice.pdf', media: { id: 'mem_media_7' } },
      ],
      ['audio', ['--audio', 'https://cdn.example.com/a.ogg'], { type: 'audio', media: { url: 'https://cdn.example.com/a.ogg' } }],
      ['sticker', ['--sticker', 'id:st_1'], { type: 'sticker', media: { id: 'st_1' } }],
      [
        'location',
        ['--location', '41.0082,28.9784', '--name', 'Office', '--address', 'Istanbul'],
        { type: 'location', latitude: 41.0082, longitude: 28.9784, name: 'Office', address: 'Istanbul' },
      ],
      [
        'contacts',
        ['--contact', 'Ada Lovelace:+905551112299', '--contact', 'Support'],
        { type: 'contacts', contacts: [{ name: { formatted: 'Ada Lovelace' }, phones: [{ phone: '+905551112299' }] }, { name: { formatted: 'Support' } }] },
      ],
      [
        'buttons',
        ['--buttons', 'yes:Yes,later:Later', '--body', 'Tomorrow?', '--header', 'Delivery', '--footer', 'Reply below'],
        {
          type: 'interactive',
          interactive: {
            kind: 'buttons',
            body: 'Tomorrow?',
            header: { type: 'text', text: 'Delivery' },
            footer: 'Reply below',
            buttons: [
              { id: 'yes', title: 'Yes' },
              { id: 'later', title: 'Later' },
            ],
          },
        },
      ],
      [
        'list',
        ['--list', 'a:Alpha,b:Beta', '--body', 'Pick one', '--button-text', 'Options', '--section-title', 'Plans'],
        {
          type: 'interactive',
          interactive: {
            kind: 'list',
            body: 'Pick one',
            buttonText: 'Options',
            sections: [
              {
                title: 'Plans',
                rows: [
                  { id: 'a', title: 'Alpha' },
                  { id: 'b', title: 'Beta' },
                ],
              },
            ],
          },
        },
      ],
      [
        'location request',
        ['--location-request', '--body', 'Where are you?'],
        { type: 'interactive', interactive: { kind: 'location_request', body: 'Where are you?' } },
      ],
      [
        'template, positional parameters',
        ['--template', 'order_update', '--lang', 'tr', '--param', 'Ada', '--param', '#1001'],
        { type: 'template', template: { name: 'order_update', language: 'tr', body: ['Ada', '#1001'] } },
      ],
      [
        'template, named parameters',
        ['--template', 'welcome', '--var', 'first_name=Ada', '--header-param', 'Hi'],
        { type: 'template', template: { name: 'welcome', language: 'en', body: { first_name: 'Ada' }, header: ['Hi'] } },
      ],
      ['reaction', ['--reaction', 'mem_msg_000001:👍'], { type: 'reaction', messageId: 'mem_msg_000001', emoji: '👍' }],
    ] as Array<[string, string[], Record<string, unknown>]>
  ).map(([name, args, expected], i) => [name, args, expected, `+9055500000${String(i).padStart(2, '0')}`] as const),
)('send %s from flags', async (_name, args, expected, to) => {
  const result = await wamux(['send', '--to', to, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const delivered = emulator.delivered().find((item) => item.message.to === to);
  expect(result.stdout).toBe(`✓ sent ${String(expected.type)} to ${to}: id ${delivered?.id}\n`);
  expect(delivered?.message).toEqual({ to, ...expected });
});

test('--json reads an OutboundMessage from a file; media {"path"} becomes bytes; --to overrides', async () => {
  writeFileSync(join(cwd, 'msg.json'), JSON.stringify({ type: 'image', to: '+905550000000', media: { path: 'pixel.png' }, caption: 'from json' }));
  const result = await wamux(['send', '--json', 'msg.json', '--to', '+905551112244', '-o', 'id']);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(`${last()?.id}\n`);
  expect(last()?.message).toEqual({
    type: 'image',
    to: '+905551112244',
    caption: 'from json',
    media: { data: new Uint8Array(PNG), filename: 'pixel.png', mimeType: 'image/png' },
  });
});

test('--json - reads stdin; -o json prints the SendResult', async () => {
  const result = await wamux(['send', '--json', '-', '-o', 'json'], JSON.stringify({ type: 'text', to: '+905551112255', text: 'piped' }));
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({ id: last()?.id });
  expect(last()?.message).toEqual({ type: 'text', to: '+905551112255', text: 'piped' });
});

test('--dry-run prints the message (bytes summarized) and sends nothing', async () => {
  const before = emulator.delivered().length;
  const result = await wamux(['send', '--to', '+905551112233', '--image', 'pixel.png', '--dry-run']);
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({
    type: 'image',
    to: '+905551112233',
    media: { data: `[${PNG.byteLength} bytes]`, filename: 'pixel.png', mimeType: 'image/png' },
  });
  expect(emulator.delivered()).toHaveLength(before);
});

test('a model error is one line naming the field, exit 1; --dry-run fails the same way', async () => {
  for (const dryRun of [[], ['--dry-run']]) {
    const result = await wamux(['send', '--to', '+905551112233', '--location', '91,0', ...dryRun]);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^wamux: validation_failed \(memory\): message\.latitude: /)]);
    expect(result.stdout).toBe('');
  }
});

// Before: `--to 5551112233` and `--to "(555) 111-2233"` went to +55 (Brazil), and --dry-run checked nothing.
test.concurrent.each([['5551112233'], ['(555) 111-2233'], ['abc'], ['12']])(
  '--to %p has no certain country: refused naming --to, with or without --dry-run',
  async (to) => {
    const real = await wamux(['send', '--to', to, '--text', 'x']);
    const dry = await wamux(['send', '--to', to, '--text', 'x', '--dry-run']);
    for (const result of [real, dry]) {
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toMatch(/^wamux: validation_failed: --to: /);
      expect(result.stdout).toBe('');
    }
    expect(dry.stderr).toBe(real.stderr);
    // Nothing went to any reading of the number (+55 51112233 in Brazil, before the fix).
    const digits = to.replace(/\D/g, '');
    if (digits.length >= 6) expect(emulator.delivered().filter((d) => d.message.to.replace(/\D/g, '').endsWith(digits.slice(-6)))).toEqual([]);
  },
);

test('--to accepts a number whose country is certain: +, 00, digits as WhatsApp writes them, or a national number with --country', async () => {
  for (const [to, extra, expected] of [
    ['+90 555 111 22 33', [], '+905551112233'],
    ['0090 555 111 22 33', [], '+905551112233'],
    ['905551112233', [], '+905551112233'],
    ['(555) 111-2233', ['--country', 'US'], '+15551112233'],
  ] as const) {
    const result = await wamux(['send', '--to', to, '--text', 'x', '--dry-run', ...extra]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ to: expected });
  }
});

test.concurrent.each([
  [['send', '--text', 'x'], /^wamux: --to <phone> is required; see "wamux send --help"$/],
  [['send', '--to', '+905551112233'], /^wamux: say what to send: one of --text, /],
  [['send', '--to', '+905551112233', '--text', 'x', '--image', 'pixel.png'], /^wamux: give one message type, not --text and --image/],
  [['send', '--to', '+905551112233', '--text', 'x', '--colour', 'red'], /^wamux: .*--colour/],
  [['send', '--to', '+905551112233', '--location', 'north'], /^wamux: --location: expected "lat,lng"/],
  [['send', '--to', '+905551112233', '--buttons', 'a:A'], /^wamux: --buttons needs --body <text>/],
  [['send', '--to', '+905551112233', '--image', 'missing.png'], /^wamux: --image: no such file "missing.png"/],
  [['frobnicate'], /^wamux: unknown command "frobnicate"/],
])('usage error %j: one line, exit 2', async (args, pattern) => {
  const result = await wamux(args);
  expect(result.code).toBe(2);
  expect(lines(result.stderr)).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(pattern);
});

test("a vendor error names the vendor's code; --verbose adds status and details, never the API key", async () => {
  emulator.injectFault({ type: 'http_error', status: 400, path: '/messages' });
  const plain = await wamux(['send', '--to', '+905551112233', '--text', 'x']);
  expect(plain.code).toBe(1);
  expect(lines(plain.stderr)).toEqual(['wamux: request_rejected (memory, vendor code http_400, HTTP 400): injected HTTP 400']);

  emulator.injectFault({ type: 'http_error', status: 400, path: '/messages' });
  const verbose = await wamux(['send', '--to', '+905551112233', '--text', 'x', '--verbose']);
  expect(verbose.code).toBe(1);
  expect(verbose.stderr).toContain('  status: 400');
  expect(verbose.stderr).toContain('  details: {"error":{"code":"http_400","message":"injected HTTP 400"}}');

  const { dir, cleanup } = tempDir();
  try {
    writeMemoryConfig(dir, emulator, { apiKey: 'sk-wrong-0123456789' });
    const denied = await runCli(bundle, ['send', '--to', '+905551112233', '--text', 'x', '--verbose'], { cwd: dir });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/^wamux: authentication_failed \(memory, vendor code unauthorized, HTTP 401\)/);
    for (const output of [plain, verbose, denied]) {
      expect(`${output.stdout}${output.stderr}`).not.toContain(SECRET);
      expect(`${output.stdout}${output.stderr}`).not.toContain('sk-wrong-0123456789');
    }
  } finally {
    cleanup();
  }
});

// The CLI's pure parts, in-process: CSV parsing, journal replay, error
// classification, the progress display, the demo's width.
import { execFileSync } from 'node:child_process';
import { AuthenticationError, ConfigurationError, NetworkError, ProviderServerError, TimeoutError, ValidationError } from '@wamux/core';
import { deliveryOf } from '../../src/cli/bulk/classify';
import { parseCsv } from '../../src/cli/bulk/csv';
import { replayJournal, type JournalEntry } from '../../src/cli/bulk/journal';
import { createProgress } from '../../src/cli/bulk/progress';
import { journalTargetOf } from '../../src/cli/bulk/journal-target';
import { failureReport } from '../../src/cli/bulk/plan';
import { shown } from '../../src/cli/commands/doctor';
import { shellQuote } from '../../src/cli/commands/emulate';
import { renderDemo } from '../../src/cli/demo';
import { errorLine } from '../../src/cli/errors';
import { closest } from '@wamux/core/adapter';
import { unknownCommandError } from '../../src/cli/command';
import { optionsFromFlags, parseRateLimit } from '../../src/cli/target-flags';

test('parseCsv: quotes, escaped quotes, newlines in quotes, CRLF, BOM, ; delimiter, blank lines', () => {
  expect(parseCsv('\uFEFFphone,name\r\n+905551112233,"Ada, ""the first"""\r\n\r\n+905551112234,"two\nlines"\r\n')).toEqual({
    header: ['phone', 'name'],
    rows: [
      { row: 1, cells: ['+905551112233', 'Ada, "the first"'] },
      { row: 2, cells: ['+905551112234', 'two\nlines'] },
    ],
  });
  expect(parseCsv('phone;name\n+905551112233;Ada').rows[0]?.cells).toEqual(['+905551112233', 'Ada']);
});

test('replayJournal: sent is final; attempt without result is unknown; a later failure after an attempt is what it says', () => {
  const at = '2026-01-01T00:00:00.000Z';
  const entries: JournalEntry[] = [
    { type: 'attempt', at, recipient: '+1', row: 1 },
    { type: 'result', at, recipient: '+1', row: 1, ok: true, delivery: 'sent', id: 'm1' },
    { type: 'attempt', at, recipient: '+1', row: 1 },
    { type: 'attempt', at, recipient: '+2', row: 2 },
    { type: 'attempt', at, recipient: '+3', row: 3 },
    { type: 'result', at, recipient: '+3', row: 3, ok: false, delivery: 'not_sent', error: { code: 'rate_limited', message: 'x' } },
    { type: 'attempt', at, recipient: '+4', row: 4 },
    { type: 'result', at, recipient: '+4', row: 4, ok: false, delivery: 'unknown', error: { code: 'timeout', message: 'x' } },
  ];
  const state = replayJournal(entries);
  expect([...state.entries()].map(([k, v]) => [k, v.delivery])).toEqual([
    ['+1', 'sent'],
    ['+2', 'unknown'],
    ['+3', 'not_sent'],
    ['+4', 'unknown'],
  ]);
  expect(state.get('+1')?.id).toBe('m1');
});

test('deliveryOf: proven refusals are not_sent; anything that may have reached the vendor is unknown', () => {
  expect(deliveryOf(new ValidationError([{ path: 'to', message: 'bad' }]))).toBe('not_sent');
  expect(deliveryOf(new AuthenticationError('no'))).toBe('not_sent');
  expect(deliveryOf(new NetworkError('refused', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }))).toBe('not_sent');
  expect(deliveryOf(new NetworkError('reset', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }))).toBe('unknown');
  expect(deliveryOf(new TimeoutError('slow'))).toBe('unknown');
  expect(deliveryOf(new ProviderServerError('502'))).toBe('unknown');
  expect(deliveryOf(new Error('?'))).toBe('unknown');
});

test('progress: a redrawn bar with ETA on a TTY; plain lines at each 10% otherwise', () => {
  const written: string[] = [];
  const stream = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  const bar = createProgress(4, { stream });
  bar.update({ sent: 1, failed: 0, unknown: 0 });
  bar.finish({ sent: 3, failed: 1, unknown: 0 });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress bar writes terminal escape codes
  expect(written[0]).toMatch(/^\r\x1b\[2K\[█{6}░{18}\] 1\/4 25% {2}[\d.]+\/s {2}ETA \S+$/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress bar writes terminal escape codes
  expect(written[1]).toMatch(/^\r\x1b\[2K\[█{24}\] 4\/4 100% .* ✗ 1 failed\n$/);

  const plain: string[] = [];
  const log = createProgress(20, { stream: { isTTY: false, write: (text: string) => plain.push(text) } as unknown as NodeJS.WriteStream });
  for (let sent = 1; sent <= 20; sent += 1) log.update({ sent, failed: 0, unknown: 0 });
  log.finish({ sent: 20, failed: 0, unknown: 0 });
  expect(plain).toHaveLength(11);
  expect(plain.at(-1)).toMatch(/^bulk: 20\/20 \(100%\) sent 20, [\d.]+\/s, ETA 0s\n$/);
});

test('parseRateLimit', () => {
  expect(parseRateLimit('10/s')).toEqual({ requests: 10, interval: 1000 });
  expect(parseRateLimit('600/min')).toEqual({ requests: 600, interval: 60_000 });
  expect(parseRateLimit('5/2000')).toEqual({ requests: 5, interval: 2000 });
  expect(parseRateLimit('20/2s')).toEqual({ requests: 20, interval: 2000 });
  expect(() => parseRateLimit('fast')).toThrow('--rate-limit: expected <requests>/<interval>');
});

test('renderDemo fits 80 columns (or the width given) by splitting the providers over tables, and ends with three next steps', () => {
  const long = '✗ request_rejected: the vendor refused this message because the template is not approved';
  const report = (provider: 'desk360' | 'getchat' | 'messaging-api' | 'memory') => ({
    provider,
    steps: [
      { step: 'customer taps a button', outcome: long },
      { step: 'send text', outcome: '✓ sent 0f6c2a8e-4b1d-4c4e-9a53-2b7c1d9e8f00' },
    ],
    events: ['text "Thanks! When will i…"', `error webhook_payload_invalid: ${long}`],
  });
  const reports = [report('desk360'), report('getchat'), report('messaging-api'), report('memory')];
  for (const width of [80, 120, 200]) {
    const text = renderDemo(reports, { width, command: 'pnpm wamux' });
    const rows = text.split('\n').filter((line) => line.includes('│'));
    expect(rows.length).toBeGreaterThan(3);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
    expect(text).toContain('customer taps a button │ ✗ request_rejected');
    expect(text.match(/^ {2}pnpm wamux (send|emulate|listen) /gm)).toHaveLength(3);
  }
  // 80 columns: two providers per table; 200: all four side by side.
  expect(
    renderDemo(reports)
      .split('\n')
      .filter((line) => line.startsWith('─')),
  ).toHaveLength(2);
  expect(
    renderDemo(reports, { width: 200 })
      .split('\n')
      .filter((line) => line.startsWith('─')),
  ).toHaveLength(1);
});

test('--set never writes through a prototype key', () => {
  for (const key of ['__proto__.polluted', 'constructor.prototype.polluted', 'a.__proto__.polluted']) {
    expect(() => optionsFromFlags({ set: [`${key}=1`] })).toThrow(/is not an option name/);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(optionsFromFlags({ set: ['retry.limit=3', 'timeout=5'] })).toMatchObject({ retry: { limit: 3 }, timeout: 5 });
});

test('a configuration error says where a CLI user sets the option, instead of a library call', () => {
  const missing = new ConfigurationError('integrationId', 'is required for this call (list your integrations with provider.integrations.list())', {
    provider: 'desk360',
  });
  expect(errorLine(missing)).toBe(
    'wamux: configuration_invalid (desk360): integrationId: is required for this call; set it with --set integrationId=<value>, the environment variable DESK360_INTEGRATION_ID or "integrationId" in wamux.config.json',
  );
  expect(errorLine(new ConfigurationError('baseUrl', 'must use https', { provider: 'getchat' }))).toMatch(
    /set it with --base-url <url>, the environment variable GETCHAT_BASE_URL or "baseUrl" in wamux\.config\.json$/,
  );
  // Not an option: a config file that is not valid JSON says so, and nothing more.
  expect(errorLine(new ConfigurationError('wamux.config.json', 'is not valid JSON'))).toBe(
    'wamux: configuration_invalid: wamux.config.json: is not valid JSON',
  );
});

test('"did you mean": case, a typo, a transposition; nothing when far off', () => {
  expect(closest('Desk360', ['desk360', 'getchat'])).toBe('desk360');
  expect(closest('--txt', ['--text', '--to'])).toBe('--text');
  expect(closest('tiemout', ['timeout', 'baseUrl'])).toBe('timeout');
  expect(closest('whatsapp-magic', ['desk360', 'getchat', 'memory'])).toBeUndefined();
});

test('shellQuote makes one shell word of anything, and leaves plain words alone', () => {
  for (const text of ['webhookSecret={"value":"a b","header":"x"}', "it's", 'http://127.0.0.1:4100/v1', '$HOME `x` \\n']) {
    expect(execFileSync('sh', ['-c', `printf '%s' ${shellQuote(text)}`], { encoding: 'utf8' })).toBe(text);
  }
  expect(shellQuote('http://127.0.0.1:4100/v1')).toBe('http://127.0.0.1:4100/v1');
});

test('failureReport counts failures by reason, most frequent first, with the first rows of each', () => {
  const failure = (row: number, code: string, delivery: 'not_sent' | 'unknown' | 'invalid' = 'not_sent') => ({
    row,
    phone: `+90555000000${row}`,
    delivery,
    error: { code, message: `${code} on row ${row}` },
  });
  expect(
    failureReport([
      failure(5, 'rate_limited'),
      failure(1, 'request_rejected'),
      failure(2, 'rate_limited'),
      failure(3, 'rate_limited'),
      failure(4, 'rate_limited'),
      failure(6, 'timeout', 'unknown'),
    ]),
  ).toEqual([
    'bulk: 4 recipients not sent: rate_limited',
    '  row 2 (+905550000002): rate_limited on row 2',
    '  row 3 (+905550000003): rate_limited on row 3',
    '  row 4 (+905550000004): rate_limited on row 4',
    '  ... and 1 more (see the results file)',
    'bulk: 1 recipient not sent: request_rejected',
    '  row 1 (+905550000001): request_rejected on row 1',
    'bulk: 1 recipient unknown outcome: timeout',
    '  row 6 (+905550000006): timeout on row 6',
  ]);
});

test('doctor shows a value the same way whatever its source; a credential is always (set)', () => {
  expect(shown('integrationId', 42)).toBe('42');
  expect(shown('integrationId', '42')).toBe('42');
  for (const key of ['apiKey', 'password', 'token', 'webhookSecret', 'd360ApiKey', 'verifyToken', 'apiId']) {
    expect(shown(key, 'x-secret-value')).toBe('(set)');
    expect(shown(key, 12345678)).toBe('(set)');
  }
  expect(shown('baseUrl', 'https://user:pw@example.com/v1')).not.toContain('pw');
});

test('a journal target names the account without a secret', () => {
  const target = journalTargetOf({
    kind: 'configured',
    provider: 'memory',
    config: { provider: 'memory' },
    origins: {},
    source: 'x',
    options: { baseUrl: 'http://h/v1/', apiKey: 'sk-live-abcdef' },
    defaultCountry: undefined,
  });
  expect(target).toEqual({ provider: 'memory', baseUrl: 'http://h/v1', account: expect.stringMatching(/^apiKey sha256:[0-9a-f]{12}$/) });
  expect(JSON.stringify(target)).not.toContain('sk-live-abcdef');
  const desk = journalTargetOf({
    kind: 'configured',
    provider: 'desk360',
    config: { provider: 'desk360' },
    origins: {},
    source: 'x',
    options: { apiKey: 'k', integrationId: 7 },
    defaultCountry: undefined,
  });
  expect(desk).toEqual({ provider: 'desk360', baseUrl: 'desk360 default', account: 'integrationId 7' });
  expect(journalTargetOf({ kind: 'local', provider: 'memory', overrides: {}, reason: 'flag', defaultCountry: undefined })).toEqual({
    provider: 'memory',
    baseUrl: 'built-in memory emulator',
  });
});

test('an unknown command gets "did you mean"', () => {
  expect(unknownCommandError('sned', ['send', 'bulk', 'demo']).message).toBe('unknown command "sned" (did you mean "send"?) (run "wamux --help")');
  expect(unknownCommandError('frobnicate', ['send']).message).toBe('unknown command "frobnicate" (run "wamux --help")');
});

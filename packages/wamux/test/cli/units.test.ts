// The CLI's pure parts, in-process: CSV parsing, journal replay, error
// classification, the progress display, the demo's width.
import { AuthenticationError, NetworkError, ProviderServerError, TimeoutError, ValidationError } from '@wamux/core';
import { deliveryOf } from '../../src/cli/bulk/classify';
import { parseCsv } from '../../src/cli/bulk/csv';
import { replayJournal, type JournalEntry } from '../../src/cli/bulk/journal';
import { createProgress } from '../../src/cli/bulk/progress';
import { renderDemo } from '../../src/cli/demo';
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
  expect(written[0]).toMatch(/^\r\x1b\[2K\[█{6}░{18}\] 1\/4 25% {2}[\d.]+\/s {2}ETA \S+$/);
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

test('renderDemo fits four providers in 160 columns', () => {
  const long = '✗ request_rejected: the vendor refused this message because the template is not approved';
  const report = (provider: 'desk360' | 'getchat' | 'messaging-api' | 'memory') => ({
    provider,
    steps: [{ step: 'customer taps a button', outcome: long }, { step: 'send text', outcome: '✓ sent 0f6c2a8e-4b1d-4c4e-9a53-2b7c1d9e8f00' }],
    events: ['text "Thanks! When will i…"', `error webhook_payload_invalid: ${long}`],
  });
  const text = renderDemo([report('desk360'), report('getchat'), report('messaging-api'), report('memory')]);
  const rows = text.split('\n').filter((line) => line.includes('│'));
  expect(rows.length).toBeGreaterThan(3);
  for (const line of text.split('\n').slice(1, -1)) expect([...line].length).toBeLessThanOrEqual(160);
  expect(text).toContain('customer taps a button │ ✗ request_rejected');
});

test('--set never writes through a prototype key', () => {
  for (const key of ['__proto__.polluted', 'constructor.prototype.polluted', 'a.__proto__.polluted']) {
    expect(() => optionsFromFlags({ set: [`${key}=1`] })).toThrow(/is not an option name/);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(optionsFromFlags({ set: ['retry.limit=3', 'timeout=5'] })).toMatchObject({ retry: { limit: 3 }, timeout: 5 });
});

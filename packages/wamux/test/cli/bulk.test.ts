import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { bundleCli, killAll, lines, runCli, startCli, tempDir, writeMemoryConfig } from './helpers';

let bundle: string;
let emulator: MemoryEmulator;
const tmp = tempDir();

beforeAll(async () => {
  bundle = await bundleCli(tmp.dir);
  // The vendor side enforces a limit too; the CLI's limiter (10/s, from the config) keeps under it.
  emulator = await createMemoryEmulator({ rateLimit: { requests: 15, interval: 1000 } });
});
beforeEach(() => emulator.reset());
afterAll(async () => {
  killAll();
  await emulator.close();
  tmp.cleanup();
});

const dirs: Array<{ cleanup(): void }> = [];
afterAll(() => {
  for (const d of dirs) d.cleanup();
});

const PHONES = Array.from({ length: 50 }, (_, i) => `+9055512300${String(i).padStart(2, '0')}`);

/** A fresh directory with a config (10 sends/s) and a recipients CSV. */
function campaign(rows: string[] = PHONES.map((phone, i) => `${phone},Customer ${i},#${1000 + i}`)) {
  const made = tempDir('wamux-bulk-');
  dirs.push(made);
  const { dir } = made;
  writeMemoryConfig(dir, emulator, { rateLimit: { requests: 10, interval: 1000 } });
  writeFileSync(join(dir, 'recipients.csv'), ['phone,name,order', ...rows].join('\n'));
  return { dir, csv: join(dir, 'recipients.csv'), journal: join(dir, 'recipients.csv.results.jsonl') };
}

type Line = { type: string; recipient?: string; ok?: boolean; delivery?: string; id?: string; error?: { code: string } };
const journalLines = (path: string): Line[] => (existsSync(path) ? lines(readFileSync(path, 'utf8')).map((line) => JSON.parse(line) as Line) : []);
const deliveredPer = () => {
  const counts = new Map<string, number>();
  for (const item of emulator.delivered()) counts.set(item.message.to, (counts.get(item.message.to) ?? 0) + 1);
  return counts;
};
async function until(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(25);
  }
}

test('Ctrl-C stops dispatching, records the sends in flight, exits 130; the rerun sends to everyone else exactly once', async () => {
  const { dir, journal } = campaign();
  const args = ['bulk', '--csv', 'recipients.csv', '--text', 'Hi {{name}}, order {{order}} has shipped'];
  const first = startCli(bundle, args, { cwd: dir });
  await until(() => journalLines(journal).filter((l) => l.type === 'result').length >= 5);

  // One journal, one writer: a second run on it is refused while the first is going.
  const second = await runCli(bundle, args, { cwd: dir });
  expect(second.code).toBe(1);
  expect(second.stderr).toMatch(/wamux: another wamux bulk run \(pid \d+\) is using .*recipients\.csv\.results\.jsonl/);

  first.child.kill('SIGINT');
  const stopped = await first.done;
  expect(stopped.code).toBe(130);
  expect(stopped.stderr).toMatch(/bulk: interrupted: no new sends; waiting for \d+ in flight/);
  expect(stopped.stdout).toMatch(/not started \(run the same command again to resume\)/);

  const afterStop = journalLines(journal);
  const attempts = afterStop.filter((l) => l.type === 'attempt').map((l) => l.recipient);
  const results = afterStop.filter((l) => l.type === 'result');
  // Every send dispatched before Ctrl-C finished and was recorded.
  expect(results.map((l) => l.recipient).sort()).toEqual([...attempts].sort());
  expect(results.every((l) => l.ok && l.delivery === 'sent')).toBe(true);
  expect(results.length).toBeLessThan(PHONES.length);
  expect(emulator.delivered()).toHaveLength(results.length);

  const resumed = await runCli(bundle, args, { cwd: dir });
  expect(resumed.code).toBe(0);
  expect(resumed.stderr).toContain(`bulk: ${PHONES.length} recipients: ${results.length} already sent, ${PHONES.length - results.length} to send`);
  expect(resumed.stdout).toBe(`bulk: sent ${PHONES.length - results.length}, ${results.length} already sent earlier. Results: recipients.csv.results.jsonl\n`);

  const counts = deliveredPer();
  expect(PHONES.map((phone) => counts.get(phone))).toEqual(PHONES.map(() => 1));
  const delivered = emulator.delivered().find((item) => item.message.to === PHONES[7]);
  expect(delivered?.message).toEqual({ type: 'text', to: PHONES[7], text: 'Hi Customer 7, order #1007 has shipped' });
  // The journal holds exactly one ok result per recipient, with the id the provider returned.
  const ok = journalLines(journal).filter((l) => l.type === 'result' && l.ok);
  expect(ok.map((l) => l.recipient).sort()).toEqual([...PHONES].sort());
  expect(ok.find((l) => l.recipient === PHONES[7])?.id).toBe(delivered?.id);

  const again = await runCli(bundle, args, { cwd: dir });
  expect(again.code).toBe(0);
  expect(again.stdout).toContain(`sent 0, ${PHONES.length} already sent earlier`);
  expect(emulator.delivered()).toHaveLength(PHONES.length);
});

test('killed hard: attempts without a result are unknown and not resent unless --retry-unknown', async () => {
  const { dir, journal } = campaign(PHONES.slice(0, 30).map((phone) => `${phone},x,y`));
  const args = ['bulk', '--csv', 'recipients.csv', '--text', 'Hello', '--quiet'];
  const first = startCli(bundle, args, { cwd: dir });
  await until(() => journalLines(journal).filter((l) => l.type === 'result').length >= 6);
  first.child.kill('SIGKILL');
  await first.done;

  const entries = journalLines(journal);
  const settled = new Set(entries.filter((l) => l.type === 'result').map((l) => l.recipient));
  const unknown = entries.filter((l) => l.type === 'attempt' && !settled.has(l.recipient)).map((l) => l.recipient as string);
  expect(unknown.length).toBeGreaterThan(0);

  const resumed = await runCli(bundle, args, { cwd: dir });
  expect(resumed.code).toBe(1);
  expect(resumed.stderr).toContain(`${unknown.length} with an unknown outcome skipped (check them, then --retry-unknown)`);
  const counts = deliveredPer();
  for (const phone of PHONES.slice(0, 30)) {
    if (unknown.includes(phone)) expect(counts.get(phone) ?? 0).toBeLessThanOrEqual(1);
    else expect(counts.get(phone)).toBe(1);
  }
  const beforeRetry = deliveredPer();

  const retried = await runCli(bundle, [...args, '--retry-unknown'], { cwd: dir });
  expect(retried.code).toBe(0);
  expect(retried.stdout).toContain(`bulk: sent ${unknown.length}, ${30 - unknown.length} already sent earlier`);
  const after = deliveredPer();
  for (const phone of PHONES.slice(0, 30)) expect(after.get(phone)).toBe((beforeRetry.get(phone) ?? 0) + (unknown.includes(phone) ? 1 : 0));
});

test('templates take {{column}} parameters; a phone without a certain country is an invalid row, reported and never sent (exit 3)', async () => {
  const { dir } = campaign([`${PHONES[0]},Ada,#1`, '5551234567,Bob,#2', `${PHONES[2]},Cy,#3`, `${PHONES[0]},Ada again,#4`, ',nobody,#5']);
  const args = ['bulk', '--csv', 'recipients.csv', '--template', 'order_update', '--lang', 'en', '--param', '{{name}}', '--param', 'order {{order}}'];
  const result = await runCli(bundle, args, { cwd: dir });
  expect(result.code).toBe(3);
  expect(result.stderr).toContain('bulk: 1 row repeating an earlier phone skipped (row 4 = row 1)');
  expect(result.stderr).toContain('bulk: 1 row with no phone skipped (rows 5)');
  expect(result.stderr).toContain('bulk: 1 row with an invalid phone skipped (never sent; fix them in the CSV):\n  row 2 phone: has no country code');
  expect(result.stdout).toContain('bulk: sent 2, 1 CSV row with an invalid phone skipped.');
  // Before the fix, 5551234567 went to +55 51234567 (Brazil).
  expect(emulator.delivered().map((d) => d.message)).toEqual([
    { type: 'template', to: PHONES[0], template: { name: 'order_update', language: 'en', body: ['Ada', 'order #1'] } },
    { type: 'template', to: PHONES[2], template: { name: 'order_update', language: 'en', body: ['Cy', 'order #3'] } },
  ]);

  // Nothing is "retried" forever: the rerun has only the invalid row left, and says so.
  const rerun = await runCli(bundle, args, { cwd: dir });
  expect(rerun.code).toBe(3);
  expect(rerun.stderr).toContain('bulk: 2 recipients: 2 already sent, 0 to send');
  expect(rerun.stderr).toContain('bulk: nothing left to send: the remaining 1 row are invalid');
  expect(emulator.delivered()).toHaveLength(2);

  // With its country, the national number is certain and sent (once).
  const withCountry = await runCli(bundle, [...args, '--country', 'US'], { cwd: dir });
  expect(withCountry.code).toBe(0);
  expect(emulator.delivered().map((d) => d.message.to)).toEqual([PHONES[0], PHONES[2], '+15551234567']);
});

test('a message refused before sending is recorded as invalid, explained on screen, and not retried while the message is the same', async () => {
  const { dir, journal } = campaign([`${PHONES[0]},Ada,#1`, `${PHONES[1]},,#2`, `${PHONES[2]},Cy,#3`]);
  const args = ['bulk', '--csv', 'recipients.csv', '--text', '{{name}}'];
  const result = await runCli(bundle, args, { cwd: dir });
  expect(result.code).toBe(3);
  expect(result.stderr).toContain(`bulk: 1 recipient invalid: validation_failed\n  row 2 (${PHONES[1]}): message.text: `);
  expect(result.stdout).toContain('bulk: sent 2, invalid 1 (refused before sending; not retried until the message changes)');
  expect(journalLines(journal).find((l) => l.type === 'result' && !l.ok)).toMatchObject({
    recipient: PHONES[1],
    delivery: 'invalid',
    error: { code: 'validation_failed' },
  });

  const rerun = await runCli(bundle, args, { cwd: dir });
  expect(rerun.code).toBe(3);
  expect(rerun.stderr).toContain('1 refused as invalid by an earlier run skipped, 0 to send');
  expect(emulator.delivered()).toHaveLength(2);

  // Another message is another chance for that row.
  const changed = await runCli(bundle, ['bulk', '--csv', 'recipients.csv', '--text', 'Hi {{name}}'], { cwd: dir });
  expect(changed.code).toBe(0);
  expect(emulator.delivered()).toHaveLength(3);
});

test('a journal is bound to where it sends: resuming it against another target is refused, naming both; --new-journal starts a new one', async () => {
  const { dir, journal } = campaign(PHONES.slice(0, 3).map((phone, i) => `${phone},N${i},#${i}`));
  const args = ['bulk', '--csv', 'recipients.csv', '--text', 'Hi {{name}}'];
  expect((await runCli(bundle, args, { cwd: dir })).code).toBe(0);
  expect(journalLines(journal).find((l) => l.type === 'run')).toMatchObject({
    target: { provider: 'memory', baseUrl: emulator.url, account: expect.stringMatching(/^apiKey sha256:[0-9a-f]{12}$/) },
  });

  // The same CSV against another emulator (think: the real provider after a trial run).
  const other = await createMemoryEmulator();
  try {
    writeMemoryConfig(dir, other, { rateLimit: { requests: 10, interval: 1000 } });
    for (const extra of [[], ['--dry-run']]) {
      const refused = await runCli(bundle, [...args, ...extra], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`recipients.csv.results.jsonl was written for memory at ${emulator.url} (apiKey sha256:`);
      expect(refused.stderr).toContain(`and this run sends to memory at ${other.url} (apiKey sha256:`);
      expect(refused.stderr).toContain('Pass --new-journal to start a new journal');
    }
    expect(other.delivered()).toHaveLength(0);

    const fresh = await runCli(bundle, [...args, '--new-journal'], { cwd: dir });
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toMatch(/bulk: --new-journal: kept the previous journal as .*recipients\.csv\.results\.jsonl\.\d{4}-/);
    expect(other.delivered()).toHaveLength(3);
    expect(readdirSync(dir).filter((name) => name.startsWith('recipients.csv.results.jsonl.'))).toHaveLength(1);
  } finally {
    await other.close();
  }
});

test('--dry-run sends nothing; a {{column}} the CSV lacks is a usage error', async () => {
  const { dir, journal } = campaign(PHONES.slice(0, 5).map((phone, i) => `${phone},N${i},#${i}`));
  const dry = await runCli(bundle, ['bulk', '--csv', 'recipients.csv', '--text', 'Hi {{name}}', '--dry-run', '--results', 'out.jsonl'], { cwd: dir });
  expect(dry.code).toBe(0);
  expect(lines(dry.stdout)).toEqual([
    JSON.stringify({ type: 'text', to: PHONES[0], text: 'Hi N0' }),
    JSON.stringify({ type: 'text', to: PHONES[1], text: 'Hi N1' }),
    JSON.stringify({ type: 'text', to: PHONES[2], text: 'Hi N2' }),
    '... and 2 more',
  ]);
  expect(emulator.delivered()).toHaveLength(0);
  expect(existsSync(journal) || existsSync(join(dir, 'out.jsonl'))).toBe(false);

  // Against the built-in emulator (nothing configured) the journal is a different file, so a trial never counts as sent.
  const trial = tempDir('wamux-bulk-');
  dirs.push(trial);
  writeFileSync(join(trial.dir, 'recipients.csv'), readFileSync(join(dir, 'recipients.csv')));
  const local = await runCli(bundle, ['bulk', '--csv', 'recipients.csv', '--text', 'Hi', '--dry-run'], { cwd: trial.dir });
  expect(local.stderr).toContain('(results: recipients.csv.emulator.results.jsonl)');

  // A dry run checks every recipient as a send would: a phone without a certain country fails it, with the same reason.
  writeFileSync(join(dir, 'national.csv'), 'phone,name\n5551112233,Ann\n');
  const national = await runCli(bundle, ['bulk', '--csv', 'national.csv', '--text', 'Hi {{name}}', '--dry-run'], { cwd: dir });
  expect(national.code).toBe(3);
  expect(national.stderr).toContain('row 1 phone: has no country code');
  expect(national.stderr).toContain('bulk: dry run: 0 would be sent, 1 invalid; nothing was sent');

  const bad = await runCli(bundle, ['bulk', '--csv', 'recipients.csv', '--text', 'Hi {{nme}}'], { cwd: dir });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toBe('wamux: {{nme}}: the CSV has no such column (columns: phone, name, order); see "wamux bulk --help"\n');
});

import { readFile } from 'node:fs/promises';
import { EXIT_INTERRUPTED, EXIT_INVALID_ROWS, parseCommandLine, positiveInteger, UsageError, type Command } from '../command';
import { parseCsv } from '../bulk/csv';
import { onInterrupts } from '../bulk/interrupts';
import { dryRunBulk } from '../bulk/dry-run';
import { openJournal, readJournal, setAsideJournal } from '../bulk/journal';
import { describeTarget, journalTargetOf, refuseForeignJournal } from '../bulk/journal-target';
import { failureReport, planRun, plural, sample, summaryLine } from '../bulk/plan';
import { createProgress } from '../bulk/progress';
import { enqueueBulk } from '../bulk/enqueue';
import { checkPlaceholders, describeSpec, recipientsFromCsv, type BulkMessageSpec, type BulkRecipient } from '../bulk/recipients';
import { runBulk, type BulkTally } from '../bulk/run';
import { note, out } from '../io';
import { QUEUE_OPTIONS, queueConnection } from '../queue-flags';
import { TEMPLATE_OPTIONS, wantsTemplate, type TemplateFlags } from '../send/template-flags';
import { openResolved, resolveTarget } from '../target';
import { TARGET_OPTIONS, TARGET_USAGE } from '../target-flags';

const OPTIONS = {
  ...TARGET_OPTIONS,
  ...TEMPLATE_OPTIONS,
  csv: { type: 'string' },
  text: { type: 'string' },
  'preview-url': { type: 'boolean' },
  results: { type: 'string' },
  'phone-column': { type: 'string' },
  delimiter: { type: 'string' },
  concurrency: { type: 'string' },
  'retry-unknown': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'new-journal': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  ...QUEUE_OPTIONS,
} as const;

const USAGE = `Usage: wamux bulk --csv <file> (--text <text> | --template <name> [template options]) [options]

Sends one message per CSV row through the provider's rate limiter, with a
progress bar and ETA on stderr and a per-recipient results file (the
journal). Resumable: run the same command again after Ctrl-C or a crash and
recipients already recorded as sent are skipped; nobody gets the message
twice. See docs/cli.md for the journal format and the at-most-once rules.

  --csv <file>            Recipients: a header row with a phone column; other columns fill {{column}}
  --text <text>           The message; {{column}} is replaced with the row's cell ([--preview-url])
  --template <name>       A template ([--template-id <id>] [--lang <code>] [--param <value>]...
                          [--var <name>=<value>]... [--header-param <value>]...); values may use {{column}}
  --results <file>        The journal (default: <csv>.results.jsonl; <csv>.emulator.results.jsonl
                          when running against a built-in emulator)
  --phone-column <name>   The phone column (default: phone)
  --delimiter <char>      CSV delimiter (default: detected from the header: , ; or tab)
  --concurrency <n>       Sends in flight at once (default 4; the rate limiter sets the pace)
  --retry-unknown         Also send to recipients whose earlier send has an unknown outcome
                          (interrupted in flight, timed out, 5xx): they may get the message twice
  --dry-run               Check every message as a send would (phones, message, provider's
                          capabilities); print the plan and the first messages; send nothing
  --new-journal           Start a new journal: the existing one is renamed <file>.<time>
                          (needed to send with a journal written for another target)
  -q, --quiet             No progress output
  --queue <redis-url>     Enqueue into the durable outbox instead of sending (docs/outbox.md):
                          "wamux worker" sends; running again enqueues nobody twice
  --queue-name <name>     The outbox's queue (default: wamux-outbox)

A journal is bound to where it sends: the provider, its base URL and the
sending account are recorded, and resuming it against another target is
refused (a recipient recorded as sent by an emulator got nothing from the
real provider). Phone cells need their country code (+90..., 0090..., or
905551112233 as WhatsApp writes them) unless --country is given; other rows
are reported as invalid and never sent.

Ctrl-C stops dispatching and waits for sends in flight to be recorded, then
exits 130; a second Ctrl-C abandons them (recorded as unknown).
Exit status: 0 when every recipient is recorded as sent; 1 when some were not
sent or have an unknown outcome; 3 when everything that can be sent was, but
some rows are invalid (a bad phone, or a message the provider refuses: fix
them and run again); 130 when interrupted.

${TARGET_USAGE}`;

/** How to settle a recipient whose send has an unknown outcome (stderr). */
const UNKNOWN_ADVICE =
  'bulk: an "unknown" send may have reached the customer (a timeout, a dropped connection, a 5xx answer): settle each one from the vendor\'s console or history, ' +
  'or its status webhooks (wamux listen), using the requestId recorded in the results file when there is one; then leave it, or resend it with --retry-unknown (it may then arrive twice)';

/** `wamux bulk`. */
export const bulkCommand: Command = {
  name: 'bulk',
  summary: 'Send one message per CSV row: rate-limited, with progress, resumable at most once',
  usage: USAGE,
  async run(args) {
    const { values } = parseCommandLine(args, OPTIONS);
    if (values.csv === undefined) throw new UsageError('--csv <file> is required');
    const spec = specFromFlags(values);
    const csvText = await readFile(values.csv, 'utf8').catch(() => {
      throw new UsageError(`--csv: cannot read "${values.csv}"`);
    });
    if (values.delimiter !== undefined && values.delimiter.length !== 1 && values.delimiter !== '\\t')
      throw new UsageError('--delimiter: expected one character');
    const table = parseCsv(csvText, values.delimiter === '\\t' ? '\t' : values.delimiter);
    checkPlaceholders(spec, table.header);
    const concurrency = positiveInteger(values.concurrency, '--concurrency', 4);
    const resolved = await resolveTarget(values, process.env, process.cwd());
    const list = recipientsFromCsv(table, values['phone-column'] ?? 'phone', resolved.defaultCountry);
    // Sends to a built-in emulator must never count as sent for the real provider later.
    const resultsPath = values.results ?? `${values.csv}${resolved.kind === 'local' ? '.emulator' : ''}.results.jsonl`;
    const dryRun = values['dry-run'] === true;
    const target = journalTargetOf(resolved);
    const setAside = values['new-journal'] ? setAsideJournal(resultsPath, dryRun) : undefined;
    if (setAside) note(`bulk: --new-journal: ${dryRun ? 'would keep' : 'kept'} the previous journal as ${setAside}`);

    if (list.duplicates.length > 0)
      note(
        `bulk: ${plural(list.duplicates.length, 'row')} repeating an earlier phone skipped (${sample(
          list.duplicates.map((d) => `row ${d.row} = row ${d.firstRow}`),
          5,
        )})`,
      );
    if (list.blank.length > 0) note(`bulk: ${plural(list.blank.length, 'row')} with no phone skipped (rows ${sample(list.blank, 10)})`);
    if (list.invalid.length > 0) {
      note(`bulk: ${plural(list.invalid.length, 'row')} with an invalid phone skipped (never sent; fix them in the CSV):`);
      for (const row of list.invalid.slice(0, 5)) note(`  ${row.reason}`);
      if (list.invalid.length > 5) note(`  ... and ${list.invalid.length - 5} more`);
    }

    const previous = setAside && dryRun ? { entries: [], corruptLines: [] } : readJournal(resultsPath);
    if (previous.corruptLines.length > 0)
      note(
        `bulk: ${plural(previous.corruptLines.length, 'unreadable line')} in ${resultsPath} ignored (line ${sample(previous.corruptLines, 5)}; a torn last line after a crash is expected)`,
      );
    refuseForeignJournal(previous.entries, target, resultsPath);
    const lastRun = previous.entries.filter((e) => e.type === 'run').at(-1);
    const sameMessage = lastRun?.type !== 'run' || lastRun.message === describeSpec(spec);
    if (!sameMessage && lastRun?.type === 'run')
      note(`bulk: warning: ${resultsPath} was started with a different message (${lastRun.message}); recipients already sent got that one`);
    const plan = planRun(list.recipients, previous.entries, values['retry-unknown'] === true, sameMessage);
    const unknownNote =
      plan.unknownSkipped.length > 0 ? `, ${plan.unknownSkipped.length} with an unknown outcome skipped (check them, then --retry-unknown)` : '';
    const invalidNote = plan.invalidSkipped.length > 0 ? `, ${plan.invalidSkipped.length} refused as invalid by an earlier run skipped` : '';
    note(
      `bulk: ${list.recipients.length} recipients: ${plan.alreadySent} already sent${unknownNote}${invalidNote}, ${plan.toSend.length} to send to ${describeTarget(target)} (results: ${resultsPath})`,
    );
    if (plan.unknownSkipped.length > 0) {
      note(
        `bulk: unknown outcome, not resent: ${sample(
          plan.unknownSkipped.map((r) => `${r.phone} (row ${r.row})`),
          10,
        )}`,
      );
      note(UNKNOWN_ADVICE);
    }
    if (plan.invalidSkipped.length > 0)
      note(
        `bulk: invalid, not retried: ${sample(
          plan.invalidSkipped.map((r) => `row ${r.row}`),
          10,
        )} (their errors are in ${resultsPath}; fix the rows, or change the message)`,
      );
    const invalidRows = list.invalid.length + plan.invalidSkipped.length;

    if (dryRun) return dryRunBulk(resolved, spec, plan.toSend, invalidRows);
    if (values.queue !== undefined) {
      const enqueued = await enqueueIntoOutbox(values, resolved, spec, plan.toSend);
      return enqueued === 0 && invalidRows > 0 ? EXIT_INVALID_ROWS : enqueued;
    }
    const tally: BulkTally = { sent: 0, notSent: 0, unknown: 0, invalid: 0, failures: [], attempted: 0, settled: 0 };
    if (plan.toSend.length === 0) {
      out(summaryLine(tally, plan, resultsPath, list.invalid.length));
      if (plan.unknownSkipped.length > 0) return 1;
      if (invalidRows > 0) {
        note(`bulk: nothing left to send: the remaining ${plural(invalidRows, 'row')} are invalid (listed above); fix them and run again`);
        return EXIT_INVALID_ROWS;
      }
      return 0;
    }

    const journal = openJournal(resultsPath);
    const opened = await openResolved(resolved).catch((error: unknown) => {
      journal.close();
      throw error;
    });
    const progress = createProgress(plan.toSend.length, { quiet: values.quiet === true });
    const stop = new AbortController();
    const abort = new AbortController();
    const removeHandlers = onInterrupts({
      first() {
        stop.abort();
        progress.message(
          `bulk: interrupted: no new sends; waiting for ${tally.attempted - tally.settled} in flight to finish and be recorded (Ctrl-C again to abandon them)`,
        );
      },
      second() {
        abort.abort();
        progress.message('bulk: abandoning the sends in flight: they are recorded as unknown');
      },
      third: () => process.exit(EXIT_INTERRUPTED),
    });
    try {
      journal.append({
        type: 'run',
        at: new Date().toISOString(),
        pid: process.pid,
        csv: values.csv,
        provider: opened.name,
        message: describeSpec(spec),
        target,
      });
      await runBulk({
        provider: opened.provider,
        recipients: plan.toSend,
        spec,
        journal,
        concurrency,
        progress,
        stop: stop.signal,
        abort: abort.signal,
        tally,
      });
    } finally {
      removeHandlers();
      journal.close();
      await opened.close();
    }
    progress.finish({ sent: tally.sent, failed: tally.notSent + tally.invalid, unknown: tally.unknown });
    for (const line of failureReport(tally.failures)) note(line);
    if (tally.unknown > 0) note(UNKNOWN_ADVICE);
    out(summaryLine(tally, plan, resultsPath, list.invalid.length));
    if (stop.signal.aborted) return EXIT_INTERRUPTED;
    if (tally.notSent + tally.unknown + plan.unknownSkipped.length > 0) return 1;
    return tally.invalid + invalidRows > 0 ? EXIT_INVALID_ROWS : 0;
  },
};

/** `bulk --queue`: the plan's recipients go into the outbox, keyed so that a second run enqueues nobody twice. */
async function enqueueIntoOutbox(
  values: { csv?: string | undefined; queue?: string | undefined; 'queue-name'?: string | undefined; quiet?: boolean | undefined },
  resolved: Awaited<ReturnType<typeof resolveTarget>>,
  spec: BulkMessageSpec,
  recipients: readonly BulkRecipient[],
): Promise<number> {
  const { connection, name } = queueConnection(values, process.env);
  const target = await openResolved(resolved);
  const progress = createProgress(recipients.length, { quiet: values.quiet === true });
  try {
    const tally = await enqueueBulk({
      connection,
      name,
      provider: target.provider,
      csv: values.csv as string,
      description: describeSpec(spec),
      spec,
      recipients,
      progress,
    });
    progress.finish({ sent: tally.enqueued + tally.duplicates, failed: tally.refused.length, unknown: 0 });
    for (const refused of tally.refused.slice(0, 10)) note(`bulk: row ${refused.row} (${refused.phone}) refused: ${refused.reason}`);
    out(
      `bulk: ${tally.enqueued} enqueued, ${tally.duplicates} already in the outbox, ${tally.refused.length} refused; "wamux worker" sends them, "wamux outbox status" counts them`,
    );
    return tally.refused.length > 0 ? 1 : 0;
  } finally {
    await target.close();
  }
}

function specFromFlags(values: TemplateFlags & { text?: string | undefined; 'preview-url'?: boolean | undefined }): BulkMessageSpec {
  const template = wantsTemplate(values);
  if (values.text !== undefined && template) throw new UsageError('give --text or --template, not both');
  if (values.text !== undefined) return { kind: 'text', text: values.text, previewUrl: values['preview-url'] === true };
  if (template) return { kind: 'template', flags: values };
  throw new UsageError('say what to send: --text <text> or --template <name>');
}

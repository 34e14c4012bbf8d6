import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { JournalTargetSchema } from './journal-target';

/**
 * The bulk journal (the results file): one JSON object per line, appended
 * and fsync'd as each event happens, so that it survives Ctrl-C, a crash or
 * `kill -9`. It is what makes a bulk run resumable without sending anyone
 * the message twice. Line types:
 *
 * - `run`: a run started, and where it sends (`target`: provider, base URL,
 *   account); a journal is resumed only against the target it was written for;
 * - `attempt`: written and fsync'd BEFORE the send is dispatched;
 * - `result`: the send settled: `ok: true` with the message `id`, or
 *   `ok: false` with the `error` and whether the message may have gone out
 *   (`delivery: "not_sent"` or `"unknown"`), or `"invalid"` when the message
 *   was refused before any I/O (a bad field, a feature the provider lacks):
 *   sending it again would fail the same way, so it is not retried.
 */
export type JournalEntry = v.InferOutput<typeof EntrySchema>;

/** What the journal says happened to one recipient. */
export type Delivery = 'sent' | 'not_sent' | 'unknown' | 'invalid';

/** An error as the journal records it. */
export interface JournalError {
  code: string;
  message: string;
  vendorCode?: string | undefined;
  status?: number | undefined;
  /** The vendor's request or trace id, to ask its support what became of the message. */
  requestId?: string | undefined;
}

const ErrorSchema = v.object({
  code: v.string(),
  message: v.string(),
  vendorCode: v.optional(v.string()),
  status: v.optional(v.number()),
  requestId: v.optional(v.string()),
});
const EntrySchema = v.variant('type', [
  v.object({
    type: v.literal('run'),
    at: v.string(),
    pid: v.number(),
    csv: v.string(),
    provider: v.string(),
    message: v.string(),
    target: v.optional(JournalTargetSchema),
  }),
  v.object({ type: v.literal('attempt'), at: v.string(), recipient: v.string(), row: v.number() }),
  v.object({
    type: v.literal('result'),
    at: v.string(),
    recipient: v.string(),
    row: v.number(),
    ok: v.boolean(),
    delivery: v.picklist(['sent', 'not_sent', 'unknown', 'invalid']),
    id: v.optional(v.string()),
    error: v.optional(ErrorSchema),
  }),
]);

/** The state of one recipient after replaying the journal. */
export interface RecipientRecord {
  delivery: Delivery;
  /** The message id, once sent. */
  id?: string | undefined;
  /** The last error, when not sent. */
  error?: JournalError | undefined;
}

/** The journal's lines, parsed. Unparseable lines (a write torn by a crash) are skipped and reported. */
export interface JournalContents {
  entries: JournalEntry[];
  /** 1-based numbers of lines that could not be parsed. */
  corruptLines: number[];
}

/** Reads a journal; a missing file is an empty journal. */
export function readJournal(path: string): JournalContents {
  if (!existsSync(path)) return { entries: [], corruptLines: [] };
  const entries: JournalEntry[] = [];
  const corruptLines: number[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        corruptLines.push(index + 1);
        return;
      }
      const parsed = v.safeParse(EntrySchema, json);
      if (parsed.success) entries.push(parsed.output);
      else corruptLines.push(index + 1);
    });
  return { entries, corruptLines };
}

/**
 * Replays the journal into one record per recipient. A `result` with
 * `ok: true` makes a recipient `sent` for good; an `attempt` with no
 * `result` after it makes it `unknown` (the process died mid-send: the
 * message may or may not have gone out).
 */
export function replayJournal(entries: readonly JournalEntry[]): Map<string, RecipientRecord> {
  const state = new Map<string, RecipientRecord>();
  for (const entry of entries) {
    if (entry.type === 'run') continue;
    const current = state.get(entry.recipient);
    if (current?.delivery === 'sent') continue;
    if (entry.type === 'attempt')
      state.set(entry.recipient, { delivery: 'unknown', error: { code: 'interrupted', message: 'attempted, but no result was recorded' } });
    else if (entry.ok) state.set(entry.recipient, { delivery: 'sent', id: entry.id });
    else state.set(entry.recipient, { delivery: entry.delivery, error: entry.error });
  }
  return state;
}

/** An open journal: append-only, one writer at a time. */
export interface JournalWriter {
  /** Appends one line and fsyncs it before returning. */
  append(entry: JournalEntry): void;
  /** Closes the file and releases the lock. */
  close(): void;
}

/**
 * Opens the journal for appending, taking `<path>.lock` so that two runs
 * never share a journal (which would break at-most-once). A lock left by a
 * process that is gone is taken over. A torn last line is closed with a
 * newline so the next entry starts on its own line.
 */
export function openJournal(path: string): JournalWriter {
  const lock = acquireLock(`${path}.lock`, path);
  let fd: number;
  try {
    const existed = existsSync(path);
    fd = openSync(path, 'a');
    if (existed) {
      const text = readFileSync(path, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) writeSync(fd, '\n');
    } else {
      fsyncDirectory(dirname(path));
    }
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    append(entry) {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    },
    close() {
      closeSync(fd);
      lock.release();
    },
  };
}

function acquireLock(lockPath: string, journal: string): { release(): void } {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => void unlinkQuietly(lockPath) };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new Error(`another wamux bulk run (pid ${pid}) is using ${journal}; if no such run is going, delete ${lockPath}`);
      }
      unlinkQuietly(lockPath);
    }
  }
  throw new Error(`could not lock ${journal} (delete ${lockPath} if no bulk run is going)`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Makes a newly created file's directory entry durable (best effort: not every platform allows it). */
function fsyncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a directory; the file's own fsync still holds its data.
  }
}

/** `--new-journal`: renames the journal aside (`<path>.<time>`), returning the new name, or `undefined` when there is none. */
export function setAsideJournal(path: string, dryRun: boolean): string | undefined {
  if (!existsSync(path)) return undefined;
  // Never move a journal from under a run that is writing it.
  if (existsSync(`${path}.lock`)) throw new Error(`${path} is locked by a bulk run (${path}.lock): wait for it to end, or delete the lock if no run is going`);
  const aside = `${path}.${new Date().toISOString().replace(/[:.]/g, '-')}`;
  if (!dryRun) renameSync(path, aside);
  return aside;
}

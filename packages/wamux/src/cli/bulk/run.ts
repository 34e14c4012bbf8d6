import { sendBulk, type Provider } from '@wamux/core/adapter';
import { deliveryOf, journalError } from './classify';
import type { JournalError, JournalWriter } from './journal';
import type { Progress } from './progress';
import { messageFor, type BulkMessageSpec, type BulkRecipient } from './recipients';

/** Live counts of a bulk run, updated as sends are dispatched and settle. */
export interface BulkTally {
  sent: number;
  notSent: number;
  unknown: number;
  /** Refused before any I/O (a bad field, a feature the provider lacks): recorded as invalid, not retried. */
  invalid: number;
  /** Every send of this run that did not go out, for the report at the end. */
  failures: BulkFailure[];
  /** Sends dispatched (an `attempt` line written). */
  attempted: number;
  /** Sends settled (a `result` line written for an attempt). */
  settled: number;
}

/** A send of this run that failed. */
export interface BulkFailure {
  row: number;
  phone: string;
  delivery: 'not_sent' | 'unknown' | 'invalid';
  error: JournalError;
}

/** Error codes of a message refused before any I/O: sending it again fails the same way. */
const INVALID_CODES: ReadonlySet<string> = new Set(['validation_failed', 'unsupported_feature']);

/** Options of {@link runBulk}. */
export interface RunBulkOptions {
  provider: Provider;
  /** The recipients to send to in this run, in order. */
  recipients: readonly BulkRecipient[];
  spec: BulkMessageSpec;
  journal: JournalWriter;
  concurrency: number;
  progress: Progress;
  /** Stops dispatching new sends; those already dispatched finish and are recorded (first Ctrl-C). */
  stop: AbortSignal;
  /** Also aborts the sends waiting or in flight; those are left `unknown` (second Ctrl-C). */
  abort: AbortSignal;
  tally: BulkTally;
}

/**
 * Sends one message per recipient through core `sendBulk` (so the
 * provider's rate limiter paces it), journaling each one: an `attempt` line
 * is written and fsync'd immediately before the send is handed to the
 * provider, and a `result` line as soon as it settles. A send whose process
 * dies in between stays `attempt`-only, which a later run reads as unknown.
 */
export async function runBulk(options: RunBulkOptions): Promise<void> {
  const { journal, tally, progress, stop } = options;
  const now = () => new Date().toISOString();
  const attempted = new Set<string>();

  // Stopping ends the recipient stream: sendBulk dispatches nothing more, and
  // sends already handed to the provider are not aborted (an abort could cut
  // a request that already reached the vendor, leaving its fate unknown).
  async function* pending(): AsyncGenerator<BulkRecipient> {
    for (const recipient of options.recipients) {
      if (stop.aborted) return;
      yield recipient;
    }
  }

  await sendBulk(options.provider, {
    recipients: pending(),
    concurrency: options.concurrency,
    signal: options.abort,
    message: (recipient) => {
      const message = messageFor(options.spec, recipient);
      journal.append({ type: 'attempt', at: now(), recipient: recipient.phone, row: recipient.row });
      attempted.add(recipient.phone);
      tally.attempted += 1;
      return message;
    },
    onResult: (result) => {
      const { phone, row } = result.recipient;
      if (attempted.has(phone)) tally.settled += 1;
      if (result.ok) {
        journal.append({ type: 'result', at: now(), recipient: phone, row, ok: true, delivery: 'sent', id: result.result.id });
        tally.sent += 1;
      } else {
        const error = journalError(result.error);
        const outcome = attempted.has(phone) ? deliveryOf(result.error) : 'not_sent';
        const delivery = outcome === 'not_sent' && INVALID_CODES.has(error.code) ? 'invalid' : outcome;
        journal.append({ type: 'result', at: now(), recipient: phone, row, ok: false, delivery, error });
        tally.failures.push({ row, phone, delivery, error });
        if (delivery === 'unknown') tally.unknown += 1;
        else if (delivery === 'invalid') tally.invalid += 1;
        else tally.notSent += 1;
      }
      progress.update({ sent: tally.sent, failed: tally.notSent + tally.invalid, unknown: tally.unknown });
    },
  });
  // Sends abandoned by the second Ctrl-C: attempted, never settled.
  tally.unknown += tally.attempted - tally.settled;
}

import { replayJournal, type JournalEntry } from './journal';
import type { BulkRecipient } from './recipients';
import type { BulkFailure, BulkTally } from './run';

/** Who a bulk run sends to, after replaying the journal. */
export interface BulkPlan {
  /** Recorded as sent by an earlier run: never sent again. */
  alreadySent: number;
  /** An earlier outcome is unknown and `--retry-unknown` was not given: not sent. */
  unknownSkipped: BulkRecipient[];
  /** Refused before any I/O by an earlier run of the same message: sending again would fail the same way. */
  invalidSkipped: BulkRecipient[];
  /** Never tried, recorded as not sent, or unknown with `--retry-unknown`. */
  toSend: BulkRecipient[];
}

/**
 * Splits the recipients by what the journal says happened to them. A
 * recipient recorded as invalid is skipped while the message is the one it
 * was refused with (`sameMessage`); a changed message is tried again.
 */
export function planRun(recipients: readonly BulkRecipient[], entries: readonly JournalEntry[], retryUnknown: boolean, sameMessage = true): BulkPlan {
  const state = replayJournal(entries);
  const plan: BulkPlan = { alreadySent: 0, unknownSkipped: [], invalidSkipped: [], toSend: [] };
  for (const recipient of recipients) {
    const delivery = state.get(recipient.phone)?.delivery;
    if (delivery === 'sent') plan.alreadySent += 1;
    else if (delivery === 'unknown' && !retryUnknown) plan.unknownSkipped.push(recipient);
    else if (delivery === 'invalid' && sameMessage) plan.invalidSkipped.push(recipient);
    else plan.toSend.push(recipient);
  }
  return plan;
}

/** The one-line summary of a run (stdout). */
export function summaryLine(tally: BulkTally, plan: BulkPlan, resultsPath: string, invalidRows = 0): string {
  const remaining = plan.toSend.length - (tally.sent + tally.notSent + tally.unknown + tally.invalid);
  const parts = [`sent ${tally.sent}`];
  if (tally.notSent) parts.push(`failed ${tally.notSent} (not sent; retried on the next run)`);
  if (tally.invalid) parts.push(`invalid ${tally.invalid} (refused before sending; not retried until the message changes)`);
  if (tally.unknown) parts.push(`unknown ${tally.unknown} (may have been sent; not resent without --retry-unknown)`);
  if (plan.alreadySent) parts.push(`${plan.alreadySent} already sent earlier`);
  if (plan.unknownSkipped.length) parts.push(`${plan.unknownSkipped.length} unknown from earlier runs skipped`);
  if (plan.invalidSkipped.length) parts.push(`${plan.invalidSkipped.length} invalid from earlier runs skipped`);
  if (invalidRows) parts.push(`${plural(invalidRows, 'CSV row')} with an invalid phone skipped`);
  if (remaining > 0) parts.push(`${remaining} not started (run the same command again to resume)`);
  return `bulk: ${parts.join(', ')}. Results: ${resultsPath}`;
}

/**
 * Explains the failures of a run on screen: a count per reason (the error
 * code), then the first rows of each with the error's message.
 */
export function failureReport(failures: readonly BulkFailure[], rowsPerReason = 3): string[] {
  const byReason = new Map<string, BulkFailure[]>();
  for (const failure of failures) {
    const reason = `${failure.delivery === 'unknown' ? 'unknown outcome' : failure.delivery === 'invalid' ? 'invalid' : 'not sent'}: ${failure.error.code}`;
    byReason.set(reason, [...(byReason.get(reason) ?? []), failure]);
  }
  const lines: string[] = [];
  for (const [reason, list] of [...byReason].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`bulk: ${plural(list.length, 'recipient')} ${reason}`);
    for (const failure of [...list].sort((a, b) => a.row - b.row).slice(0, rowsPerReason)) {
      lines.push(`  row ${failure.row} (${failure.phone}): ${failure.error.message}${failure.error.status ? ` [HTTP ${failure.error.status}]` : ''}`);
    }
    if (list.length > rowsPerReason) lines.push(`  ... and ${list.length - rowsPerReason} more (see the results file)`);
  }
  return lines;
}

/** `n word(s)`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Up to `max` items joined with `, `, then `...`. */
export function sample(items: readonly (string | number)[], max: number): string {
  return `${items.slice(0, max).join(', ')}${items.length > max ? ', ...' : ''}`;
}

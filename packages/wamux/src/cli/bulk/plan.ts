import { replayJournal, type JournalEntry } from './journal';
import type { BulkRecipient } from './recipients';
import type { BulkTally } from './run';

/** Who a bulk run sends to, after replaying the journal. */
export interface BulkPlan {
  /** Recorded as sent by an earlier run: never sent again. */
  alreadySent: number;
  /** An earlier outcome is unknown and `--retry-unknown` was not given: not sent. */
  unknownSkipped: BulkRecipient[];
  /** Never tried, recorded as not sent, or unknown with `--retry-unknown`. */
  toSend: BulkRecipient[];
}

/** Splits the recipients by what the journal says happened to them. */
export function planRun(recipients: readonly BulkRecipient[], entries: readonly JournalEntry[], retryUnknown: boolean): BulkPlan {
  const state = replayJournal(entries);
  const plan: BulkPlan = { alreadySent: 0, unknownSkipped: [], toSend: [] };
  for (const recipient of recipients) {
    const delivery = state.get(recipient.phone)?.delivery;
    if (delivery === 'sent') plan.alreadySent += 1;
    else if (delivery === 'unknown' && !retryUnknown) plan.unknownSkipped.push(recipient);
    else plan.toSend.push(recipient);
  }
  return plan;
}

/** The one-line summary of a run (stdout). */
export function summaryLine(tally: BulkTally, plan: BulkPlan, resultsPath: string): string {
  const remaining = plan.toSend.length - (tally.sent + tally.notSent + tally.unknown);
  const parts = [`sent ${tally.sent}`];
  if (tally.notSent) parts.push(`failed ${tally.notSent} (not sent; retried on the next run)`);
  if (tally.unknown) parts.push(`unknown ${tally.unknown} (may have been sent; not resent without --retry-unknown)`);
  if (plan.alreadySent) parts.push(`${plan.alreadySent} already sent earlier`);
  if (plan.unknownSkipped.length) parts.push(`${plan.unknownSkipped.length} unknown from earlier runs skipped`);
  if (remaining > 0) parts.push(`${remaining} not started (run the same command again to resume)`);
  return `bulk: ${parts.join(', ')}. Results: ${resultsPath}`;
}

/** `n word(s)`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Up to `max` items joined with `, `, then `...`. */
export function sample(items: readonly (string | number)[], max: number): string {
  return `${items.slice(0, max).join(', ')}${items.length > max ? ', ...' : ''}`;
}

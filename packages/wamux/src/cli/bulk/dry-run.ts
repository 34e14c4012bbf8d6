import { checkOutbound, redactValue } from '@wamux/core/adapter';
import { EXIT_INVALID_ROWS } from '../command';
import { note, out } from '../io';
import { openResolved, type ResolvedTarget } from '../target';
import { journalError } from './classify';
import { failureReport } from './plan';
import { messageFor, type BulkMessageSpec, type BulkRecipient } from './recipients';
import type { BulkFailure } from './run';

/**
 * `bulk --dry-run`: each message is checked as `send` checks it before any
 * I/O (the recipient, the message, the provider's capabilities); the first
 * few are printed, the refusals explained, and the exit status is the one a
 * real run would end with for them.
 */
export async function dryRunBulk(resolved: ResolvedTarget, spec: BulkMessageSpec, recipients: readonly BulkRecipient[], invalidRows: number): Promise<number> {
  const opened = await openResolved(resolved);
  const failures: BulkFailure[] = [];
  let shown = 0;
  try {
    for (const recipient of recipients) {
      try {
        const message = checkOutbound(messageFor(spec, recipient), opened.provider.capabilities, opened.name);
        if (shown < 3) out(JSON.stringify(redactValue(message)));
        shown += 1;
      } catch (error) {
        const recorded = journalError(error);
        failures.push({ row: recipient.row, phone: recipient.phone, delivery: 'invalid', error: recorded });
      }
    }
  } finally {
    await opened.close();
  }
  if (shown > 3) out(`... and ${shown - 3} more`);
  for (const line of failureReport(failures)) note(line);
  note(`bulk: dry run: ${shown} would be sent, ${failures.length + invalidRows} invalid; nothing was sent`);
  return failures.length + invalidRows > 0 ? EXIT_INVALID_ROWS : 0;
}

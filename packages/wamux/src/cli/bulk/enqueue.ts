import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Provider } from '@wamux/core/adapter';
import { loadQueue } from '../queue-flags';
import type { Progress } from './progress';
import { messageFor, type BulkMessageSpec, type BulkRecipient } from './recipients';

/** What {@link enqueueBulk} did. */
export interface EnqueueTally {
  enqueued: number;
  /** Already in the outbox from an earlier run of the same CSV and message. */
  duplicates: number;
  /** Refused before queueing (the provider cannot carry the message). */
  refused: Array<{ phone: string; row: number; reason: string }>;
}

/**
 * The idempotency key of one recipient of a bulk run: the CSV file, the
 * message and the phone. Running the same command again enqueues nothing
 * twice, which is `wamux bulk`'s resume semantics on the outbox.
 */
export function bulkKey(csv: string, description: string, phone: string): string {
  const run = createHash('sha256')
    .update(`${resolve(csv)}\n${description}`)
    .digest('hex')
    .slice(0, 16);
  return `bulk-${run}-${phone}`;
}

/** Enqueues one message per recipient into the outbox at `connection`; workers (`wamux worker`) send them. */
export async function enqueueBulk(input: {
  connection: string;
  name: string | undefined;
  provider: Provider;
  csv: string;
  description: string;
  spec: BulkMessageSpec;
  recipients: readonly BulkRecipient[];
  progress: Progress;
}): Promise<EnqueueTally> {
  const { createOutbox } = await loadQueue();
  const outbox = createOutbox({ connection: input.connection, name: input.name, provider: input.provider, events: false });
  const tally: EnqueueTally = { enqueued: 0, duplicates: 0, refused: [] };
  try {
    for (const recipient of input.recipients) {
      try {
        const { duplicate } = await outbox.send(messageFor(input.spec, recipient), { idempotencyKey: bulkKey(input.csv, input.description, recipient.phone) });
        if (duplicate) tally.duplicates += 1;
        else tally.enqueued += 1;
      } catch (error) {
        // A refusal of the message itself (validation, capability) is per recipient; anything else (Redis down) stops the run.
        const code = (error as { code?: unknown }).code;
        if (code !== 'validation_failed' && code !== 'unsupported_feature') throw error;
        tally.refused.push({ phone: recipient.phone, row: recipient.row, reason: (error as Error).message });
      }
      input.progress.update({ sent: tally.enqueued + tally.duplicates, failed: tally.refused.length, unknown: 0 });
    }
  } finally {
    await outbox.close();
  }
  return tally;
}

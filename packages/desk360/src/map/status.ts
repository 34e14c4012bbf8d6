import type { DeliveryStatus } from '@wamux/core/adapter';

/**
 * Desk360's status words → the model's: the one table. Desk360 documents
 * `delivered` and `read`; the other words are WhatsApp's and its BSPs',
 * read so that a status Desk360 passes through is not lost. A Map, not an
 * object literal: a status word is vendor text, and `constructor` or
 * `__proto__` must read as an unknown status, not as an inherited property.
 */
const STATUSES: ReadonlyMap<string, DeliveryStatus> = new Map([
  ['queued', 'queued'],
  ['pending', 'queued'],
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['seen', 'read'],
  ['played', 'played'],
  ['failed', 'failed'],
  ['error', 'failed'],
  ['deleted', 'deleted'],
]);

/** Every status the table can produce: what the capabilities declare. */
export const DESK360_STATUSES: readonly DeliveryStatus[] = [...new Set(STATUSES.values())];

/** The model's status for a Desk360 status word (case and spaces ignored), or `undefined` for a word the table lacks. */
export function toDeliveryStatus(vendorStatus: string): DeliveryStatus | undefined {
  return STATUSES.get(vendorStatus.trim().toLowerCase());
}

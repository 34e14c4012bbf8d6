import { compact, customerAddress, toE164, type DeliveryStatus, type StatusError, type StatusUpdate } from '@wamux/core/adapter';
import type { StatusItem } from '../wire/status';
import { recipientOf, type ValueContacts } from './customer';

/**
 * The Cloud API's status words → the model's: the one table. `deleted` and
 * `played` come from the older (on-premise) API, which vendors that forward
 * WhatsApp payloads still send; Meta's Cloud API sends the other four. A
 * Map, not an object literal: the word is vendor text, and `constructor`
 * must read as an unknown status, not as an inherited property.
 */
const STATUS_TABLE: ReadonlyMap<string, DeliveryStatus> = new Map([
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['played', 'played'],
  ['failed', 'failed'],
  ['deleted', 'deleted'],
]);

/** Every status the table can produce: what a Cloud API adapter declares. */
export const CLOUD_DELIVERY_STATUSES: readonly DeliveryStatus[] = [...new Set(STATUS_TABLE.values())];

/**
 * Status words a vendor adds to the Cloud API's (get.chat reports its queue
 * as `pending`, `queued`, `accepted`), lower case, each to the model's
 * status. A Map, for the reason the table is one.
 */
export type StatusWords = ReadonlyMap<string, DeliveryStatus>;

/**
 * The model's status for a Cloud API status word (`extra`, a vendor's own
 * words, read first), or `undefined` for one wamux does not know.
 */
export function deliveryStatusOf(vendorStatus: string, extra?: StatusWords): DeliveryStatus | undefined {
  const word = vendorStatus.toLowerCase();
  return extra?.get(word) ?? STATUS_TABLE.get(word);
}

/** The Cloud API status word for a model status (the emulator's direction). */
export function cloudStatusWord(status: DeliveryStatus): string {
  for (const [word, mapped] of STATUS_TABLE) if (mapped === status) return word;
  return status;
}

const nonBlank = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

/**
 * A status item → the model's StatusUpdate, or `undefined` when its word is
 * unknown or it names no message (the parser keeps it as a provider event).
 * When WhatsApp names the recipient by BSUID, `customer` holds it and
 * `recipient` is its address. `extra`: the vendor's own status words.
 */
export function statusFromCloud(item: StatusItem, contacts: ValueContacts, extra?: StatusWords): StatusUpdate | undefined {
  const status = deliveryStatusOf(item.status, extra);
  const messageId = nonBlank(item.id);
  if (status === undefined || messageId === undefined) return undefined;
  const customer = recipientOf(item, contacts);
  const recipientId = nonBlank(item.recipient_id);
  return compact({
    messageId,
    status,
    vendorStatus: item.status,
    recipient: customer ? customerAddress(customer) : recipientId === undefined ? undefined : (toE164(recipientId) ?? recipientId),
    customer,
    timestamp: item.timestamp,
    errors: item.errors?.map(
      (error): StatusError =>
        compact({
          code: error.code ?? 'unknown',
          title: error.title ?? error.message,
          details: error.error_data?.details ?? error.details,
        }),
    ),
  });
}

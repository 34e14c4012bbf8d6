import type { DeliveryStatus, StatusUpdate } from '@wamux/core/adapter';
import { CLOUD_DELIVERY_STATUSES, statusFromCloud, type StatusWords, type ValueContacts } from '@wamux/whatsapp-cloud';
import type { WabaStatus } from '../wire/waba-status';

/**
 * The words get.chat reports a message waiting in its queue with (`pending`
 * in its web inbox), which the Cloud API's table does not have. A Map, not
 * an object literal: the word is vendor text, and `constructor` must read
 * as an unknown status, not as an inherited property.
 */
const QUEUED_WORDS: StatusWords = new Map([
  ['pending', 'queued'],
  ['queued', 'queued'],
  ['accepted', 'queued'],
]);

/** Every status get.chat can report: what capabilities.ts declares, so declared == what can be emitted. */
export const GETCHAT_STATUSES: readonly DeliveryStatus[] = [...new Set([...QUEUED_WORDS.values(), ...CLOUD_DELIVERY_STATUSES])];

/** An id as an identity: a blank one (`""`, spaces) identifies nothing and reads as absent. */
function idOf(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The id a status item is about: `getchat_id` when present (it equals `SendResult.id`), else WhatsApp's `id`; blank ones do not count. */
export function statusMessageId(item: WabaStatus): string | undefined {
  return idOf(item.getchat_id) ?? idOf(item.id);
}

/**
 * A status item → the model's StatusUpdate, or `undefined` when its status
 * word is unknown or it names no message (the caller keeps it as a
 * provider event). @wamux/whatsapp-cloud maps it (recipient, customer,
 * errors) with get.chat's queue words added to its table.
 *
 * `messageId` is `getchat_id` when present, so it equals `SendResult.id`;
 * WhatsApp's own id then goes in `whatsappMessageId`.
 */
export function statusFromWaba(item: WabaStatus, contacts: ValueContacts): StatusUpdate | undefined {
  const messageId = statusMessageId(item);
  if (messageId === undefined) return undefined;
  const cloud = statusFromCloud({ ...item, id: messageId }, contacts, QUEUED_WORDS);
  if (cloud === undefined) return undefined;
  const whatsappMessageId = idOf(item.id);
  return whatsappMessageId === undefined || whatsappMessageId === messageId ? cloud : { ...cloud, whatsappMessageId };
}

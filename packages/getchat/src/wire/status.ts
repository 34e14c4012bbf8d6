import { compact, customerAddress, toE164, type DeliveryStatus, type StatusError, type StatusUpdate } from '@wamux/core';
import * as v from 'valibot';
import { LenientString, LenientTimestamp, maybe } from '../operations/shared/wire';
import { recipientOf, type WabaContacts } from './customer';

/** One WhatsApp error as statuses (and messages) carry it; `code` may be a number. */
const WabaErrorSchema = v.looseObject({
  code: maybe(LenientString),
  title: maybe(v.string()),
  message: maybe(v.string()),
  details: maybe(v.string()),
  error_data: maybe(v.looseObject({ details: maybe(v.string()) })),
});

/**
 * One item of `statuses` (Cloud API and on-premise shapes alike), with
 * get.chat's `getchat_id`: the id createMessage returned, set even when the
 * message was queued before WhatsApp gave it an id.
 */
export const WabaStatusSchema = v.looseObject({
  id: maybe(LenientString),
  getchat_id: maybe(LenientString),
  recipient_id: maybe(LenientString),
  // Since WhatsApp usernames: the recipient's BSUID, and its parent BSUID under
  // the names Meta's examples print (`recipient_parent_user_id`, `parent_recipient_user_id`, `parent_user_id`).
  recipient_user_id: maybe(LenientString),
  recipient_parent_user_id: maybe(LenientString),
  parent_recipient_user_id: maybe(LenientString),
  parent_user_id: maybe(LenientString),
  status: v.string(),
  timestamp: maybe(LenientTimestamp),
  errors: maybe(v.union([v.array(WabaErrorSchema), v.pipe(WabaErrorSchema, v.transform((one) => [one]))])),
});

/** A parsed WhatsApp status item. */
export type WabaStatus = v.InferOutput<typeof WabaStatusSchema>;

/**
 * WhatsApp's status words → the model's; get.chat adds none of its own. A
 * Map, not an object literal: the word is vendor text, and `constructor` or
 * `__proto__` must read as an unknown status, not as an inherited property.
 */
const STATUS_MAP: ReadonlyMap<string, DeliveryStatus> = new Map([
  ['pending', 'queued'],
  ['queued', 'queued'],
  ['accepted', 'queued'],
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['played', 'played'],
  ['failed', 'failed'],
  ['deleted', 'deleted'],
]);

/** The model's status for a WhatsApp status word, or `undefined` for one wamux does not know. */
export function deliveryStatusOf(vendorStatus: string): DeliveryStatus | undefined {
  return STATUS_MAP.get(vendorStatus.toLowerCase());
}

/** An id as an identity: a blank one (`""`, spaces) identifies nothing and reads as absent. */
function idOf(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** The id a status item is about: `getchat_id` when present (it equals `SendResult.id`), else WhatsApp's `id`; blank ones do not count. */
export function statusMessageId(item: WabaStatus): string | undefined {
  return idOf(item.getchat_id) ?? idOf(item.id);
}

/**
 * A WhatsApp status item → the model's StatusUpdate, or `undefined` when its
 * status word is unknown or it names no message (the caller keeps it as a
 * provider event).
 *
 * `messageId` is `getchat_id` when present, so it equals `SendResult.id`;
 * WhatsApp's own id then goes in `whatsappMessageId`. When WhatsApp names
 * the recipient by BSUID (`recipient_user_id`, the value's `contacts`),
 * `customer` holds it and `recipient` is its address.
 */
export function statusFromWaba(item: WabaStatus, contacts?: WabaContacts): StatusUpdate | undefined {
  const status = deliveryStatusOf(item.status);
  const messageId = statusMessageId(item);
  if (status === undefined || messageId === undefined) return undefined;
  const whatsappMessageId = idOf(item.id);
  const customer = recipientOf(item, contacts);
  return compact({
    messageId,
    whatsappMessageId: whatsappMessageId !== messageId ? whatsappMessageId : undefined,
    status,
    vendorStatus: item.status,
    recipient: customer ? customerAddress(customer) : idOf(item.recipient_id) === undefined ? undefined : (toE164(item.recipient_id) ?? item.recipient_id),
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

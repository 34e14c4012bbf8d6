import { compact, toE164, type DeliveryStatus, type StatusError, type StatusUpdate } from '@wamux/core';
import * as v from 'valibot';
import { LenientString, LenientTimestamp, maybe } from '../operations/shared/wire';

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
  status: v.string(),
  timestamp: maybe(LenientTimestamp),
  errors: maybe(v.union([v.array(WabaErrorSchema), v.pipe(WabaErrorSchema, v.transform((one) => [one]))])),
});

/** A parsed WhatsApp status item. */
export type WabaStatus = v.InferOutput<typeof WabaStatusSchema>;

/** WhatsApp's status words → the model's; get.chat adds none of its own. */
const STATUS_MAP: Record<string, DeliveryStatus> = {
  pending: 'queued',
  queued: 'queued',
  accepted: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'played',
  failed: 'failed',
  deleted: 'deleted',
};

/** The model's status for a WhatsApp status word, or `undefined` for one wamux does not know. */
export function deliveryStatusOf(vendorStatus: string): DeliveryStatus | undefined {
  return STATUS_MAP[vendorStatus.toLowerCase()];
}

/**
 * A WhatsApp status item → the model's StatusUpdate, or `undefined` when its
 * status word is unknown (the caller keeps it as a provider event).
 *
 * `messageId` is `getchat_id` when present, so it equals `SendResult.id`;
 * WhatsApp's own id then goes in `whatsappMessageId`.
 */
export function statusFromWaba(item: WabaStatus): StatusUpdate | undefined {
  const status = deliveryStatusOf(item.status);
  const messageId = item.getchat_id ?? item.id;
  if (status === undefined || messageId === undefined) return undefined;
  return compact({
    messageId,
    whatsappMessageId: item.getchat_id !== undefined ? item.id : undefined,
    status,
    vendorStatus: item.status,
    recipient: item.recipient_id === undefined ? undefined : (toE164(item.recipient_id) ?? item.recipient_id),
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

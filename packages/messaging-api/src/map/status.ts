import { DELIVERY_STATUSES, type DeliveryStatus } from '@wamux/core/adapter';

/**
 * Every message status code in the document, and the normalized status it
 * means: the one table. Webhook statuses (`InBoundMsgStatus`) use the first
 * five; the rest are the outbox states (`OutboxMessage.status`), accepted in
 * case the vendor sends them too. The meaning of the terse codes is our
 * reading of their names; the document describes none of them.
 */
export const STATUS_CODES: Readonly<Record<string, DeliveryStatus>> = {
  SENT: 'sent',
  DLVRD: 'delivered',
  READ: 'read',
  FAILD: 'failed',
  DELTD: 'deleted',
  /** Scheduled. */
  SCHLD: 'queued',
  /** Created. */
  CRTD: 'queued',
  /** Initialised. */
  INIT: 'queued',
  /** Sent through an external route. */
  SENTX: 'sent',
  /** Received by the recipient. */
  RECEIVD: 'delivered',
  /** Sending failed with an error. */
  SENT_ERR: 'failed',
  /** Sending failed with an exception. */
  SENT_EXC: 'failed',
  /** Sending through an external route failed. */
  SENTX_ERR: 'failed',
  /** Not sent. */
  NSENT: 'failed',
  /** The recipient blocked the business. */
  BLCKD: 'failed',
  /** A sending limit was reached. */
  LIMIT: 'failed',
  /** Outside the customer care window (no free-form message allowed). */
  CCWIN: 'failed',
};

/**
 * Every normalized status the table can produce, in the model's order: what
 * the adapter declares in `capabilities.statuses`, so declared == emitted.
 */
export const MAPPED_STATUSES: readonly DeliveryStatus[] = DELIVERY_STATUSES.filter((status) => Object.values(STATUS_CODES).includes(status));

/**
 * The normalized status of a vendor status code, or `undefined` for a code
 * the document does not list. Lower-case spellings are accepted, and so are
 * the normalized names (`delivered`) of the statuses the table produces; any
 * other name (`played`) is unknown, so nothing undeclared is ever emitted.
 */
export function normalizeStatusCode(code: string): DeliveryStatus | undefined {
  const trimmed = code.trim();
  const upper = trimmed.toUpperCase();
  // Own keys only: the code is vendor text, and an inherited property (`constructor`) is not a status.
  if (Object.hasOwn(STATUS_CODES, upper)) return STATUS_CODES[upper];
  const lower = trimmed.toLowerCase();
  return MAPPED_STATUSES.find((status) => status === lower);
}

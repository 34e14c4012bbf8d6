import { DELIVERY_STATUSES, StatusUpdateSchema, type DeliveryStatus, type StatusUpdate } from '@wamux/core/adapter';
import { readModel } from './model';

/**
 * The memory vendor's status vocabulary → the model's. It speaks the model,
 * so the table is the identity; a real adapter's table is where its
 * vendor's words (`DELIVRD`, `seen`...) meet ours.
 */
const STATUS_TABLE: Readonly<Record<string, DeliveryStatus>> = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, status]));

/** Every status this table can produce (what `capabilities.statuses` declares). */
export const EMITTED_STATUSES: readonly DeliveryStatus[] = [...new Set(Object.values(STATUS_TABLE))];

/** The model's status for a vendor status word, or `undefined` for a word the table does not know. */
export function toDeliveryStatus(word: string): DeliveryStatus | undefined {
  return Object.hasOwn(STATUS_TABLE, word) ? STATUS_TABLE[word] : undefined;
}

/** A memory status update (the model as JSON, its word through the table) → `StatusUpdate`; `root` names it in errors. */
export function toStatusUpdate(wire: unknown, root: string): StatusUpdate {
  const word = typeof wire === 'object' && wire !== null ? (wire as { status?: unknown }).status : undefined;
  const status = typeof word === 'string' ? (toDeliveryStatus(word) ?? word) : word;
  return readModel(StatusUpdateSchema, { ...(wire as object), status }, root);
}

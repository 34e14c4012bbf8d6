import * as v from 'valibot';
import { listOptionEntries, PosixTimeInput, WaIdInput } from './input';

// Strict schemas of what callers pass to the message calls the driver makes
// (history, read marks), which the provider's `messages` namespace extends.
// Names are the wamux camelCase ones; each maps to one documented query or
// body field.

const ValidDate = v.pipe(
  v.date('must be a Date'),
  v.check((d) => !Number.isNaN(d.getTime()), 'must be a valid date'),
);

/** The time-cursor walk's options: its chat, bounds, direction and paging. */
export const historyWalkEntries = {
  waId: v.optional(WaIdInput),
  before: v.optional(ValidDate),
  since: v.optional(ValidDate),
  order: v.optional(v.picklist(['newest', 'oldest'], 'must be newest or oldest')),
  limit: listOptionEntries.limit,
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'), v.maxValue(1000, 'must be at most 1000'))),
  signal: listOptionEntries.signal,
};

/** The input of the provider's history walk (`listMessages` of the contract). */
export const HistoryWalkInput = v.optional(v.strictObject(historyWalkEntries), {});

/** The input of `messages.markAsReceived`. */
export const MarkAsReceivedInput = v.strictObject({
  customerWaId: WaIdInput,
  timestamp: PosixTimeInput,
});

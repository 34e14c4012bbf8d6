import * as v from 'valibot';
import { listOptionEntries, PosixTimeInput, WaIdInput } from '../../map/input';
import type { ListOptions } from '../../client/list';

/** Filters the event lists share (tagging and assignment history). */
export interface GetchatEventFilters extends ListOptions {
  /** Only events of this chat. */
  waId?: string | undefined;
  /**
   * Only events at this time or later (inclusive): for scrolling from oldest
   * to newest. A `Date` or POSIX seconds.
   */
  sinceTime?: Date | number | undefined;
  /** Only events strictly before this time: for scrolling from newest to oldest. */
  beforeTime?: Date | number | undefined;
}

/** Schema entries of {@link GetchatEventFilters}. */
export const eventFilterEntries = {
  ...listOptionEntries,
  waId: v.optional(WaIdInput),
  sinceTime: v.optional(PosixTimeInput),
  beforeTime: v.optional(PosixTimeInput),
};

/** The wire query of parsed event filters. */
export function eventQuery(filters: { waId?: string | undefined; sinceTime?: number | undefined; beforeTime?: number | undefined }) {
  return { wa_id: filters.waId, since_time: filters.sinceTime, before_time: filters.beforeTime };
}

import * as v from 'valibot';
import { listOptionEntries } from '../../map/input';

// The options of the lists that take no filters.

/** A list's options: paging only. */
export const PlainListOptionsInput = v.optional(v.strictObject(listOptionEntries), {});

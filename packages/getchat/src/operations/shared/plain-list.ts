import * as v from 'valibot';
import { listOptionEntries } from './input';

// Apart from ./input.ts, which the main entry imports: only the groups page without filters.

/** A list's options: paging only. */
export const PlainListOptionsInput = v.optional(v.strictObject(listOptionEntries), {});

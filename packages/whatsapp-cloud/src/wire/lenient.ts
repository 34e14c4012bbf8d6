import { dateFromTimestamp } from '@wamux/core/adapter';
import * as v from 'valibot';

// Liberal building blocks for reading what Meta (and the vendors that
// forward its payloads) send: ids and numbers as numbers or text, timestamps
// as epoch seconds or milliseconds, `null` for absent, one object where the
// document promised an array.

/** A string; a number is turned into its decimal text (ids, wa_ids, error codes). */
export const LenientString = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((value) => String(value)),
);

/** A timestamp as epoch seconds or milliseconds (10^12 and above), as a number or text, or ISO 8601, read into a `Date`. */
export const LenientTimestamp = v.pipe(
  v.union([v.number(), v.string()]),
  v.transform((value): Date => dateFromTimestamp(value, 1e12) ?? new Date(Number.NaN)),
  v.check((date) => !Number.isNaN(date.getTime()), 'is not a timestamp'),
);

/** A boolean sent as `true`/`false`, as text (`"true"`, `"True"`, `"1"`...) or as `1`/`0` (vendors that forward Meta's payloads store them so). */
export const LenientBoolean = v.pipe(
  v.union([v.boolean(), v.picklist(['true', 'false', 'True', 'False', '1', '0']), v.picklist([0, 1])]),
  v.transform((value) => value === true || value === 1 || value === '1' || value === 'true' || value === 'True'),
);

/** A field that may be missing or `null`, read as `undefined`. */
export function maybe<TSchema extends v.GenericSchema>(schema: TSchema) {
  return v.pipe(
    v.nullish(schema),
    v.transform((value) => value ?? undefined),
  );
}

/** An array, or a single item where the document promised an array. */
export function lenientArray<TSchema extends v.GenericSchema>(item: TSchema) {
  return v.union([
    v.array(item),
    v.pipe(
      item,
      v.transform((one) => [one]),
    ),
  ]);
}

/** Items of a documented array: the array, one object in its place, or none. */
export function itemsOf(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A JSON object, as a type guard. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

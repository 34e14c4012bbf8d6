import { dateFromTimestamp, safeParse } from '@wamux/core';
import * as v from 'valibot';

// Liberal building blocks for reading get.chat responses. The document is a
// Redoc render of a Django REST Framework API: integers sometimes arrive as
// strings, timestamps as POSIX seconds (or milliseconds, or ISO strings),
// nullable fields as `null` or missing, a documented array as one object.

/** An integer sent as a number or a numeric string. */
export const LenientInt = v.pipe(
  v.union([v.pipe(v.number(), v.integer()), v.pipe(v.string(), v.regex(/^\s*-?\d+\s*$/))]),
  v.transform((value) => Number(value)),
);

/** A boolean sent as `true`/`false`, `"true"`/`"false"` or `1`/`0`. */
export const LenientBoolean = v.pipe(
  v.union([v.boolean(), v.picklist(['true', 'false', 'True', 'False', '1', '0']), v.picklist([0, 1])]),
  v.transform((value) => value === true || value === 1 || value === '1' || String(value).toLowerCase() === 'true'),
);

/** A string; a number is turned into its decimal text (ids, wa_ids). */
export const LenientString = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((value) => String(value)),
);

/** A timestamp as POSIX seconds or milliseconds (10^12 and above) as a number or text, or ISO 8601, read into a `Date`. */
export const LenientTimestamp = v.pipe(
  v.union([v.number(), v.string()]),
  // A transform and a check rather than one rawTransform: core's compiled
  // safeParse runs these two directly, a rawTransform only through valibot.
  v.transform((value): Date => dateFromTimestamp(value, 1e12) ?? new Date(Number.NaN)),
  v.check((date) => !Number.isNaN(date.getTime()), 'is not a timestamp'),
);

/** A JSON object whose fields get.chat does not define (WhatsApp payloads, `extra`...), kept as received. */
export const OpaqueObject = v.record(v.string(), v.unknown());

/** An array, or a single item where the document promised an array. */
export function lenientArray<TSchema extends v.GenericSchema>(item: TSchema) {
  return v.union([v.array(item), v.pipe(item, v.transform((one) => [one]))]);
}

/** A field that may be missing or `null`, read as `undefined`. */
export function maybe<TSchema extends v.GenericSchema>(schema: TSchema) {
  return v.pipe(
    v.nullish(schema),
    v.transform((value) => value ?? undefined),
  );
}

/**
 * Parses an object with `schema` and keeps the object as received beside the
 * result, for objects whose fields vary (contact providers' contacts).
 */
export function withRaw<TSchema extends v.GenericSchema>(schema: TSchema) {
  return v.pipe(
    OpaqueObject,
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const result = safeParse(schema, dataset.value);
      if (result.success) return { parsed: result.output as v.InferOutput<TSchema>, raw: dataset.value };
      addIssue({ message: `${v.getDotPath(result.issues[0]) ?? '(object)'}: ${result.issues[0].message}` });
      return NEVER;
    }),
  );
}

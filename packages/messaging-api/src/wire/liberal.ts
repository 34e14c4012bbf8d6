import { dateFromTimestamp } from '@wamux/core/adapter';
import * as v from 'valibot';

// Building blocks for reading what the vendor sends. The document types ids
// and phone numbers as strings but its samples send numbers (`"id": 1234567`,
// `"phone": 919988776655`), documents arrays that may arrive as one object,
// and marks nearly every field required while real payloads omit most of
// them. These schemas accept all of that and hand back one shape.

/** A string the vendor may send as a number or a boolean (ids, phones, codes). */
export const LooseString = v.pipe(
  v.union([v.string(), v.number(), v.bigint(), v.boolean()]),
  v.transform((value): string => String(value)),
);

/** A number the vendor may send as a numeric string (`"12.90909"`). */
export const LooseNumber = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.trim(), v.regex(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/, 'must be a number'))]),
  v.transform((value): number => Number(value)),
  v.finite('must be a finite number'),
);

/** A boolean the vendor may send as `"true"`/`"false"` or `1`/`0`. */
export const LooseBoolean = v.pipe(
  v.union([v.boolean(), v.picklist(['true', 'false', 'TRUE', 'FALSE']), v.picklist([0, 1])]),
  v.transform((value): boolean => value === true || value === 1 || String(value).toLowerCase() === 'true'),
);

/**
 * A point in time: epoch seconds or milliseconds (number or numeric string),
 * or an ISO 8601 string. Epoch values below 10^11 are read as seconds, larger
 * ones as milliseconds (core's `dateFromTimestamp` default): the document's
 * sample `156753339076` (12 digits) is thus milliseconds; its envelope
 * `timestamp` `1541276788518` is too.
 */
export const VendorTimestamp = v.pipe(
  v.union([v.number(), v.string()]),
  v.transform((value): Date => dateFromTimestamp(value) ?? new Date(Number.NaN)),
  v.check((date) => !Number.isNaN(date.getTime()), 'must be a timestamp (epoch seconds or ms, or ISO 8601)'),
);

/** An optional field where `null` means absent, as the vendor's Java serializer writes it. */
export function opt<TSchema extends v.GenericSchema>(schema: TSchema) {
  return v.optional(
    v.pipe(
      v.nullable(schema),
      v.transform((value) => (value === null ? undefined : value)),
    ),
  );
}

/**
 * A list the vendor may send as an array, as one object, as `null`, or not
 * at all; always an array after parsing.
 */
export function listOf<TItem extends v.GenericSchema>(item: TItem) {
  return v.optional(
    v.pipe(
      v.unknown(),
      v.transform((value): unknown[] => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value])),
      v.array(item),
    ),
    [],
  );
}

/** Any JSON object (`{}` in the document's samples: free-form maps). */
export const JsonObject = v.record(v.string(), v.unknown());

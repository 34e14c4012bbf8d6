import { dateFromTimestamp, toE164, type PhoneNumber } from '@wamux/core/adapter';
import * as v from 'valibot';

// Liberal readers for what Desk360 sends: numbers where strings were
// documented and the other way round, one object where an array was
// documented, timestamps as strings of seconds (or ms, or ISO).

/** An id given as a string or a number, read as a non-empty string. */
export const IdString = v.pipe(v.union([v.string(), v.number()], 'must be a string or a number'), v.transform(String), v.nonEmpty('must not be empty'));

/** An integer id given as a number or a string of digits, read as a number. */
export const IntId = v.pipe(
  v.union([v.pipe(v.number(), v.integer()), v.pipe(v.string(), v.regex(/^\s*\d+\s*$/))], 'must be an integer id'),
  v.transform(Number),
);

/** A string that may be sent as `null`; `null` reads as absent. */
export const OptionalText = v.pipe(
  v.nullish(v.union([v.string(), v.number()])),
  v.transform((value) => (value === null || value === undefined ? undefined : String(value))),
);

/** A number that may arrive as a numeric string. */
export const Numeric = v.pipe(v.union([v.number(), v.pipe(v.string(), v.regex(/^\s*-?\d+(\.\d+)?\s*$/))], 'must be a number'), v.transform(Number));

/** A boolean that may arrive as 0/1 or "true"/"false". */
export const Flag = v.pipe(
  v.nullish(v.union([v.boolean(), v.number(), v.string()])),
  v.transform((value) => (value === null || value === undefined ? undefined : value === true || value === 1 || value === '1' || value === 'true')),
);

/** A phone number without `+` (`905551112233`), with one, or a number: read as E.164. */
export const VendorPhone = v.pipe(
  v.union([v.string(), v.number()], 'must be a phone number'),
  v.transform((value): PhoneNumber | undefined => toE164(value)),
  v.check((value) => value !== undefined, 'must be a phone number with a country code'),
  v.transform((value) => value as PhoneNumber),
);

/**
 * A timestamp: a string or number of seconds since the epoch (Desk360's
 * form), milliseconds, or an ISO date.
 */
export const VendorTimestamp = v.pipe(
  v.union([v.string(), v.number()], 'must be a timestamp'),
  v.transform(toDate),
  v.check((value) => value !== undefined, 'must be epoch seconds, epoch milliseconds or an ISO date'),
  v.transform((value) => value as Date),
);

/** Reads a timestamp (seconds, milliseconds or ISO) as a Date, or `undefined`. */
export function toDate(value: string | number): Date | undefined {
  return dateFromTimestamp(value, 1e12);
}

/** An optional list that may also arrive as `null`, one object, or absent: read as an array. */
export function listOf<TSchema extends v.GenericSchema>(item: TSchema) {
  return v.optional(
    v.pipe(
      v.nullable(v.union([v.array(item), item])),
      v.transform((value): v.InferOutput<TSchema>[] => (value === null ? [] : Array.isArray(value) ? value : [value]) as v.InferOutput<TSchema>[]),
    ),
    [],
  );
}

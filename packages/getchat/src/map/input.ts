import * as v from 'valibot';
import { parseInput } from '@wamux/core/adapter';

// Strict schemas for what callers pass to the typed operations. A bad value
// throws a ValidationError naming the field (`filters.chatTagId`) before any
// request is made.

/** Per-call options every operation accepts. */
export interface RequestOptions {
  /** Cancels the request. */
  signal?: AbortSignal | undefined;
}

/** Validates `value` with `schema`; a failure names the field below `root`. */
export function parseArgs<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, root: string): v.InferOutput<TSchema> {
  return parseInput(schema, value, { root, provider: 'getchat' });
}

/**
 * A WhatsApp id: the customer's phone number in canonical form. Accepts the
 * E.164 form of the wamux model (`+905551112233`) or get.chat's digits
 * (`905551112233`); sends digits, as the document's `^[0-9]+$` requires.
 */
export const WaIdInput = v.pipe(
  v.string('must be a string'),
  v.regex(/^\+?[0-9]{1,100}$/, 'must be a WhatsApp id: digits, optionally with a leading +'),
  v.transform((value) => value.replace(/^\+/, '')),
);

/** A numeric id of a get.chat object (tag, user, group, webhook...). */
export const IntIdInput = v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(0, 'must not be negative'));

/** An id get.chat documents as a string path parameter; numbers are accepted. */
export const StringIdInput = v.pipe(
  v.union([v.pipe(v.string(), v.nonEmpty()), v.pipe(v.number(), v.integer())], 'must be a non-empty string or an integer'),
  v.transform((value) => String(value)),
);

/**
 * A point in time for `since_time` / `before_time`: a `Date`, or POSIX
 * seconds (the document's unit). Sent as whole POSIX seconds.
 */
export const PosixTimeInput = v.pipe(
  v.union(
    [
      v.pipe(
        v.date(),
        v.check((date) => !Number.isNaN(date.getTime()), 'must be a valid date'),
      ),
      v.pipe(v.number(), v.integer(), v.minValue(0)),
    ],
    'must be a Date or whole POSIX seconds',
  ),
  v.transform((value) => (value instanceof Date ? Math.floor(value.getTime() / 1000) : value)),
);

/** The `signal` option. */
const SignalInput = v.optional(v.instance(AbortSignal, 'must be an AbortSignal'));

/** Schema of {@link RequestOptions}. */
export const RequestOptionsInput = v.optional(v.strictObject({ signal: SignalInput }, 'unknown option'));

/** Schema of the paging options every list takes (see `ListOptions`). */
export const listOptionEntries = {
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'))),
  pageSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'))),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0, 'must not be negative'))),
  signal: SignalInput,
};

/** Splits parsed list options into the paging part and the filter part. */
export function splitListOptions<
  T extends { limit?: number | undefined; pageSize?: number | undefined; offset?: number | undefined; signal?: AbortSignal | undefined },
>(
  options: T,
): {
  paging: { limit?: number | undefined; pageSize?: number | undefined; offset?: number | undefined; signal?: AbortSignal | undefined };
  filters: Omit<T, 'limit' | 'pageSize' | 'offset' | 'signal'>;
} {
  const { limit, pageSize, offset, signal, ...filters } = options;
  return { paging: { limit, pageSize, offset, signal }, filters };
}

/** Validates per-call options and returns their signal. */
export function requestSignal(options: unknown): AbortSignal | undefined {
  return parseArgs(RequestOptionsInput, options, 'options')?.signal;
}

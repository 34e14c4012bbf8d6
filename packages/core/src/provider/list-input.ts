import * as v from 'valibot';
import { AbortError } from '../errors/classes';
import { CustomerAddressSchema } from '../model/customer';
import { parseInput } from '../model/validate';
import type { HistoryQuery, ListOptions } from './contract';

const Limit = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must be 0 or more'));
const Signal = v.custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal');
const ValidDate = v.date('must be a valid Date');

/** The schema of {@link ListOptions}: `limit` a whole number, 0 or more; `signal` an AbortSignal. */
export const ListOptionsSchema = v.object({
  limit: v.optional(Limit),
  signal: v.optional(Signal),
});

/** The schema of {@link HistoryQuery}: {@link ListOptionsSchema} plus the customer (E.164 or BSUID), the time bounds and the order. */
export const HistoryQuerySchema = v.object({
  ...ListOptionsSchema.entries,
  contact: v.optional(CustomerAddressSchema),
  before: v.optional(ValidDate),
  since: v.optional(ValidDate),
  order: v.optional(v.picklist(['newest', 'oldest'], "must be 'newest' or 'oldest'")),
  conversationId: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
});

/**
 * The items of a driver's list, with the contract's rules applied whatever
 * the driver does: the options are checked before the driver is called (a
 * bad one is a `ValidationError` naming `<root>.<field>`), `limit: 0` calls
 * nothing, iteration stops after `limit` items (and returns the driver's
 * iterator, so it can release its page), and an aborted `signal` rejects
 * with the core's `AbortError`.
 */
export async function* listed<T, Options extends ListOptions>(
  list: (options: Options) => AsyncIterable<T>,
  schema: v.GenericSchema,
  options: Options | undefined,
  context: { root: 'options' | 'query'; provider: string },
): AsyncGenerator<T, void, undefined> {
  const valid = parseInput(schema, options ?? {}, context) as Options;
  const { limit, signal } = valid;
  if (limit === 0) return;
  if (signal?.aborted) throw new AbortError();
  let count = 0;
  // for-await calls the driver iterator's return() when this loop stops early.
  for await (const item of list(valid)) {
    if (signal?.aborted) throw new AbortError();
    yield item;
    count += 1;
    if (limit !== undefined && count >= limit) return;
  }
}

/** {@link listed} for `listTemplates`. */
export function listedTemplates<T>(
  list: (options: ListOptions) => AsyncIterable<T>,
  options: ListOptions | undefined,
  provider: string,
): AsyncGenerator<T, void, undefined> {
  return listed(list, ListOptionsSchema, options, { root: 'options', provider });
}

/** {@link listed} for `listMessages`. */
export function listedMessages<T>(
  list: (query: HistoryQuery) => AsyncIterable<T>,
  query: HistoryQuery | undefined,
  provider: string,
): AsyncGenerator<T, void, undefined> {
  return listed(list, HistoryQuerySchema, query, { root: 'query', provider });
}

import * as v from 'valibot';
import { LenientInt, lenientArray } from './lenient';

/** One page as the list walker reads it. */
export interface PageEnvelope<TItem> {
  items: TItem[];
  count: number | undefined;
  /** Whether the server announced a further page (`next` not null). `undefined` when it did not say. */
  hasNext: boolean | undefined;
}

/**
 * The schema of a get.chat list response: the documented
 * `{count, next, previous, results}` envelope, or (liberal) a bare array as
 * the document's "Getting started" example of `/chats/` shows.
 */
export function pageEnvelope<TSchema extends v.GenericSchema>(item: TSchema) {
  return v.union([
    v.pipe(
      v.array(item),
      v.transform((items): PageEnvelope<v.InferOutput<TSchema>> => ({ items, count: items.length, hasNext: false })),
    ),
    v.pipe(
      v.object({
        count: v.nullish(LenientInt),
        next: v.nullish(v.string()),
        previous: v.nullish(v.string()),
        results: v.nullish(lenientArray(item)),
      }),
      v.transform(
        (page): PageEnvelope<v.InferOutput<TSchema>> => ({
          items: page.results ?? [],
          count: page.count ?? undefined,
          hasNext: page.next === undefined ? undefined : page.next !== null,
        }),
      ),
    ),
  ]);
}

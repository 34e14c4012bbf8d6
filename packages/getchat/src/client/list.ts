import type * as v from 'valibot';
import { paginate, type QueryValue } from '@wamux/core/adapter';
import type { GetchatContext } from './context';
import type { GetchatOperationName } from './paths';
import { callOperation } from './call';
import { pageEnvelope } from '../wire/page';

/** Options every list operation takes. */
export interface ListOptions {
  /** Stop after this many items in all (default: walk to the end). */
  limit?: number | undefined;
  /** Items per request (`limit` on the wire). Default: the server's page size. */
  pageSize?: number | undefined;
  /** Skip this many items first (`offset` on the wire). */
  offset?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** What {@link listOperation} needs to walk one list endpoint. */
export interface ListCall<TSchema extends v.GenericSchema> {
  params?: Record<string, string | number> | undefined;
  /** Filters, sent on every page. */
  query?: Record<string, QueryValue> | undefined;
  /** The schema of one item of `results`. */
  item: TSchema;
  options?: ListOptions | undefined;
}

/**
 * Walks a `{count, next, previous, results}` list with `limit`/`offset` and
 * yields every item, fetching pages lazily.
 *
 * The next offset is computed here (offset + items received) rather than
 * read from `next`: the document's own example `next` URL is malformed
 * (`?wa_id=48123123123/&limit=1...`) and uses `http://` under an HTTPS base.
 * `next` (or, when the server leaves it out, `count`) only says whether
 * another page exists.
 */
export function listOperation<TSchema extends v.GenericSchema>(
  ctx: GetchatContext,
  operation: GetchatOperationName,
  call: ListCall<TSchema>,
): AsyncGenerator<v.InferOutput<TSchema>, void, undefined> {
  const options = call.options ?? {};
  const schema = pageEnvelope(call.item);
  return paginate<v.InferOutput<TSchema>, number>({
    limit: options.limit,
    signal: options.signal,
    fetchPage: async (cursor, signal) => {
      const offset = cursor ?? options.offset;
      const page = await callOperation(ctx, operation, {
        params: call.params,
        query: { ...call.query, limit: options.pageSize, offset },
        schema,
        signal,
      });
      const consumed = (offset ?? 0) + page.items.length;
      const more = page.hasNext ?? (page.count !== undefined && consumed < page.count);
      return { items: page.items, next: more ? consumed : null };
    },
  });
}

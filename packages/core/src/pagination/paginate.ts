import { AbortError } from '../errors/classes';

/** One page of a list: its items and the cursor of the next page, if any. */
export interface Page<TItem, TCursor> {
  items: readonly TItem[];
  /** Where the next page starts; `undefined` (or `null`) on the last page. */
  next?: TCursor | undefined | null;
}

/** Options of {@link paginate}. */
export interface PaginateOptions<TItem, TCursor> {
  /** Fetches the page at `cursor` (`undefined` for the first page). */
  fetchPage: (cursor: TCursor | undefined, signal: AbortSignal | undefined) => Promise<Page<TItem, TCursor>>;
  /** Stop after this many items. */
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
  /**
   * A key per item. Items already yielded are skipped, which makes time
   * cursors safe when several items share a boundary timestamp.
   */
  key?: ((item: TItem) => string) | undefined;
  /** Stops after this many pages, so a vendor that repeats a cursor cannot loop forever. Default 10 000. */
  maxPages?: number | undefined;
}

/**
 * The one pagination mechanism: an async iterator over the items of every
 * page, whatever the vendor's scheme. Page numbers with a `Link` header,
 * limit/offset, and time cursors (`before_time`) are all a `fetchPage` that
 * returns the next cursor. Pages are fetched lazily, one at a time.
 */
export async function* paginate<TItem, TCursor>(options: PaginateOptions<TItem, TCursor>): AsyncGenerator<TItem, void, undefined> {
  const maxPages = options.maxPages ?? 10_000;
  const seen = options.key ? new Set<string>() : undefined;
  const seenCursors = new Set<string>();
  let cursor: TCursor | undefined;
  let yielded = 0;
  if (options.limit !== undefined && options.limit <= 0) return;
  for (let pageNumber = 0; pageNumber < maxPages; pageNumber += 1) {
    if (options.signal?.aborted) throw new AbortError();
    const page = await options.fetchPage(cursor, options.signal);
    for (const item of page.items) {
      if (seen && options.key) {
        const key = options.key(item);
        if (seen.has(key)) continue;
        seen.add(key);
      }
      yield item;
      yielded += 1;
      if (options.limit !== undefined && yielded >= options.limit) return;
    }
    if (page.next === undefined || page.next === null || page.items.length === 0) return;
    const cursorKey = JSON.stringify(page.next);
    if (seenCursors.has(cursorKey)) return;
    seenCursors.add(cursorKey);
    cursor = page.next;
  }
}

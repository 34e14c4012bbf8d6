import { paginate, parseLinkHeader, type HttpClient, type ListOptions } from '@wamux/core/adapter';
import { PageBodySchema } from '../wire/pages';

/** What one list call needs: the path, how to read an item, and the client. */
export interface ListRequest<TItem> {
  http: HttpClient;
  path: string;
  /** Reads one listed object; the raw object is passed along for `raw` fields. */
  item: (raw: unknown) => TItem;
}

/**
 * Walks a Desk360 list: `?page=N` (from 1, 20 objects a page), the next page
 * from the `Link: <...?page=2>; rel=next` header, none on the last page. Only
 * the `page` number is taken from the link, and the request goes to the
 * configured host: the document's own link points at `/v1/...` while its
 * prose says `/api/v1/...`, and a token must never follow a link elsewhere.
 */
export function listPages<TItem>(request: ListRequest<TItem>, options: ListOptions): AsyncGenerator<TItem, void, undefined> {
  return paginate<TItem, number>({
    signal: options.signal,
    limit: options.limit,
    fetchPage: async (cursor, signal) => {
      const page = cursor ?? 1;
      const response = await request.http.request({ method: 'GET', path: request.path, query: { page }, schema: PageBodySchema, signal });
      const body = response.data;
      const items = Array.isArray(body) ? body : body.data;
      const nextLink =
        parseLinkHeader(response.headers.get('link')) ?? (Array.isArray(body) ? undefined : (body.next_page_url ?? body.links?.next ?? undefined));
      return { items: items.map(request.item), next: nextPage(nextLink, page) };
    },
  });
}

/** The `page` of a next link; a link without one (or going backwards) ends the walk. */
function nextPage(link: string | undefined, current: number): number | undefined {
  if (!link) return undefined;
  let page: string | null;
  try {
    page = new URL(link, 'https://desk360.invalid').searchParams.get('page');
  } catch {
    return undefined;
  }
  const next = Number(page);
  return Number.isInteger(next) && next > current ? next : undefined;
}

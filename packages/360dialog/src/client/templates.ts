import { paginate, type ListOptions } from '@wamux/core/adapter';
import { graphTemplateItems, type GraphTemplate, type TemplateListFilter } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';
import { D360TemplateIdsSchema, D360TemplatePageSchema } from '../wire/templates';
import { PATHS, type D360Client } from './index';

/** Templates per page. */
const PAGE_SIZE = 100;

/** The filter as 360dialog names its keys, as a JSON text; `undefined` without any. */
function filtersOf(filter: TemplateListFilter): string | undefined {
  const entries = Object.entries({
    'business_templates.name': filter.name,
    status: filter.status,
    category: filter.category,
    language: filter.language,
  }).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return entries.length === 0 ? undefined : JSON.stringify(Object.fromEntries(entries));
}

/** A 360dialog template with Meta's id as `id`: read from `external_id` when `id` is absent. */
function withMetaId(raw: unknown): unknown {
  const ids = v.safeParse(D360TemplateIdsSchema, raw);
  const id = ids.success ? (ids.output.id ?? ids.output.external_id) : undefined;
  return id === undefined ? raw : { ...(raw as object), id };
}

/**
 * Every template of the phone number's account, page by page along
 * 360dialog's `offset`: the next page starts after the items seen, until
 * `total` is reached (or a short page, when `total` is missing). An item
 * not in the documented shape is skipped; Meta's id is read from
 * `external_id` when `id` is absent.
 */
export async function* listD360Templates(
  client: D360Client,
  options: ListOptions & TemplateListFilter = {},
): AsyncGenerator<{ template: GraphTemplate; raw: unknown }> {
  const filters = filtersOf(options);
  yield* paginate<{ template: GraphTemplate; raw: unknown }, number>({
    limit: options.limit,
    signal: options.signal,
    fetchPage: async (after, signal) => {
      const offset = after ?? 0;
      const response = await client.http.request({
        method: 'GET',
        path: PATHS.templates,
        query: { limit: PAGE_SIZE, offset, filters },
        schema: D360TemplatePageSchema,
        signal,
      });
      const page = response.data;
      const raws = page.waba_templates ?? page.data ?? [];
      const items = graphTemplateItems(raws, withMetaId);
      const seen = offset + raws.length;
      const more = page.total !== undefined ? seen < page.total : raws.length >= PAGE_SIZE;
      return { items, next: more && raws.length > 0 ? seen : undefined };
    },
  });
}

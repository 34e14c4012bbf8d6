import { ConfigurationError, paginate, type ListOptions } from '@wamux/core/adapter';
import { graphTemplateItems, type TemplateListFilter } from '@wamux/whatsapp-cloud';
import { nextCursor, TemplatePageSchema, type GraphTemplate } from '../wire';
import { CLOUD_API } from '../options';
import type { CloudApiClient } from './index';

/** Templates per page: Graph's default is 25. */
const PAGE_SIZE = 100;

/**
 * Every template of the business account, page by page along Graph's
 * `paging.cursors.after` (the `next` URL only says there is another page:
 * the adapter builds the request itself, so the token never follows a URL
 * from a response). An item not in the documented shape is skipped.
 */
export async function* listGraphTemplates(
  client: CloudApiClient,
  options: ListOptions & TemplateListFilter = {},
): AsyncGenerator<{ template: GraphTemplate; raw: unknown }> {
  const path = client.paths.templates;
  if (path === undefined)
    throw new ConfigurationError('businessAccountId', 'is required to list templates (the WhatsApp Business Account id)', { provider: CLOUD_API });
  const filter = { name: options.name, status: options.status, category: options.category, language: options.language };
  yield* paginate<{ template: GraphTemplate; raw: unknown }, string>({
    limit: options.limit,
    signal: options.signal,
    fetchPage: async (after, signal) => {
      const response = await client.http.request({ method: 'GET', path, query: { limit: PAGE_SIZE, after, ...filter }, schema: TemplatePageSchema, signal });
      return { items: graphTemplateItems(response.data.data), next: nextCursor(response.data) };
    },
  });
}

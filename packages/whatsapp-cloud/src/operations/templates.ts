import type { ListOptions } from '@wamux/core/adapter';
import type { GraphTemplate } from '../wire/templates';

/** Filters a template listing takes (Graph's query parameters; 360dialog's `filters` JSON). */
export interface TemplateListFilter {
  /** Only templates with this name. */
  name?: string | undefined;
  /** Only templates in this review state (Graph: `APPROVED`, `PENDING`, `REJECTED`...; 360dialog: `approved`, `submitted`...). */
  status?: string | undefined;
  /** Only templates of this category (`MARKETING`, `UTILITY`, `AUTHENTICATION`). */
  category?: string | undefined;
  /** Only templates in this language (`en_US`). */
  language?: string | undefined;
}

/** A provider's `templates` operations. */
export interface CloudTemplateOperations {
  /** Every template in Graph's shape (one item per language), filtered, page by page. */
  list(options?: ListOptions & TemplateListFilter): AsyncIterable<GraphTemplate>;
}

/** Builds the template operations of one provider over the adapter's listing (which also yields each item's raw JSON). */
export function cloudTemplateOperations(
  listTemplates: (options: ListOptions & TemplateListFilter) => AsyncIterable<{ template: GraphTemplate }>,
): CloudTemplateOperations {
  return {
    async *list(options = {}) {
      for await (const { template } of listTemplates(options)) yield template;
    },
  };
}

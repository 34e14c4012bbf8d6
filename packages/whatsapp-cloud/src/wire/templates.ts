import * as v from 'valibot';
import { lenientArray, LenientString, maybe } from './lenient';

/** A button of a template's `BUTTONS` component. */
export const TemplateButtonSchema = v.object({
  type: v.string(),
  text: maybe(v.string()),
  url: maybe(v.string()),
  phone_number: maybe(LenientString),
  example: maybe(v.unknown()),
});

/** One component of a template: `HEADER`, `BODY`, `FOOTER` or `BUTTONS` (Meta sends them upper case). */
export const TemplateComponentSchema = v.object({
  type: v.string(),
  format: maybe(v.string()),
  text: maybe(v.string()),
  buttons: maybe(lenientArray(TemplateButtonSchema)),
  example: maybe(v.unknown()),
});

/** A message template as `GET /{waba-id}/message_templates` lists it: one language per item. */
export const GraphTemplateSchema = v.object({
  id: maybe(LenientString),
  name: v.string(),
  language: v.string(),
  status: maybe(v.string()),
  category: maybe(v.string()),
  parameter_format: maybe(v.string()),
  components: maybe(lenientArray(TemplateComponentSchema)),
});

/** A Graph message template, parsed. */
export type GraphTemplate = v.InferOutput<typeof GraphTemplateSchema>;

/**
 * One page of a Graph list: `data`, and `paging` with the `after` cursor
 * and, when there is a next page, its full URL in `next`.
 */
export function graphPageSchema<TSchema extends v.GenericSchema>(item: TSchema) {
  return v.object({
    data: v.array(item),
    paging: maybe(
      v.object({
        cursors: maybe(v.object({ before: maybe(v.string()), after: maybe(v.string()) })),
        next: maybe(v.string()),
        previous: maybe(v.string()),
      }),
    ),
  });
}

/** A page of `GET /{waba-id}/message_templates`. Items are kept raw and read one by one, so one odd template does not fail the page. */
export const TemplatePageSchema = graphPageSchema(v.unknown());

/** A template page, parsed. */
export type TemplatePage = v.InferOutput<typeof TemplatePageSchema>;

/** The cursor of the page after this one, or `undefined` on the last page (Graph leaves out `next` there). */
export function nextCursor(page: TemplatePage): string | undefined {
  if (page.paging?.next === undefined) return undefined;
  return page.paging.cursors?.after;
}

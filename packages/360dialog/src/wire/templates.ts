import { lenientArray, LenientString, maybe } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';

/**
 * A page of `GET /v1/configs/templates`: 360dialog's offset paging
 * (`offset`, `limit`, `count` on this page, `total`) around
 * `waba_templates`, each a Graph template plus 360dialog's fields
 * (`external_id` for Meta's id, `namespace`, `rejected_reason`...). Items
 * are kept raw and read one by one, so one odd template does not fail the
 * page; `data` is read too, where a Graph-shaped answer holds them.
 */
export const D360TemplatePageSchema = v.object({
  waba_templates: maybe(lenientArray(v.unknown())),
  data: maybe(lenientArray(v.unknown())),
  offset: maybe(v.pipe(LenientString, v.transform(Number))),
  limit: maybe(v.pipe(LenientString, v.transform(Number))),
  count: maybe(v.pipe(LenientString, v.transform(Number))),
  total: maybe(v.pipe(LenientString, v.transform(Number))),
});

/** A template page, parsed. */
export type D360TemplatePage = v.InferOutput<typeof D360TemplatePageSchema>;

/** The identifiers 360dialog puts beside a Graph template: Meta's id as `external_id` when `id` is absent. */
export const D360TemplateIdsSchema = v.object({ id: maybe(LenientString), external_id: maybe(LenientString) });

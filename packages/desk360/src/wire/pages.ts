import * as v from 'valibot';

/** Desk360 list pages hold a fixed 20 objects. */
export const PAGE_SIZE = 20;

/**
 * A list page: the documented bare array, or a Laravel paginator
 * (`{ data: [...], next_page_url, links: { next } }`) read liberally.
 */
export const PageBodySchema = v.union([
  v.array(v.unknown()),
  v.looseObject({
    data: v.array(v.unknown()),
    next_page_url: v.optional(v.nullable(v.string())),
    links: v.optional(v.nullable(v.looseObject({ next: v.optional(v.nullable(v.string())) }))),
  }),
]);

import type { ListOptions } from '@wamux/core';
import type { Desk360Context } from '../context';
import { paths } from '../paths';
import { listPages } from './pages';
import { readVendor } from './read-vendor';
import { TemplateItemSchema, toDesk360Template, type Desk360Template } from './templates';

/** `GET .../conversations/templates?page=N`, every page, as {@link Desk360Template}s. */
export function listDesk360Templates(ctx: Desk360Context, options: ListOptions): AsyncGenerator<Desk360Template, void, undefined> {
  return listPages(
    {
      http: ctx.http,
      path: paths.templates(ctx.integrationId()),
      item: (raw) => toDesk360Template(readVendor(TemplateItemSchema, raw, 'a template'), raw),
    },
    options,
  );
}

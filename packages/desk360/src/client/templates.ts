import type { ListOptions } from '@wamux/core/adapter';
import { toDesk360Template, type Desk360Template } from '../map/template';
import { TemplateItemSchema } from '../wire/templates';
import type { Desk360Client } from './index';
import { listPages } from './pages';
import { paths } from './paths';
import { readVendor } from './read-vendor';

/** `GET .../conversations/templates?page=N`, every page, as {@link Desk360Template}s. */
export function listDesk360Templates(client: Desk360Client, options: ListOptions): AsyncGenerator<Desk360Template, void, undefined> {
  return listPages(
    {
      http: client.http,
      path: paths.templates(client.integrationId()),
      item: (raw) => toDesk360Template(readVendor(TemplateItemSchema, raw, 'a template'), raw),
    },
    options,
  );
}

import { templateVariables, type Template } from '@wamux/core/adapter';
import type { WireTemplate } from '../wire/schemas';

/** A memory template → `Template`; its `{{n}}` placeholders become `variables`. */
export function toTemplate(wire: WireTemplate): Template {
  return {
    id: wire.id,
    name: wire.name,
    language: wire.language,
    status: wire.status,
    vendorStatus: wire.status,
    category: wire.category,
    header: wire.header === undefined ? undefined : { format: 'text', text: wire.header },
    body: wire.body,
    footer: wire.footer,
    variables: [...templateVariables('header', wire.header), ...templateVariables('body', wire.body)],
    raw: wire,
  };
}

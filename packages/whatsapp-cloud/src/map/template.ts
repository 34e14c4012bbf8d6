import { normalizeTemplateStatus, templateVariables, type Template, type TemplateButton, type TemplateVariable } from '@wamux/core/adapter';
import * as v from 'valibot';
import { GraphTemplateSchema, type GraphTemplate } from '../wire/templates';

const HEADER_FORMATS: ReadonlySet<string> = new Set(['text', 'image', 'video', 'document', 'location']);

const BUTTON_TYPES: Readonly<Record<string, TemplateButton['type']>> = {
  quick_reply: 'quick_reply',
  url: 'url',
  phone_number: 'phone_number',
  copy_code: 'copy_code',
};

/**
 * A Graph message template (`GET /{waba-id}/message_templates` item) → the
 * model's Template. Component types and formats arrive upper case
 * (`HEADER`, `IMAGE`); a URL button with `{{1}}` in its URL is a variable
 * of the button (`button-<index>`).
 */
export function templateFromGraph(template: GraphTemplate, raw: unknown = template): Template {
  const components = template.components ?? [];
  const find = (type: string) => components.find((component) => component.type.toLowerCase() === type);
  const header = find('header');
  const body = find('body');
  const footer = find('footer');
  const buttons = find('buttons')?.buttons ?? [];
  const format = header?.format?.toLowerCase() ?? (header?.text !== undefined ? 'text' : undefined);
  const variables: TemplateVariable[] = [...(format === 'text' ? templateVariables('header', header?.text) : []), ...templateVariables('body', body?.text)];
  buttons.forEach((button, index) => {
    if (button.type.toLowerCase() === 'url' && button.url !== undefined && /\{\{\s*1\s*\}\}/.test(button.url))
      variables.push({ key: `button-${index}`, component: 'button', index });
  });
  return {
    ...(template.id === undefined ? {} : { id: template.id }),
    name: template.name,
    language: template.language,
    status: normalizeTemplateStatus(template.status),
    ...(template.status === undefined ? {} : { vendorStatus: template.status }),
    ...(template.category === undefined ? {} : { category: template.category }),
    ...(format !== undefined && HEADER_FORMATS.has(format)
      ? { header: { format: format as NonNullable<Template['header']>['format'], ...(header?.text === undefined ? {} : { text: header.text }) } }
      : {}),
    ...(body?.text === undefined ? {} : { body: body.text }),
    ...(footer?.text === undefined ? {} : { footer: footer.text }),
    ...(buttons.length > 0
      ? {
          buttons: buttons.map(
            (button): TemplateButton => ({
              type: BUTTON_TYPES[button.type.toLowerCase()] ?? 'other',
              text: button.text ?? '',
              ...(button.url === undefined ? {} : { url: button.url }),
              ...(button.phone_number === undefined ? {} : { phoneNumber: button.phone_number }),
            }),
          ),
        }
      : {}),
    variables,
    raw,
  };
}

/**
 * The items of a template page that read as Graph templates, each with its
 * raw JSON; an item not in the documented shape is skipped, so one odd
 * template does not fail the page. `normalize` adapts a vendor's item first
 * (360dialog names Meta's id `external_id`).
 */
export function graphTemplateItems(
  raws: readonly unknown[],
  normalize: (raw: unknown) => unknown = (raw) => raw,
): Array<{ template: GraphTemplate; raw: unknown }> {
  return raws.flatMap((raw) => {
    const parsed = v.safeParse(GraphTemplateSchema, normalize(raw));
    return parsed.success ? [{ template: parsed.output, raw }] : [];
  });
}

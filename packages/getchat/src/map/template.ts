import { normalizeTemplateStatus, templateVariables, type Template, type TemplateButton, type TemplateVariable } from '@wamux/core/adapter';
import type * as v from 'valibot';
import type { ButtonWire, TemplateWire } from '../wire/templates';

// get.chat's template objects (WhatsApp's template schema: name, language,
// status, components) → the model's Template, for the driver's listTemplates.
// The typed templates namespace (create, delete, refresh) is in
// operations/templates.ts.

const HEADER_FORMATS = ['text', 'image', 'video', 'document', 'location'] as const;

function buttonOf(button: v.InferOutput<typeof ButtonWire>): TemplateButton {
  const type = (button.type ?? '').toLowerCase();
  const known = (['quick_reply', 'url', 'phone_number', 'copy_code'] as const).find((t) => t === type);
  return { type: known ?? 'other', text: button.text ?? '', url: button.url, phoneNumber: button.phone_number };
}

/** URL buttons with a `{{1}}` suffix take a parameter: `button-<index>`. */
function buttonVariables(buttons: readonly TemplateButton[]): TemplateVariable[] {
  return buttons.flatMap((button, index): TemplateVariable[] =>
    button.type === 'url' && button.url && /\{\{\s*\w+\s*\}\}/.test(button.url) ? [{ key: `button-${index}`, component: 'button', index }] : [],
  );
}

/** A get.chat template object → the model's Template. */
export function templateFromGetchat(item: v.InferOutput<typeof TemplateWire>): Template {
  const components = item.components ?? [];
  const find = (type: string) => components.find((component) => component.type.toUpperCase() === type);
  const header = find('HEADER');
  const body = find('BODY')?.text;
  const footer = find('FOOTER')?.text;
  const buttons = components.filter((c) => ['BUTTONS', 'BUTTON'].includes(c.type.toUpperCase())).flatMap((c) => (c.buttons ?? []).map(buttonOf));
  const headerFormat = HEADER_FORMATS.find((format) => format === (header?.format ?? 'text').toLowerCase());
  const headerText = headerFormat === 'text' ? header?.text : undefined;
  return {
    id: item.id,
    name: item.name,
    language: item.language,
    status: normalizeTemplateStatus(item.status),
    vendorStatus: item.status,
    category: item.category,
    header: header && headerFormat ? { format: headerFormat, text: headerText } : undefined,
    body,
    footer,
    buttons: buttons.length > 0 ? buttons : undefined,
    variables: [...templateVariables('header', headerText), ...templateVariables('body', body), ...buttonVariables(buttons)],
    raw: item,
  };
}

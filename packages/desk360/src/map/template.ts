import {
  normalizeTemplateStatus,
  templateVariables,
  type Template,
  type TemplateButton,
  type TemplateParameters,
  type TemplateStatus,
  type TemplateVariable,
} from '@wamux/core/adapter';
import * as v from 'valibot';
import { ButtonSchema, type TemplateItemSchema } from '../wire/templates';
import { languageCodeForLabel } from './languages';

/** One language of a Desk360 template. */
export interface Desk360TemplateTranslation {
  /** Desk360's language id, what template sends take as `language_id`. */
  languageId: number;
  /** Desk360's label for the language (`English`, `Türkçe`). */
  language: string;
  /** The language code (`en`, `tr`) when the label is a known one. */
  languageCode: string | undefined;
  /** `TEXT`, `IMAGE`, `VIDEO`, `DOCUMENT` or `LOCATION`, as Desk360 labels it. */
  headerType: string | undefined;
  header: string | undefined;
  headerFile: string | undefined;
  body: string | undefined;
  footer: string | undefined;
  /** The parameter keys a send must fill: `header-1`, `body-1`, ... */
  variables: string[];
  buttons: unknown[];
  /** Normalized review status. */
  status: TemplateStatus;
  /** Desk360's status key, e.g. `template-messages.active`. */
  vendorStatus: string | undefined;
  quality: string | undefined;
  editable: boolean | undefined;
  updatedAt: Date | undefined;
}

/** A Desk360 message template with every translation, as `templates.list()` yields it. */
export interface Desk360Template {
  /** Desk360's template id, what template sends take as `template_id`. */
  id: number;
  name: string;
  sendable: boolean | undefined;
  /** The category, from Desk360's label key (`template-messages.new.custom` → `custom`). */
  category: string | undefined;
  /** `supported_languages`: which languages exist and whether each is filled in. */
  languages: Array<{ id: number | undefined; label: string | undefined; code: string | undefined; filled: boolean | undefined }>;
  translations: Desk360TemplateTranslation[];
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
  /** The listed object, untouched. */
  raw: unknown;
}

/** Desk360's status keys are i18n keys (`template-messages.in-review`); this reads them. */
const STATUS_BY_VALUE: Readonly<Record<string, TemplateStatus>> = { '1': 'pending', '2': 'approved' };

/** Reads a listed template into a {@link Desk360Template}. */
export function toDesk360Template(item: v.InferOutput<typeof TemplateItemSchema>, raw: unknown): Desk360Template {
  return {
    id: item.id,
    name: item.name,
    sendable: item.sendable,
    category: lastKeySegment(item.category_label ?? item.category),
    languages: item.supported_languages.map((language) => ({
      id: language.value,
      label: language.label,
      code: language.label === undefined ? undefined : languageCodeForLabel(language.label),
      filled: language.filled,
    })),
    translations: item.translations.map((t) => {
      const label = t.language ?? item.supported_languages.find((l) => l.value === t.language_id)?.label ?? String(t.language_id);
      const statusKey = lastKeySegment(t.status);
      const byKey = statusKey === undefined ? 'unknown' : normalizeTemplateStatus(statusKey.replace(/-/g, '_'));
      return {
        languageId: t.language_id,
        language: label,
        languageCode: languageCodeForLabel(label),
        headerType: t.header_type,
        header: t.header,
        headerFile: t.header_file,
        body: t.body,
        footer: t.footer,
        variables: t.variables,
        buttons: t.buttons,
        status: byKey !== 'unknown' ? byKey : (STATUS_BY_VALUE[String(t.status_value)] ?? 'unknown'),
        vendorStatus: t.status,
        quality: t.quality,
        editable: t.editable,
        updatedAt: t.updated_at,
      };
    }),
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    raw,
  };
}

/** One normalized {@link Template} per translation (wamux templates are one per name and language). */
export function toTemplates(template: Desk360Template): Template[] {
  return template.translations.map((t) => ({
    id: String(template.id),
    name: template.name,
    language: t.languageCode ?? t.language,
    status: t.status,
    vendorStatus: t.vendorStatus,
    category: template.category,
    header: headerOf(t),
    body: t.body,
    footer: t.footer,
    buttons: t.buttons.length > 0 ? t.buttons.map(toButton) : undefined,
    variables: variablesOf(t),
    raw: template.raw,
  }));
}

function headerOf(t: Desk360TemplateTranslation): Template['header'] {
  const format = t.headerType?.toLowerCase();
  if (format === 'image' || format === 'video' || format === 'document' || format === 'location') return { format };
  if (format === 'text' || (format === undefined && t.header !== undefined)) return { format: 'text', text: t.header };
  return undefined;
}

/** Desk360's own `variables` list when it gives one, else the placeholders of the texts. */
function variablesOf(t: Desk360TemplateTranslation): TemplateVariable[] {
  if (t.variables.length === 0) return [...templateVariables('header', t.header), ...templateVariables('body', t.body)];
  return t.variables.map((key) => {
    const positional = /^(header|body|button)-(\d+)$/.exec(key);
    if (positional) return { key, component: positional[1] as TemplateVariable['component'], index: Number(positional[2]) };
    return { key, component: 'body', name: key };
  });
}

/** Desk360 does not document its template buttons; WhatsApp's button fields are read when present. */
function toButton(raw: unknown): TemplateButton {
  const parsed = v.safeParse(ButtonSchema, raw);
  const button = parsed.success ? parsed.output : {};
  const type = (button.type ?? '').toLowerCase().replace(/[\s-]/g, '_');
  const known = ['quick_reply', 'url', 'phone_number', 'copy_code'] as const;
  return {
    type: (known as readonly string[]).includes(type) ? (type as TemplateButton['type']) : 'other',
    text: button.text ?? button.title ?? button.label ?? '',
    url: button.url,
    phoneNumber: button.phone_number,
  };
}

/** `template-messages.new.custom` → `custom`; a plain value is kept. */
function lastKeySegment(key: string | undefined): string | undefined {
  return key === undefined ? undefined : key.split('.').pop();
}

/**
 * Template parameters as Desk360 keys them: the `variables` its listing
 * gives (`header-1`, `body-1`, `body-2`). Positional parameters become
 * `<component>-<n>`; a named record keeps its keys, except digits, which get
 * the component prefix too (`{ '1': 'Ada' }` → `body-1`).
 */
export function toDesk360Parameters(header: TemplateParameters | undefined, body: TemplateParameters | undefined): Record<string, string> {
  return { ...keyed('header', header), ...keyed('body', body) };
}

function keyed(component: 'header' | 'body', parameters: TemplateParameters | undefined): Record<string, string> {
  if (parameters === undefined) return {};
  if (Array.isArray(parameters)) return Object.fromEntries(parameters.map((value, index) => [`${component}-${index + 1}`, value]));
  return Object.fromEntries(Object.entries(parameters).map(([key, value]) => [/^\d+$/.test(key) ? `${component}-${key}` : key, value]));
}

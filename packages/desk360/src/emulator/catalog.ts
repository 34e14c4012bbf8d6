import type { TemplateSeed } from '@wamux/emulator';
import { LANGUAGE_CODES, languageLabelForCode } from '../map/languages';

/** One translation the emulator holds: a seed, with its Desk360 language. */
export interface CatalogTranslation {
  seed: TemplateSeed;
  languageId: number;
  /** Desk360's label for the language (`English`, `Türkçe`). */
  label: string;
  /** The keys a send must fill: `header-1`, `body-1`, ... */
  variables: string[];
}

/** A Desk360 template: one name, one numeric id, a translation per language. */
export interface CatalogTemplate {
  id: number;
  name: string;
  category: string;
  translations: CatalogTranslation[];
  createdAt: Date;
}

/**
 * The templates the emulator serves, built from vendor-neutral seeds. Seeds
 * sharing a name become one template with several translations. A name keeps
 * its numeric id across re-seeding (as a real template keeps its id), so a
 * client's cached listing stays right.
 */
export interface TemplateCatalog {
  seed(seeds: readonly TemplateSeed[]): void;
  all(): readonly CatalogTemplate[];
  byId(id: number): CatalogTemplate | undefined;
  clear(): void;
}

/** Language ids follow the adapter's language table (English 1, Türkçe 2, as in the document). */
function languageIdOf(code: string): number {
  const index = LANGUAGE_CODES.findIndex((known) => known.toLowerCase() === code.replace('-', '_').toLowerCase());
  return index >= 0 ? index + 1 : 1000 + [...code].reduce((sum, char) => sum + char.charCodeAt(0), 0);
}

/** Creates an empty catalog. */
export function createTemplateCatalog(): TemplateCatalog {
  const ids = new Map<string, number>();
  let templates: CatalogTemplate[] = [];

  return {
    seed(seeds) {
      const byName = new Map<string, CatalogTemplate>();
      for (const seed of seeds) {
        if (!ids.has(seed.name)) ids.set(seed.name, ids.size + 1);
        const template = byName.get(seed.name) ?? {
          id: ids.get(seed.name) as number,
          name: seed.name,
          category: (seed.category ?? 'custom').toLowerCase(),
          translations: [],
          createdAt: new Date(),
        };
        template.translations.push({
          seed,
          languageId: languageIdOf(seed.language),
          label: languageLabelForCode(seed.language) ?? seed.language,
          variables: [...placeholders('header', seed.header), ...placeholders('body', seed.body)],
        });
        byName.set(seed.name, template);
      }
      templates = [...byName.values()];
    },
    all: () => templates,
    byId: (id) => templates.find((template) => template.id === id),
    clear() {
      templates = [];
      ids.clear();
    },
  };
}

function placeholders(component: 'header' | 'body', text: string | undefined): string[] {
  const keys = [...(text ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => (/^\d+$/.test(m[1] as string) ? `${component}-${m[1]}` : (m[1] as string)));
  return [...new Set(keys)];
}

const STATUS = {
  approved: { status: 'template-messages.active', value: 2 },
  pending: { status: 'template-messages.in-review', value: 1 },
  rejected: { status: 'template-messages.rejected', value: 3 },
} as const;

/** A catalog template as Desk360's listing shows it (the document's example shape). */
export function renderTemplate(template: CatalogTemplate): Record<string, unknown> {
  const updatedAt = template.createdAt.toISOString().replace('Z', '000Z');
  return {
    id: template.id,
    name: template.name,
    category_editable: false,
    sendable: template.translations.some((t) => (t.seed.status ?? 'approved') === 'approved'),
    category: {
      value: 2,
      label: `template-messages.new.${template.category}`,
      subLabel: `template-messages.new.${template.category}-subtitle`,
      status: 1,
      children: [],
    },
    category_label: `template-messages.new.${template.category}`,
    supported_languages: template.translations.map((t) => ({ label: t.label, value: t.languageId, filled: true })),
    translations: template.translations.map((t) => {
      const status = STATUS[t.seed.status ?? 'approved'];
      const variables = (component: string) =>
        t.variables.filter((key) => key.startsWith(`${component}-`)).map((key) => ({ id: '', key: key.split('-')[1], value: `Sample ${key}` }));
      return {
        language_id: t.languageId,
        language: t.label,
        header_type: t.seed.header === undefined ? null : { value: 4, label: 'TEXT' },
        header_variables: t.seed.header === undefined ? null : variables('header'),
        header: t.seed.header ?? null,
        header_file: null,
        body: t.seed.body,
        body_variables: variables('body').length > 0 ? variables('body') : null,
        footer: t.seed.footer ?? null,
        variables: t.variables,
        buttons: [],
        editable: true,
        status: status.status,
        status_value: status.value,
        quality: 'template-messages.quality-unavailable',
        updated_at: updatedAt,
      };
    }),
    created_at: updatedAt,
    updated_at: updatedAt,
  };
}

import { NotFoundError, ValidationError, type CallOptions } from '@wamux/core/adapter';
import { languageMatches } from '../map/languages';
import type { Desk360Template, Desk360TemplateTranslation } from '../map/template';
import { DESK360 } from '../options';
import type { Desk360Client } from './index';
import { listDesk360Templates } from './templates';

/** A template as an app names it: by Desk360 id or by name, and a language (code, label or Desk360 id). */
export interface TemplateReference {
  id?: string | undefined;
  name?: string | undefined;
  language: string;
}

/** The ids a Desk360 template send takes. */
export interface ResolvedTemplate {
  templateId: number;
  languageId: number;
  /** The translation found, when the ids came from the listing. */
  translation?: Desk360TemplateTranslation | undefined;
}

/**
 * Maps template names and language codes to the numeric `template_id` and
 * `language_id` Desk360 sends by. A numeric id and a numeric language are
 * used as they are; anything else is looked up in the template listing,
 * which is cached for `templateCacheTtl` and reloaded once on a miss.
 */
export interface TemplateDirectory {
  resolve(reference: TemplateReference, field: string, options: CallOptions): Promise<ResolvedTemplate>;
  /** Forgets the cached listing (after Desk360 said a template is gone). */
  invalidate(): void;
}

const DIGITS = /^\d+$/;

/** Creates the directory of one provider instance. */
export function createTemplateDirectory(client: Desk360Client): TemplateDirectory {
  let cache: { loadedAt: number; templates: Promise<Desk360Template[]> } | undefined;

  const load = (options: CallOptions, fresh: boolean): Promise<Desk360Template[]> => {
    const now = Date.now();
    if (!fresh && cache && now - cache.loadedAt < client.config.templateCacheTtl) return cache.templates;
    const templates = collect(listDesk360Templates(client, { signal: options.signal }));
    const entry = { loadedAt: now, templates };
    cache = entry;
    // A failed load must not be served from the cache.
    templates.catch(() => {
      if (cache === entry) cache = undefined;
    });
    return templates;
  };

  return {
    async resolve(reference, field, options) {
      const numericId = reference.id !== undefined && DIGITS.test(reference.id) ? Number(reference.id) : undefined;
      if (numericId === undefined && reference.name === undefined) {
        throw new ValidationError([{ path: `${field}.id`, message: 'must be a Desk360 template id (digits), or give the template name' }], {
          provider: DESK360,
        });
      }
      if (numericId !== undefined && DIGITS.test(reference.language)) return { templateId: numericId, languageId: Number(reference.language) };

      const cachedBefore = cache !== undefined;
      for (const fresh of cachedBefore ? [false, true] : [false]) {
        const found = find(await load(options, fresh), reference, numericId);
        if (found) return found;
      }
      const which = numericId !== undefined ? `id ${numericId}` : `"${reference.name}"`;
      throw new NotFoundError(`Desk360 has no template ${which} in language "${reference.language}" for integration ${client.integrationId()}`, {
        provider: DESK360,
      });
    },
    invalidate() {
      cache = undefined;
    },
  };
}

function find(templates: readonly Desk360Template[], reference: TemplateReference, numericId: number | undefined): ResolvedTemplate | undefined {
  const candidates = templates.filter((t) => (numericId !== undefined ? t.id === numericId : t.name === reference.name));
  for (const template of candidates) {
    const translation = DIGITS.test(reference.language)
      ? template.translations.find((t) => t.languageId === Number(reference.language))
      : (template.translations.find((t) => languageMatches(reference.language, t.language, t.languageCode)) ?? baseLanguageMatch(template, reference.language));
    if (translation) return { templateId: template.id, languageId: translation.languageId, translation };
  }
  return undefined;
}

/** `en` finds an only `en_US` translation (and the reverse), when exactly one translation fits. */
function baseLanguageMatch(template: Desk360Template, language: string): Desk360TemplateTranslation | undefined {
  const base = (code: string) => code.toLowerCase().split(/[-_]/)[0];
  const fits = template.translations.filter((t) => t.languageCode !== undefined && base(t.languageCode) === base(language));
  return fits.length === 1 ? fits[0] : undefined;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

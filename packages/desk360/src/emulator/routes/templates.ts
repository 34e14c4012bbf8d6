import type { PhoneNumber } from '@wamux/core/adapter';
import type { EmulatorResponse, EmulatorRoute } from '@wamux/emulator';
import type { CatalogTemplate, CatalogTranslation } from '../catalog';
import { renderTemplate } from '../catalog';
import { templateMessage } from '../decode';
import { desk360Error, validateBody } from '../errors';
import { bodyOf, type UploadedFile } from '../fields';
import { TemplateBulkBodySchema, TemplateSendBodySchema } from '../schemas';
import { describeBody, forIntegration, type EmulatorState } from '../state';
import { page } from './paging';

const BASE = '/integrations/:integrationId/conversations/templates';

/** The WhatsApp Message Templates endpoints: list, send, bulk send. */
export function templateRoutes(state: EmulatorState, server: { origin: string }): EmulatorRoute[] {
  /** The template and translation a send names, or the error Desk360 would answer. */
  const find = (
    templateId: number,
    languageId: number,
  ): { ok: true; template: CatalogTemplate; translation: CatalogTranslation } | { ok: false; response: EmulatorResponse } => {
    const template = state.catalog.byId(templateId);
    if (!template) return { ok: false, response: desk360Error(400, 'The selected template id is invalid.') };
    const translation = template.translations.find((t) => t.languageId === languageId);
    if (!translation) return { ok: false, response: desk360Error(400, 'The selected language id is invalid.') };
    if ((translation.seed.status ?? 'approved') !== 'approved')
      return { ok: false, response: desk360Error(400, 'The template is not active in this language.') };
    return { ok: true, template, translation };
  };

  /** Every variable of the translation must be filled. */
  const missing = (translation: CatalogTranslation, parameters: Readonly<Record<string, string>>, field: string): EmulatorResponse | undefined => {
    const key = translation.variables.find((variable) => (parameters[variable] ?? '') === '');
    return key === undefined ? undefined : desk360Error(400, `The ${field}.${key} field is required.`);
  };

  return [
    {
      method: 'GET',
      pattern: BASE,
      handler: forIntegration(state, (request) => page(request, server.origin, state.catalog.all().map(renderTemplate))),
    },
    {
      method: 'POST',
      pattern: `${BASE}/send`,
      handler: forIntegration(state, async (request) => {
        const raw = await bodyOf(request);
        const body = validateBody(TemplateSendBodySchema, raw);
        if (!body.ok) return body.response;
        const found = find(body.value.template_id, body.value.language_id);
        if (!found.ok) return found.response;
        for (const [index, destination] of body.value.destinations.entries()) {
          const error = missing(found.translation, destination.parameters, `destinations.${index}.parameters`);
          if (error) return error;
        }
        const ids = body.value.destinations.map((destination) =>
          state.accept(templateMessage(destination.phone, found.template, found.translation, destination.parameters, body.value.attachment), describeBody(raw)),
        );
        return { json: { message_id: ids[0] } };
      }),
    },
    {
      method: 'POST',
      pattern: `${BASE}/send/bulk`,
      handler: forIntegration(state, async (request) => {
        const raw = await bodyOf(request);
        const body = validateBody(TemplateBulkBodySchema, raw);
        if (!body.ok) return body.response;
        const found = find(body.value.template_id, body.value.language_id);
        if (!found.ok) return found.response;
        const destinations = [
          ...(body.value.destinations ?? []).map((d) => ({ phone: d.phone, parameters: { ...body.value.parameters, ...d.parameters } })),
          ...phonesOf(body.value.destinations_file).map((phone) => ({ phone, parameters: body.value.parameters })),
        ];
        if (destinations.length === 0) return desk360Error(400, 'The destinations file field must hold phone numbers.');
        for (const destination of destinations) {
          const error = missing(found.translation, destination.parameters, 'parameters');
          if (error) return error;
        }
        for (const d of destinations)
          state.accept(templateMessage(d.phone, found.template, found.translation, d.parameters, body.value.attachment), describeBody(raw));
        return { json: { phones: destinations.map((d) => d.phone) } };
      }),
    },
  ];
}

/** The numbers of a destinations CSV: the first cell of each line that is an E.164 number. */
function phonesOf(file: UploadedFile | undefined): PhoneNumber[] {
  if (!file) return [];
  return new TextDecoder()
    .decode(file.data)
    .split(/\r?\n/)
    .map((line) => (line.split(/[,;]/)[0] ?? '').trim().replace(/^"|"$/g, ''))
    .filter((cell): cell is PhoneNumber => /^\+[1-9]\d{6,14}$/.test(cell));
}

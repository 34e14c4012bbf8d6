import type { EmulatorRoute } from '@wamux/emulator';
import { bodyOf, fieldErrors, noContent, notFound, ok, operationRoute, page } from './http';
import type { OperationsEmulatorState } from './state';

/** `/saved_responses/` and `/templates/`: saved responses, templates and their refresh. */
export function contentRoutes(state: OperationsEmulatorState): EmulatorRoute[] {
  return [
    operationRoute('listSavedResponses', (request) => {
      const text = request.query.get('text')?.toLowerCase();
      return page(
        request,
        [...state.savedResponses.values()].filter((response) => !text || response.text.toLowerCase().includes(text)),
      );
    }),
    operationRoute('createSavedResponse', (request) => {
      const body = bodyOf(request);
      if (typeof body.text !== 'string' || body.text === '') return fieldErrors({ text: 'This field is required.' });
      const response = { id: state.nextId('savedResponse'), text: body.text, created_by: state.currentUserId, timestamp: state.now() };
      state.savedResponses.set(response.id, response);
      return ok(response, 201);
    }),
    operationRoute('deleteSavedResponse', (request) => (state.savedResponses.delete(Number(request.params.id)) ? noContent() : notFound())),

    // Literal paths first: `/templates/refresh/...` must not reach `/templates/{name}/`.
    operationRoute('checkTemplateRefreshStatus', () => {
      // A refresh "finishes" once its status has been checked.
      const currently = state.templatesRefreshing;
      state.templatesRefreshing = false;
      return ok({ currently_refreshing: currently });
    }),
    operationRoute('issueTemplateRefreshRequest', () => {
      state.templatesRefreshing = true;
      return ok({});
    }),
    operationRoute('listTemplates', (request) => page(request, [...state.templates.values()])),
    operationRoute('createTemplate', (request) => {
      const body = bodyOf(request);
      const missing = ['name', 'category', 'language', 'components'].find((field) => body[field] === undefined);
      if (missing) return fieldErrors({ [missing]: 'This field is required.' });
      const key = `${String(body.name)}:${String(body.language)}`;
      if (state.templates.has(key)) return fieldErrors({ name: 'A template with this name and language already exists.' });
      const template = {
        id: `tpl_${state.nextId('template')}`,
        name: body.name,
        category: body.category,
        language: body.language,
        components: body.components,
        namespace: 'wamux_emulator',
        rejected_reason: null,
        status: 'submitted',
      };
      state.templates.set(key, template);
      return ok(template, 201);
    }),
    operationRoute('destroyTemplate', (request) => {
      const keys = [...state.templates.keys()].filter((key) => key.startsWith(`${request.params.name ?? ''}:`));
      if (keys.length === 0) return notFound();
      for (const key of keys) state.templates.delete(key);
      return noContent();
    }),
  ];
}

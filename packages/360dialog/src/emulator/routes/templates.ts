import type { EmulatorRoute } from '@wamux/emulator';
import { injectedError, type EmulatedGraphTemplate } from '@wamux/whatsapp-cloud/emulation';
import { d360Error } from '../errors';
import type { EmulatorState } from '../state';

/** The namespace 360dialog reports for the account's templates. */
const NAMESPACE = 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574';

/** A template as 360dialog lists it: Graph's template, status lower case, Meta's id as `external_id`, plus its namespace. */
function listed(template: EmulatedGraphTemplate): Record<string, unknown> {
  const { id, status, ...rest } = template;
  return { ...rest, status: status.toLowerCase(), external_id: id, namespace: NAMESPACE, rejected_reason: 'NONE' };
}

/** Reads a template's field for a `filters` key (`business_templates.name`, `status`, `category`, `language`). */
function field(template: EmulatedGraphTemplate, key: string): string | undefined {
  if (key === 'business_templates.name' || key === 'name') return template.name;
  if (key === 'status' || key === 'category' || key === 'language') return template[key];
  return undefined;
}

/** `GET /v1/configs/templates`: offset paging (`limit`, `offset`), `filters` as JSON. */
export function templateRoutes(state: EmulatorState): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/v1/configs/templates',
      handler: (request) => {
        const fault = injectedError(state, request);
        if (fault) return fault;
        const query = request.query;
        const limit = Math.min(Math.max(Number(query.get('limit') ?? 1000) || 1000, 1), 1000);
        const offset = Math.max(Number(query.get('offset') ?? 0) || 0, 0);
        let filters: Record<string, unknown> = {};
        try {
          filters = JSON.parse(query.get('filters') ?? '{}') as Record<string, unknown>;
        } catch {
          return d360Error(400, 'filters must be a JSON object');
        }
        const matching = state.templates.filter((template) =>
          Object.entries(filters).every(([key, wanted]) => field(template, key)?.toLowerCase() === String(wanted).toLowerCase()),
        );
        const page = matching.slice(offset, offset + limit).map(listed);
        return { json: { count: page.length, filters, limit, offset, sort: ['business_templates.name'], total: matching.length, waba_templates: page } };
      },
    },
  ];
}

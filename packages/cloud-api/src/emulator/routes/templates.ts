import type { EmulatorRoute } from '@wamux/emulator';
import { injectedError, requireId, type CloudWebhookAccount } from '@wamux/whatsapp-cloud/emulation';
import type { EmulatorState } from '../state';

const cursor = (index: number): string => Buffer.from(`cursor:${index}`).toString('base64url');
const indexOf = (after: string | null): number => {
  if (after === null || after === '') return 0;
  const match = /^cursor:(\d+)$/.exec(Buffer.from(after, 'base64url').toString());
  return match ? Number(match[1]) : 0;
};

/** `GET /{waba-id}/message_templates`: Graph cursor paging (`limit`, `after`), filters by name, status, category, language. */
export function templateRoutes(state: EmulatorState, ids: CloudWebhookAccount, origin: { origin: string; basePath: string }): EmulatorRoute[] {
  const guard = requireId('wabaId', ids.businessAccountId);
  return [
    {
      method: 'GET',
      pattern: '/:wabaId/message_templates',
      handler: (request) => {
        const refused = guard(request) ?? injectedError(state, request);
        if (refused) return refused;
        const query = request.query;
        const limit = Math.min(Math.max(Number(query.get('limit') ?? 25) || 25, 1), 250);
        const filters: Array<[string, (t: (typeof state.templates)[number]) => string]> = [
          ['name', (t) => t.name],
          ['status', (t) => t.status],
          ['category', (t) => t.category],
          ['language', (t) => t.language],
        ];
        const matching = state.templates.filter((template) =>
          filters.every(([key, read]) => query.get(key) === null || read(template).toLowerCase() === query.get(key)?.toLowerCase()),
        );
        const start = indexOf(query.get('after'));
        const page = matching.slice(start, start + limit);
        const end = start + page.length;
        const next = new URL(`${origin.origin}${origin.basePath}/${ids.businessAccountId}/message_templates`);
        next.searchParams.set('limit', String(limit));
        next.searchParams.set('after', cursor(end));
        return {
          json: {
            data: page,
            paging: {
              cursors: { before: cursor(start), after: cursor(end) },
              ...(end < matching.length ? { next: next.href } : {}),
            },
          },
        };
      },
    },
  ];
}

import type { OutboundMessage } from '@wamux/core/adapter';
import type { EmulatorRoute } from '@wamux/emulator';
import { fromWire } from '../../wire/codec';
import { errorResponse } from '../errors';
import type { MemoryState } from '../state';

const PAGE_SIZE = 20;

interface BulkBody {
  template?: unknown;
  recipients?: Array<{ to: string; body?: unknown; header?: unknown }>;
}

/** `GET /templates` (paged by offset cursor), `POST /templates/bulk` (one accepted message per recipient). */
export function templateRoutes(state: MemoryState): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/templates',
      handler: (request) => {
        const start = Number(request.query.get('cursor') ?? '0') || 0;
        const page = state.templates.slice(start, start + PAGE_SIZE);
        const next = start + PAGE_SIZE < state.templates.length ? String(start + PAGE_SIZE) : null;
        return { json: { items: page.map((t) => ({ ...t, status: t.status ?? 'approved' })), next } };
      },
    },
    {
      method: 'POST',
      pattern: '/templates/bulk',
      handler: (request) => {
        const body = request.json as BulkBody | undefined;
        if (!body?.template || !Array.isArray(body.recipients)) return errorResponse(400, 'invalid_bulk', 'template and recipients are required');
        const template = body.template as object;
        const accepted = body.recipients.map((recipient) => {
          const personal = { ...template, ...(recipient.body ? { body: recipient.body } : {}), ...(recipient.header ? { header: recipient.header } : {}) };
          const message = fromWire({ type: 'template', to: recipient.to, template: personal }) as OutboundMessage;
          return { to: recipient.to, id: state.accept(message, body) };
        });
        return { status: 201, json: { accepted } };
      },
    },
  ];
}

import { OutboundMessageSchema, issueMessage } from '@wamux/core/adapter';
import type { EmulatorRequest, EmulatorRoute } from '@wamux/emulator';
import * as v from 'valibot';
import { fromWire, toWire } from '../../wire/codec';
import { errorResponse } from '../errors';
import type { HistoryEntry, MemoryState } from '../state';

const PAGE_SIZE = 20;

/** `POST /messages` (send), `GET /messages` (history), `POST /messages/:id/read`. */
export function messageRoutes(state: MemoryState): EmulatorRoute[] {
  return [
    {
      method: 'POST',
      pattern: '/messages',
      handler: (request) => {
        const parsed = v.safeParse(OutboundMessageSchema, fromWire((request.json as { message?: unknown } | undefined)?.message));
        if (!parsed.success) return errorResponse(400, 'invalid_message', `${v.getDotPath(parsed.issues[0]) ?? 'message'}: ${issueMessage(parsed.issues[0])}`);
        return { status: 201, json: { id: state.accept(parsed.output, request.json) } };
      },
    },
    { method: 'GET', pattern: '/messages', handler: (request) => historyPage(state.history, request) },
    {
      method: 'POST',
      pattern: '/messages/:id/read',
      handler: (request) => {
        state.readMarks.push(request.params.id as string);
        return { status: 204 };
      },
    },
  ];
}

/**
 * One page of history, ordered by (timestamp, id). The cursor is the last
 * item's key, so messages arriving during a walk neither repeat nor shift pages.
 */
function historyPage(history: readonly HistoryEntry[], request: EmulatorRequest) {
  const contact = request.query.get('contact');
  const before = request.query.get('before');
  const since = request.query.get('since');
  const order = request.query.get('order') === 'oldest' ? 'oldest' : 'newest';
  const cursor = request.query.get('cursor');
  const key = (entry: HistoryEntry) => `${entry.timestamp.getTime().toString().padStart(15, '0')}:${entry.id}`;
  let items = history
    .filter((entry) => !contact || entry.contact === contact)
    .filter((entry) => !before || entry.timestamp < new Date(before))
    .filter((entry) => !since || entry.timestamp > new Date(since))
    .sort((a, b) => (key(a) < key(b) ? -1 : 1));
  if (order === 'newest') items.reverse();
  if (cursor) items = items.filter((entry) => (order === 'newest' ? key(entry) < cursor : key(entry) > cursor));
  const page = items.slice(0, PAGE_SIZE);
  const last = page[page.length - 1];
  return { json: { items: toWire(page), next: items.length > PAGE_SIZE && last ? key(last) : null } };
}

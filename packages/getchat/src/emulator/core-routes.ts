import type { EmulatorRequest, EmulatorRoute } from '@wamux/emulator';
import { decodeCreateMessage } from './decode-outbound';
import { boolParam, DEFAULT_PAGE_SIZE, drfError, drfFieldError, drfPage, intParam } from './drf';
import { renderMessage } from './payloads';
import type { InboxState, StoredMessage } from './state';

/** What the core routes need from the emulator around them. */
export interface CoreRouteDeps {
  state: InboxState;
  /** The API base URL (`http://127.0.0.1:<port>/api/v1`), for media links. */
  apiUrl: () => string;
  businessNumber: string;
  /** The profile name of a customer, when one was simulated. */
  profileName: (waId: string) => string | undefined;
  /** Tells the operation routes' state (persons, chats) about a stored message. */
  recordMessage: (message: StoredMessage) => void;
  /** Tells the operation routes' state (chats' unread counts) about a received mark. */
  markReceived: (waId: string, timestamp: number) => void;
}

/** The messages createMessage accepts, per the document's `type` enum (`hsm` is refused: WhatsApp removed it). */
const SENDABLE = ['text', 'image', 'contacts', 'document', 'location', 'sticker', 'template', 'audio', 'video', 'interactive', 'reaction'];

const now = () => Math.floor(Date.now() / 1000);

/** The Messages, Media Files and WhatsApp Accounts endpoints (the operation routes serve the rest). */
export function coreRoutes(deps: CoreRouteDeps): EmulatorRoute[] {
  const { state } = deps;
  const mediaUrl = (id: string) => `${deps.apiUrl()}/media/${id}`;
  const ownMedia = (link: string) => {
    const prefix = `${deps.apiUrl()}/media/`;
    if (!link.startsWith(prefix)) return undefined;
    const id = link.slice(prefix.length).replace(/\/$/, '');
    return state.media.has(id) ? id : undefined;
  };
  const render = (message: StoredMessage) => renderMessage(message, deps.profileName(message.customerWaId));

  const listMessages = (request: EmulatorRequest) => {
    const waId = request.query.get('wa_id');
    const fromUs = boolParam(request, 'from_us');
    const since = intParam(request, 'since_time');
    const before = intParam(request, 'before_time');
    const search = request.query.get('search')?.toLowerCase();
    const matches = state.messages.filter(
      (m) =>
        (!waId || m.customerWaId === waId) &&
        (fromUs === undefined || m.fromUs === fromUs) &&
        (since === undefined || m.timestamp >= since) &&
        (before === undefined || m.timestamp < before) &&
        (!search || JSON.stringify(m.wabaPayload).toLowerCase().includes(search)),
    );
    // Newest first, as documented; oldest first when only since_time is given
    // (the document's "scroll from oldest to newest"). Ties keep arrival order.
    const ascending = since !== undefined && before === undefined;
    const ordered = [...matches].sort((a, b) => (ascending ? a.timestamp - b.timestamp || a.seq - b.seq : b.timestamp - a.timestamp || b.seq - a.seq));
    const response = drfPage(request, ordered, render);
    if (boolParam(request, 'mark_as_received')) {
      const limit = intParam(request, 'limit') || DEFAULT_PAGE_SIZE;
      const offset = intParam(request, 'offset') ?? 0;
      for (const message of ordered.slice(offset, offset + limit)) message.received = true;
    }
    return response;
  };

  const createMessage = (request: EmulatorRequest) => {
    const body = request.json as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return drfFieldError('non_field_errors', 'Invalid data. Expected a dictionary.');
    if (typeof body.type !== 'string' || !SENDABLE.includes(body.type)) return drfFieldError('type', `"${String(body.type)}" is not a valid choice.`);
    const decoded = decodeCreateMessage(body, ownMedia);
    if ('failure' in decoded) return drfFieldError(decoded.failure.field, decoded.failure.message);
    const { wa_id: waId, ...payload } = body;
    const stored = state.addMessage({
      getchatId: state.newGetchatId(),
      wamid: state.newWamid(),
      customerWaId: String(waId),
      fromUs: true,
      timestamp: now(),
      wabaPayload: {},
      statuses: { sent: null, delivered: null, read: null },
      received: true,
    });
    stored.wabaPayload = { ...payload, recipient_type: 'individual', to: String(waId), id: stored.wamid, timestamp: stored.timestamp };
    state.delivered.push({ id: stored.getchatId, message: decoded.message, raw: body });
    deps.recordMessage(stored);
    return { status: 201, json: { id: stored.getchatId } };
  };

  return [
    { method: 'GET', pattern: '/messages', handler: listMessages },
    { method: 'POST', pattern: '/messages', handler: createMessage },
    {
      method: 'GET',
      pattern: '/messages/:id',
      handler: (request) => {
        const message = state.findMessage(request.params.id ?? '');
        return message ? { json: render(message) } : drfError(404, 'Not found.');
      },
    },
    {
      method: 'POST',
      pattern: '/mark_as_received',
      handler: (request) => {
        const body = (request.json ?? {}) as Record<string, unknown>;
        const timestamp = typeof body.timestamp === 'number' ? body.timestamp : Number(body.timestamp);
        if (!Number.isInteger(timestamp)) return drfFieldError('timestamp', 'A valid integer is required.');
        if (typeof body.customer_wa_id !== 'string' || body.customer_wa_id === '') return drfFieldError('customer_wa_id', 'This field is required.');
        if (timestamp > now() + 1) return drfFieldError('timestamp', 'Cannot mark messages as received in the future.');
        state.marks.push({ customerWaId: body.customer_wa_id, timestamp });
        deps.markReceived(body.customer_wa_id, timestamp);
        for (const message of state.messages) if (message.customerWaId === body.customer_wa_id && message.timestamp <= timestamp) message.received = true;
        return { json: {} };
      },
    },
    {
      method: 'POST',
      pattern: '/media',
      handler: async (request) => {
        const file = request.form?.get('file_encoded');
        if (!file || typeof file === 'string') return drfFieldError('file_encoded', 'No file was submitted.');
        const id = state.newGetchatId();
        state.media.set(id, {
          data: new Uint8Array(await file.arrayBuffer()),
          mimeType: file.type || 'application/octet-stream',
          filename: file.name || undefined,
        });
        return { status: 201, json: { file: mediaUrl(id), id } };
      },
    },
    {
      method: 'GET',
      pattern: '/media/:id',
      handler: (request) => {
        const stored = state.media.get(request.params.id ?? '');
        if (!stored) return drfError(404, 'Not found.');
        const type = request.query.get('mime_type_type');
        const subtype = request.query.get('mime_type_subtype');
        const contentType = type && subtype ? `${type}/${subtype}` : stored.mimeType;
        const headers: Record<string, string> = { 'content-type': contentType };
        if (stored.filename) headers['content-disposition'] = `attachment; filename="${stored.filename}"`;
        return { body: stored.data, headers };
      },
    },
    {
      method: 'GET',
      pattern: '/whatsapp_accounts',
      handler: (request) => {
        const accounts = [{ phone_number: deps.businessNumber.replace(/^\+/, ''), this_instance: true }];
        const thisInstance = boolParam(request, 'this_instance');
        return drfPage(request, thisInstance === false ? [] : accounts);
      },
    },
  ];
}

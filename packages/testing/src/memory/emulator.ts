import { customerAddress, hmacSha256Hex, inboundSender, OutboundMessageSchema, type InboundMessage, type MessageContent, type OutboundMessage, type StatusUpdate } from '@wamux/core';
import * as v from 'valibot';
import { createEmulatorServer, idGenerator, postWebhook, type EmulatorRequest } from '../emulator/server';
import { simulatedCustomer } from '../emulator/customer';
import type {
  DeliveredMessage,
  Emulator,
  SimulatedInbound,
  SimulatedStatus,
  SimulateOptions,
  SimulationResult,
  StoredMedia,
  TemplateSeed,
} from '../emulator/types';
import { outboundFromWire, SIGNATURE_HEADER, toWire } from './wire';

/** Options of {@link createMemoryEmulator}. */
export interface MemoryEmulatorOptions {
  /** The API key the emulator accepts. Default `memory-test-key`. */
  apiKey?: string;
  /** Signs webhook deliveries (HMAC-SHA256). Default `memory-webhook-secret`. */
  webhookSecret?: string;
  /** Where simulated webhooks are posted unless a call says otherwise. */
  webhookUrl?: string;
  /** Enforce a rate limit, like a real vendor. */
  rateLimit?: { requests: number; interval: number };
  port?: number;
}

/** The memory emulator: the vendor-neutral control surface plus its credentials. */
export interface MemoryEmulator extends Emulator {
  readonly apiKey: string;
  readonly webhookSecret: string;
  /** Ids passed to `markRead`, in order. */
  readMarks(): string[];
  setWebhookUrl(url: string): void;
}

interface HistoryEntry {
  id: string;
  direction: 'inbound' | 'outbound';
  contact: string;
  timestamp: Date;
  content: MessageContent;
}

const PAGE_SIZE = 20;

/** Starts the memory emulator on 127.0.0.1 and a free port. */
export async function createMemoryEmulator(options: MemoryEmulatorOptions = {}): Promise<MemoryEmulator> {
  const apiKey = options.apiKey ?? 'memory-test-key';
  const webhookSecret = options.webhookSecret ?? 'memory-webhook-secret';
  let webhookUrl = options.webhookUrl;
  let delivered: DeliveredMessage[] = [];
  let media = new Map<string, StoredMedia>();
  let templates: TemplateSeed[] = [];
  let history: HistoryEntry[] = [];
  let readMarks: string[] = [];
  const messageId = idGenerator('mem_msg_');
  const mediaId = idGenerator('mem_media_');
  const inboundId = idGenerator('mem_in_');

  const error = (status: number, code: string, message: string) => ({ status, json: { error: { code, message } } });

  const accept = (message: OutboundMessage, raw: unknown) => {
    const id = messageId();
    delivered.push({ id, message, raw });
    history.push({ id, direction: 'outbound', contact: message.to, timestamp: new Date(), content: contentOf(message) });
    return id;
  };

  const server = await createEmulatorServer({
    basePath: '/v1',
    rateLimit: options.rateLimit,
    authenticate: (request) => request.headers.authorization === `Bearer ${apiKey}`,
    renderError: (status, info) => error(status, status === 401 ? 'unauthorized' : status === 429 ? 'rate_limited' : `http_${status}`, info.message),
    routes: [
      {
        method: 'POST',
        pattern: '/messages',
        handler: (request) => {
          const raw = (request.json as { message?: unknown } | undefined)?.message;
          const parsed = v.safeParse(OutboundMessageSchema, outboundFromWire(raw));
          if (!parsed.success) return error(400, 'invalid_message', `${v.getDotPath(parsed.issues[0]) ?? 'message'}: ${parsed.issues[0].message}`);
          return { status: 201, json: { id: accept(parsed.output, request.json) } };
        },
      },
      { method: 'GET', pattern: '/messages', handler: (request) => listHistory(request) },
      {
        method: 'POST',
        pattern: '/messages/:id/read',
        handler: (request) => {
          readMarks.push(request.params.id as string);
          return { status: 204 };
        },
      },
      {
        method: 'POST',
        pattern: '/media',
        handler: async (request) => {
          const file = request.form?.get('file');
          if (!file || typeof file === 'string') return error(400, 'invalid_media', 'file: a file field is required');
          const id = mediaId();
          media.set(id, { data: new Uint8Array(await file.arrayBuffer()), mimeType: file.type || 'application/octet-stream', filename: file.name });
          return { status: 201, json: { id } };
        },
      },
      {
        method: 'GET',
        pattern: '/media/:id',
        handler: (request) => {
          const stored = media.get(request.params.id as string);
          if (!stored) return error(404, 'not_found', 'no such media');
          return { body: stored.data, headers: { 'content-type': stored.mimeType } };
        },
      },
      {
        method: 'GET',
        pattern: '/templates',
        handler: (request) => {
          const start = Number(request.query.get('cursor') ?? '0') || 0;
          const page = templates.slice(start, start + PAGE_SIZE);
          const next = start + PAGE_SIZE < templates.length ? String(start + PAGE_SIZE) : null;
          return { json: { items: page.map((t) => ({ ...t, status: t.status ?? 'approved' })), next } };
        },
      },
      {
        method: 'POST',
        pattern: '/templates/bulk',
        handler: (request) => {
          const body = request.json as { template?: unknown; recipients?: Array<{ to: string; body?: unknown; header?: unknown }> } | undefined;
          if (!body?.template || !Array.isArray(body.recipients)) return error(400, 'invalid_bulk', 'template and recipients are required');
          const accepted = body.recipients.map((recipient) => {
            const message = outboundFromWire({
              type: 'template',
              to: recipient.to,
              template: { ...(body.template as object), ...(recipient.body ? { body: recipient.body } : {}), ...(recipient.header ? { header: recipient.header } : {}) },
            });
            return { to: recipient.to, id: accept(message, body) };
          });
          return { status: 201, json: { accepted } };
        },
      },
    ],
  });

  function listHistory(request: EmulatorRequest) {
    const contact = request.query.get('contact');
    const before = request.query.get('before');
    const since = request.query.get('since');
    const order = request.query.get('order') === 'oldest' ? 'oldest' : 'newest';
    const cursor = request.query.get('cursor');
    // Ordered by (timestamp, id); the cursor is the last item's position, so
    // messages arriving during a walk neither repeat nor shift pages.
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

  const post = async (payload: unknown, opts: SimulateOptions = {}) => {
    const url = opts.webhookUrl ?? webhookUrl;
    if (!url) throw new Error('memory emulator: no webhook URL configured (pass webhookUrl)');
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = opts.unauthenticated ? {} : { [SIGNATURE_HEADER]: `sha256=${await hmacSha256Hex(webhookSecret, body)}` };
    return postWebhook(url, body, headers);
  };

  return {
    provider: 'memory',
    url: server.url,
    apiKey,
    webhookSecret,
    delivered: () => [...delivered],
    requests: () => server.requests(),
    readMarks: () => [...readMarks],
    media: (id) => media.get(id),
    addMedia(stored) {
      const id = mediaId();
      media.set(id, stored);
      return id;
    },
    seedTemplates(seeds) {
      templates = [...seeds];
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    async simulateInbound(message: SimulatedInbound, opts?: SimulateOptions): Promise<SimulationResult> {
      // The memory vendor's wire format is the model: the message as an adapter would build it.
      const customer = simulatedCustomer(message.from, message.customer, message.profileName);
      const full: InboundMessage = {
        id: message.id ?? inboundId(),
        ...inboundSender(customer),
        timestamp: message.timestamp ?? new Date(),
        content: message.content,
        ...(message.context ? { context: message.context } : {}),
        ...(message.referral ? { referral: message.referral } : {}),
      };
      history.push({ id: full.id, direction: 'inbound', contact: full.from, timestamp: full.timestamp, content: full.content });
      const payload = { events: [{ kind: 'message', message: toWire(full) }] };
      return { id: full.id, payload, ...(await post(payload, opts)) };
    },
    async simulateStatus(status: SimulatedStatus, opts?: SimulateOptions): Promise<SimulationResult> {
      const { customer: extra, ...rest } = status;
      const update: Omit<StatusUpdate, 'timestamp'> & { timestamp: Date } = { ...rest, timestamp: status.timestamp ?? new Date() };
      if (extra !== undefined) {
        const address = status.recipient ?? extra.phone ?? extra.bsuid ?? extra.parentBsuid;
        if (address === undefined) throw new TypeError('memory emulator: a simulated status customer needs a recipient or an identifier');
        update.customer = simulatedCustomer(address, extra);
        update.recipient = customerAddress(update.customer);
      }
      const payload = { events: [{ kind: 'status', status: toWire(update) }] };
      return { id: status.messageId, payload, ...(await post(payload, opts)) };
    },
    injectFault: (fault) => server.injectFault(fault),
    clearFaults: () => server.clearFaults(),
    reset() {
      server.reset();
      delivered = [];
      media = new Map();
      templates = [];
      history = [];
      readMarks = [];
    },
    close: () => server.close(),
  };
}

/** What an outbound message looks like in the history (as content). */
function contentOf(message: OutboundMessage): MessageContent {
  switch (message.type) {
    case 'text':
      return { type: 'text', text: message.text };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return { type: message.type, media: { ...('id' in message.media ? { id: message.media.id } : {}), ...('url' in message.media ? { url: message.media.url } : {}), caption: message.caption } };
    case 'location':
      return { type: 'location', latitude: message.latitude, longitude: message.longitude, name: message.name, address: message.address };
    case 'contacts':
      return { type: 'contacts', contacts: message.contacts };
    case 'reaction':
      return { type: 'reaction', messageId: message.messageId, emoji: message.emoji };
    case 'interactive':
    case 'template':
      return { type: 'unsupported', originalType: message.type };
  }
}

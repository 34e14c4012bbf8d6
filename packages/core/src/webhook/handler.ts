import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'eventemitter3';
import { WebhookListenerError, WebhookPayloadError } from '../errors/classes';
import { isWamuxError, type WamuxError } from '../errors/wamux-error';
import type { MessageEvent, ProviderEvent, StatusEvent, WebhookEvent } from '../model/events';
import type { Provider } from '../provider/contract';
import { createMemoryDedupeStore, dedupeKey, type DedupeStore } from './dedupe';
import type { WebhookReply, WebhookRequest } from './request';

/** The events a webhook handler emits. */
export interface WebhookHandlerEvents {
  message: [event: MessageEvent];
  status: [event: StatusEvent];
  provider_event: [event: ProviderEvent];
  /** A delivery was refused (bad signature, bad body) or a listener threw. */
  error: [error: WamuxError];
}

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** Largest body accepted, in bytes; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Drop events already seen (vendors redeliver). `false` turns it off. Default: in memory, last 10 000. */
  dedupe?: DedupeStore | { capacity: number } | false;
}

/** The result of handling one delivery. */
export interface WebhookOutcome {
  /** The HTTP status answered. */
  status: number;
  /** Events emitted (duplicates excluded). */
  events: WebhookEvent[];
  /** Events dropped as duplicates. */
  duplicates: number;
  reply?: WebhookReply | undefined;
  error?: WamuxError | undefined;
}

/**
 * A typed emitter plus three ways to plug it into a server: `fetch` (web
 * standard: Hono, Next.js, Bun, Deno, workers), `node` (node:http, Express,
 * Fastify's raw request) and `handle` (already-read requests).
 */
export interface WebhookHandler extends EventEmitter<WebhookHandlerEvents> {
  /** Handles a web-standard Request. */
  fetch(request: Request): Promise<Response>;
  /** A Node `(req, res)` listener. Reuses a body a framework already read (`req.rawBody` or `req.body` as string/Buffer). */
  node(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Handles a request whose body was already read. */
  handle(request: WebhookRequest): Promise<WebhookOutcome>;
}

/** Creates a {@link WebhookHandler} for one provider. */
export function createWebhookHandler(provider: Provider, options: WebhookHandlerOptions = {}): WebhookHandler {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const dedupe =
    options.dedupe === false
      ? undefined
      : options.dedupe && 'add' in options.dedupe
        ? options.dedupe
        : createMemoryDedupeStore(options.dedupe?.capacity);
  const emitter = new EventEmitter<WebhookHandlerEvents>() as WebhookHandler;

  const fail = (error: unknown): WebhookOutcome => {
    const wamux = isWamuxError(error)
      ? error
      : new WebhookPayloadError('the webhook could not be parsed', { provider: provider.name, cause: error });
    emitter.emit('error', wamux);
    // A misconfigured app is not the vendor's fault: 500, so the vendor retries later.
    const status =
      wamux.code === 'webhook_verification_failed'
        ? 401
        : wamux.code === 'configuration_invalid'
          ? 500
          : wamux.status && wamux.status >= 400 && wamux.status < 500
            ? wamux.status
            : 400;
    return { status, events: [], duplicates: 0, error: wamux };
  };

  const emit = (event: WebhookEvent) => {
    try {
      switch (event.type) {
        case 'message':
          emitter.emit('message', event);
          break;
        case 'status':
          emitter.emit('status', event);
          break;
        case 'provider_event':
          emitter.emit('provider_event', event);
          break;
      }
    } catch (error) {
      // A throwing listener is the app's bug; it must not turn into a 4xx
      // that makes the vendor redeliver everything.
      emitter.emit('error', new WebhookListenerError(`a "${event.type}" listener threw`, { provider: provider.name, cause: error }));
    }
  };

  emitter.handle = async (request) => {
    if (request.method !== 'POST') {
      return { status: 405, events: [], duplicates: 0 };
    }
    if (exceedsBytes(request.body, maxBodyBytes)) {
      return fail(new WebhookPayloadError(`the webhook body is larger than ${maxBodyBytes} bytes`, { provider: provider.name, status: 413 }));
    }
    let parsed;
    try {
      parsed = await provider.parseWebhook(request);
    } catch (error) {
      return fail(error);
    }
    let events = parsed.events;
    let duplicates = 0;
    if (dedupe) {
      events = [];
      for (const event of parsed.events) {
        const key = dedupeKey(event);
        if (key !== undefined && !(await dedupe.add(key))) {
          duplicates += 1;
          continue;
        }
        events.push(event);
      }
    }
    for (const event of events) emit(event);
    return { status: parsed.reply?.status ?? 200, events, duplicates, reply: parsed.reply };
  };

  emitter.fetch = async (request) => {
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > maxBodyBytes) return toResponse(fail(new WebhookPayloadError('the webhook body is too large', { provider: provider.name, status: 413 })));
    const body = await readLimited(request.body, maxBodyBytes);
    if (body === undefined) return toResponse(fail(new WebhookPayloadError('the webhook body is too large', { provider: provider.name, status: 413 })));
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return toResponse(await emitter.handle({ method: request.method, url: request.url, headers, body }));
  };

  emitter.node = async (req, res) => {
    let outcome: WebhookOutcome;
    const preRead = (req as { rawBody?: unknown }).rawBody ?? (req as { body?: unknown }).body;
    let body: string | undefined;
    if (typeof preRead === 'string') body = preRead;
    else if (preRead instanceof Uint8Array) body = new TextDecoder().decode(preRead);
    else if (req.readableEnded || (preRead !== undefined && preRead !== null)) {
      // A body parser (express.json(), Fastify's JSON parser) consumed the
      // stream: the raw bytes a signature covers are gone, and reading would hang.
      outcome = fail(
        new WebhookPayloadError('the request body was already consumed by a body parser; mount the webhook handler before it, or give it the raw body (express.raw(), req.rawBody)', {
          provider: provider.name,
          status: 400,
        }),
      );
      return sendNode(res, outcome);
    } else body = await readNodeBody(req, maxBodyBytes);
    if (body === undefined) {
      outcome = fail(new WebhookPayloadError('the webhook body is too large', { provider: provider.name, status: 413 }));
    } else {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const host = headers.host ?? 'localhost';
      outcome = await emitter.handle({ method: req.method ?? 'GET', url: `http://${host}${(req as { originalUrl?: string }).originalUrl ?? req.url ?? '/'}`, headers, body });
    }
    await sendNode(res, outcome);
  };

  return emitter;
}

async function sendNode(res: ServerResponse, outcome: WebhookOutcome): Promise<void> {
  const response = toResponse(outcome);
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(await response.text());
}

function toResponse(outcome: WebhookOutcome): Response {
  const reply = outcome.reply;
  if (reply?.body !== undefined) {
    const isText = typeof reply.body === 'string';
    return new Response(isText ? (reply.body as string) : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json', ...reply.headers },
    });
  }
  if (outcome.error) {
    return Response.json({ error: { code: outcome.error.code, message: outcome.error.message } }, { status: outcome.status });
  }
  return new Response(outcome.status === 405 ? 'method not allowed' : null, { status: outcome.status, headers: reply?.headers });
}

/** Whether `text` is longer than `limit` bytes in UTF-8, without encoding it when the length alone decides. */
function exceedsBytes(text: string, limit: number): boolean {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes.
  if (text.length * 3 <= limit) return false;
  if (text.length > limit) return true;
  return new TextEncoder().encode(text).byteLength > limit;
}

async function readLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<string | undefined> {
  if (!stream) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(concat(chunks, size));
}

function readNodeBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Uint8Array) => {
      size += chunk.byteLength;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : new TextDecoder().decode(concat(chunks, size))));
    req.on('error', reject);
  });
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

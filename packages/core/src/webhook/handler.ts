import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { EventEmitter } from 'eventemitter3';
import * as v from 'valibot';
import { ConfigurationError, WebhookListenerError, WebhookPayloadError } from '../errors/classes';
import { isWamuxError, type WamuxError } from '../errors/wamux-error';
import type { MessageEvent, ProviderEvent, StatusEvent, WebhookEvent } from '../model/events';
import { parseOptions } from '../model/validate';
import type { Provider, WebhookParseResult } from '../provider/contract';
import { toResponse, writeNodeResponse } from './answer';
import { createMemoryDedupeStore, type DedupeStore } from './dedupe';
import { callListeners } from './listeners';
import { processEvents, type EventProcessing, type ProcessedEvents } from './process-events';
import { createMemoryStatusOrderStore, type StatusOrderStore } from './status-order';
import { readNodeBody, readWebBody, type BodyLimits, type BodyRead } from './read-body';
import { LoggerOptionSchema, resolveLogger, type Logger } from '../telemetry/logger';
import { traceDelivery } from '../telemetry/webhook-span';
import type { WebhookReply, WebhookRequest } from './request';

/** The events a webhook handler emits. */
export interface WebhookHandlerEvents {
  message: [event: MessageEvent];
  status: [event: StatusEvent];
  provider_event: [event: ProviderEvent];
  /**
   * A delivery was refused (bad signature, bad body, too large, too slow),
   * or processing an event failed (`WebhookListenerError`: a listener threw,
   * rejected or missed the deadline, or the dedupe store failed).
   */
  error: [error: WamuxError];
  /**
   * One delivery was handled: its outcome (the status answered, the events
   * processed, failed and skipped), emitted before the answer is written.
   * For dashboards and logs; what a listener of it throws is ignored.
   */
  delivery: [outcome: WebhookOutcome];
}

/** Options of {@link createWebhookHandler}. */
export interface WebhookHandlerOptions {
  /** Largest body accepted, in bytes; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /** How long `fetch()` and `node()` wait for the whole body, in ms; a slower one gets 408. Default 10 000. */
  bodyTimeout?: number | undefined;
  /**
   * How long the listeners of one delivery may take in all, in ms. Past it
   * the delivery is answered 503 (the vendor redelivers) without waiting
   * for them. Default 4 000, under the shortest deadline vendors give a
   * webhook answer (5 s).
   */
  listenerTimeout?: number | undefined;
  /**
   * Process each event once although vendors redeliver. Default: in memory,
   * the last 10 000 processed events. `{ capacity }`: in memory, the last
   * `capacity`. A {@link DedupeStore}: your own (shared by several
   * processes). `false`: every delivery's events run.
   */
  dedupe?: DedupeStore | { capacity: number } | false | undefined;
  /**
   * Keep each message's status moving forward: a status the message is
   * already past (a `delivered` after `read`) is not emitted, and the
   * statuses of one message are processed one at a time. It replaces
   * `dedupe` for `status` events. Default: in memory, the last 10 000
   * messages, unless `dedupe` is `false`. A {@link StatusOrderStore}: your
   * own (shared by several processes). `false`: statuses are deduplicated
   * by message and status only.
   */
  statusOrder?: StatusOrderStore | { capacity: number } | false | undefined;
  /**
   * Where refused deliveries, listener failures, missed deadlines and store
   * failures are told, and each delivery's answer at `debug` (`console`
   * fits). Silent by default. Lines carry event types, counts and error
   * codes; never a phone number, a message text or a secret.
   */
  logger?: Logger | undefined;
}

/** The result of handling one delivery. */
export interface WebhookOutcome {
  /** The HTTP status answered. */
  status: number;
  /** Events processed: every listener succeeded (duplicates excluded). */
  events: WebhookEvent[];
  /**
   * Events not processed, so not recorded as seen: a listener threw or
   * rejected, the listener deadline passed before or while they ran, or the
   * dedupe store failed. The vendor's redelivery runs them again.
   */
  failed: WebhookEvent[];
  /** Events skipped as already processed. */
  duplicates: number;
  /** Events skipped because another delivery of them is being processed right now (answered 503). */
  inFlight: number;
  /** The adapter's reply (sent when the delivery succeeded). */
  reply?: WebhookReply | undefined;
  /** Why the delivery was refused, or the first failure processing it. */
  error?: WamuxError | undefined;
  /** For a 503: seconds the vendor should wait before delivering again (the `Retry-After` header). */
  retryAfter?: number | undefined;
}

/**
 * A typed emitter plus three ways to plug it into a server: `fetch` (web
 * standard: Hono, Next.js, Bun, Deno, workers), `node` (node:http, Express,
 * Fastify's raw request) and `handle` (already-read requests). None of them
 * rejects. Each hands a request other than a POST to the provider's
 * `verifySubscription` (a vendor's subscription handshake, answered with
 * its reply; 403 for a wrong token; 405 when it is no handshake).
 */
export interface WebhookHandler extends EventEmitter<WebhookHandlerEvents> {
  /** Handles a web-standard Request. */
  fetch(request: Request): Promise<Response>;
  /** A Node `(req, res)` listener. Reuses a body a framework already read (`req.rawBody` or `req.body` as string/Buffer). */
  node(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Handles a request whose body was already read. */
  handle(request: WebhookRequest): Promise<WebhookOutcome>;
}

/** Whether `value` has a store's claim, complete and release methods (a DedupeStore or a StatusOrderStore). */
const isClaimStore = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  ['claim', 'complete', 'release'].every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
const isDedupeStore = (value: unknown): value is DedupeStore => isClaimStore(value);
const isStatusOrderStore = (value: unknown): value is StatusOrderStore => isClaimStore(value);

const positive = (unit: string) =>
  v.optional(v.pipe(v.number(`must be a number of ${unit}`), v.integer(`must be a whole number of ${unit}`), v.minValue(1, `must be at least 1 ${unit}`)));

const OptionsSchema = v.object({
  logger: LoggerOptionSchema,
  maxBodyBytes: positive('bytes'),
  bodyTimeout: positive('ms'),
  listenerTimeout: positive('ms'),
  dedupe: v.optional(
    v.union(
      [v.literal(false), v.custom<DedupeStore>(isDedupeStore), v.object({ capacity: v.pipe(v.number(), v.integer(), v.minValue(1)) })],
      'must be false, { capacity: n } or a DedupeStore (claim, complete, release)',
    ),
  ),
  statusOrder: v.optional(
    v.union(
      [v.literal(false), v.custom<StatusOrderStore>(isStatusOrderStore), v.object({ capacity: v.pipe(v.number(), v.integer(), v.minValue(1)) })],
      'must be false, { capacity: n } or a StatusOrderStore (claim, complete, release)',
    ),
  ),
});

/** The outcome of a delivery whose events were not looked at. */
const untouched = (status: number, error?: WamuxError): WebhookOutcome => ({ status, events: [], failed: [], duplicates: 0, inFlight: 0, error });

/**
 * Creates a {@link WebhookHandler} for one provider. Delivery is at least
 * once and acknowledged after processing: the answer waits for every
 * listener of every event (async ones included); a listener that fails
 * makes the answer a 500, so the vendor redelivers, and its event runs
 * again then. Throws a `ConfigurationError` for an invalid option.
 */
export function createWebhookHandler(provider: Provider, options: WebhookHandlerOptions = {}): WebhookHandler {
  const settings = parseOptions(OptionsSchema, options, provider.name);
  const maxBodyBytes = settings.maxBodyBytes ?? 1024 * 1024;
  const limits: BodyLimits = { maxBytes: maxBodyBytes, timeoutMs: settings.bodyTimeout ?? 10_000 };
  const listenerTimeout = settings.listenerTimeout ?? 4_000;
  const retryAfter = Math.ceil(listenerTimeout / 1000);
  const dedupe = settings.dedupe === false ? undefined : isDedupeStore(settings.dedupe) ? settings.dedupe : createMemoryDedupeStore(settings.dedupe?.capacity);
  const statusOrder =
    settings.statusOrder === false || (settings.statusOrder === undefined && settings.dedupe === false)
      ? undefined
      : isStatusOrderStore(settings.statusOrder)
        ? settings.statusOrder
        : createMemoryStatusOrderStore(settings.statusOrder?.capacity === undefined ? {} : { capacity: settings.statusOrder.capacity });
  const emitter = new EventEmitter<WebhookHandlerEvents>() as WebhookHandler;
  const logger = resolveLogger(settings.logger);

  // Error listeners are called like the others, so one that throws or
  // rejects is contained too (it is not reported: there is nowhere left).
  const report = (error: WamuxError) => void callListeners(emitter as EventEmitter, 'error', error);
  const processing: EventProcessing = {
    emitter: emitter as EventEmitter,
    provider: provider.name,
    dedupe,
    statusOrder,
    listenerTimeout,
    // A claim outlives the deadline by a margin for the store's own latency.
    leaseMs: listenerTimeout + 2_000,
    report,
    logger,
  };

  /** The outcome of a refused delivery; the error is reported. */
  const refuse = (error: unknown): WebhookOutcome => {
    const wamux = isWamuxError(error) ? error : new WebhookPayloadError('the webhook could not be parsed', { provider: provider.name, cause: error });
    report(wamux);
    logger.warn(`wamux: a ${provider.name} webhook delivery was refused (${wamux.code})`, {
      provider: provider.name,
      code: wamux.code,
      field: (wamux as { field?: string }).field,
    });
    // A misconfigured app, or an app callback that failed while the adapter
    // built its answer, is not the vendor's fault: 500, so the vendor retries later.
    const status =
      wamux.code === 'webhook_verification_failed'
        ? 401
        : wamux.code === 'configuration_invalid' || wamux.code === 'webhook_listener_failed'
          ? 500
          : wamux.status && wamux.status >= 400 && wamux.status < 500
            ? wamux.status
            : 400;
    return untouched(status, wamux);
  };

  const bodyError = (read: Exclude<BodyRead, { ok: true }>): WebhookOutcome => {
    const payloadError = (message: string, status: number, cause?: unknown) =>
      refuse(new WebhookPayloadError(message, { provider: provider.name, status, cause }));
    switch (read.reason) {
      case 'too_large':
        return payloadError(`the webhook body is too large (over ${maxBodyBytes} bytes)`, 413);
      case 'timeout':
        return payloadError(`the webhook body did not arrive within ${limits.timeoutMs} ms (bodyTimeout)`, 408);
      case 'aborted':
        return read.requestTimeout
          ? payloadError("the webhook body did not arrive within the server's requestTimeout", 408)
          : payloadError('the client closed the connection before the whole webhook body arrived', 400);
      case 'failed':
        return payloadError('the webhook body could not be read', 400, read.cause);
    }
  };

  /** A 500 for an answer that could not be built (an adapter reply that is not valid HTTP). */
  const unanswerable = (cause: unknown): WebhookOutcome =>
    refuse(new ConfigurationError('reply', 'the webhook answer could not be built', { provider: provider.name, cause }));

  emitter.handle = (request) =>
    traceDelivery(
      provider.name,
      (span) => handleDelivery(request, span),
      (outcome) => {
        logger.debug(`wamux: ${provider.name} webhook answered ${outcome.status}`, {
          provider: provider.name,
          status: outcome.status,
          events: outcome.events.length,
          failed: outcome.failed.length,
          duplicates: outcome.duplicates,
          inFlight: outcome.inFlight,
        });
        try {
          emitter.emit('delivery', outcome);
        } catch {
          // An observer that throws does not change the answer.
        }
        return { ...outcome, statusDrops: statusDrops.get(outcome) ?? 0, errorType: outcome.error?.code };
      },
    );

  // Status-order drops are told to the telemetry only, not in the outcome.
  const statusDrops = new WeakMap<WebhookOutcome, number>();

  /**
   * A request other than a POST: the vendor's subscription handshake (Meta's
   * verification GET) when the provider recognises one, else 405. A wrong
   * verify token is refused with 403, as the vendors that send one expect.
   */
  const handshake = (request: WebhookRequest): WebhookOutcome => {
    let reply: WebhookReply | undefined;
    try {
      // Optional call: a hand-built Provider (a router, a test double) may lack it.
      reply = provider.verifySubscription?.(request);
    } catch (error) {
      const refused = refuse(error);
      return refused.error?.code === 'webhook_verification_failed' ? { ...refused, status: 403 } : refused;
    }
    if (reply === undefined) return untouched(405);
    return { ...untouched(reply.status), reply };
  };

  const handleDelivery = async (request: WebhookRequest, span: Span | undefined): Promise<WebhookOutcome> => {
    if (request.method !== 'POST') return handshake(request);
    if (exceedsBytes(request.body, maxBodyBytes)) return bodyError({ ok: false, reason: 'too_large' });
    let parsed: WebhookParseResult;
    try {
      parsed = await provider.parseWebhook(request);
    } catch (error) {
      return refuse(error);
    }
    let done: ProcessedEvents;
    try {
      done = await processEvents(parsed.events, processing, span);
    } catch (error) {
      // processEvents contains every failure it knows of; this is the net under it.
      const failure = new WebhookListenerError('the delivery could not be processed', { provider: provider.name, cause: error });
      report(failure);
      return { ...untouched(500, failure), failed: [...parsed.events] };
    }
    const outcome = { events: done.processed, failed: done.failed, duplicates: done.duplicates, inFlight: done.inFlight };
    const answered: WebhookOutcome = done.listenerFailure
      ? { status: 500, ...outcome, error: done.listenerFailure }
      : done.unavailable || done.inFlight > 0
        ? { status: 503, ...outcome, error: done.unavailable, retryAfter }
        : { status: parsed.reply?.status ?? 200, ...outcome, reply: parsed.reply };
    if (done.statusDrops > 0) statusDrops.set(answered, done.statusDrops);
    return answered;
  };

  emitter.fetch = async (request) => {
    try {
      return toResponse(await fetchOutcome(request));
    } catch (error) {
      return toResponse(unanswerable(error));
    }
  };

  const fetchOutcome = async (request: Request): Promise<WebhookOutcome> => {
    // A handshake carries its data in the query; its body (if any) is not read.
    if (request.method !== 'POST') return emitter.handle({ method: request.method, url: request.url, headers: headersOf(request.headers), body: '' });
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > maxBodyBytes) return bodyError({ ok: false, reason: 'too_large' });
    const read = await readWebBody(request.body, limits);
    if (!read.ok) return bodyError(read);
    return emitter.handle({ method: request.method, url: request.url, headers: headersOf(request.headers), body: read.body });
  };

  emitter.node = async (req, res) => {
    try {
      const { outcome, close } = await nodeOutcome(req);
      await writeNodeResponse(res, toResponse(outcome), close);
    } catch (error) {
      try {
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        await writeNodeResponse(res, toResponse(unanswerable(error)), true);
      } catch {
        res.destroy();
      }
    }
  };

  const nodeOutcome = async (req: IncomingMessage): Promise<{ outcome: WebhookOutcome; close?: boolean }> => {
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const url = `http://${headers.host ?? 'localhost'}${(req as { originalUrl?: string }).originalUrl ?? req.url ?? '/'}`;
    // A handshake carries its data in the query; its body (if any) is not read.
    if (method !== 'POST') return { outcome: await emitter.handle({ method, url, headers, body: '' }) };
    const preRead = (req as { rawBody?: unknown }).rawBody ?? (req as { body?: unknown }).body;
    let body: string;
    if (typeof preRead === 'string') body = preRead;
    else if (preRead instanceof Uint8Array) body = new TextDecoder().decode(preRead);
    else if (req.readableEnded || (preRead !== undefined && preRead !== null)) {
      // A body parser (express.json(), Fastify's JSON parser) consumed the
      // stream: the raw bytes a signature covers are gone, and reading would hang.
      const message =
        'the request body was already consumed by a body parser; mount the webhook handler before it, or give it the raw body (express.raw(), req.rawBody)';
      return { outcome: refuse(new WebhookPayloadError(message, { provider: provider.name, status: 400 })) };
    } else {
      const read = await readNodeBody(req, limits);
      // An answer before the end of the body: close the connection rather than read the rest.
      if (!read.ok) return { outcome: bodyError(read), close: read.reason !== 'too_large' };
      body = read.body;
    }
    return { outcome: await emitter.handle({ method, url, headers, body }) };
  };

  return emitter;
}

/** A web `Headers` as a plain object (its names are lower case already). */
function headersOf(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, name) => {
    plain[name] = value;
  });
  return plain;
}

/** Whether `text` is longer than `limit` bytes in UTF-8, without encoding it when the length alone decides. */
function exceedsBytes(text: string, limit: number): boolean {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes.
  if (text.length * 3 <= limit) return false;
  if (text.length > limit) return true;
  return new TextEncoder().encode(text).byteLength > limit;
}

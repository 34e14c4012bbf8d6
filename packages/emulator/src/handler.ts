import { isSecretKey } from '@wamux/core/adapter';
import type { EmulatorFault, RecordedRequest } from './types';

/** A request as an emulator route sees it. */
export interface EmulatorRequest {
  method: string;
  /** The path below the API base path, e.g. `/messages/123`. */
  path: string;
  url: URL;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Raw body bytes. */
  bytes: Uint8Array;
  /** The body as text. */
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
  /** The body parsed as a form, for multipart/form-data and urlencoded requests. */
  form: FormData | undefined;
}

/** What a route answers. */
export interface EmulatorResponse {
  status?: number;
  /** A JSON body (sets content-type). */
  json?: unknown;
  /** A raw body. */
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A route: method, a path pattern with `:params` (below the base path), a handler. */
export interface EmulatorRoute {
  method: string;
  pattern: string;
  handler: (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;
  /** Skips `authenticate` (login endpoints). */
  public?: boolean;
}

/** Options of {@link createEmulatorHandler}. */
export interface EmulatorHandlerOptions {
  /** The API's path prefix, e.g. `/api/v1`. */
  basePath?: string | undefined;
  routes: readonly EmulatorRoute[];
  /** Returns false to answer 401 (through `renderError`). */
  authenticate?: ((request: EmulatorRequest) => boolean) | undefined;
  /** Renders an error in the vendor's error body format. */
  renderError: (status: number, info: { message: string; code?: string; retryAfter?: number }) => EmulatorResponse;
  /** Enforces a fixed-window rate limit with `X-RateLimit-*` headers and 429 + `Retry-After`. */
  rateLimit?: { requests: number; interval: number } | undefined;
}

/** A request as it arrived, before routing: what both transports (a socket, a `fetch` call) hand over. */
export interface IncomingEmulatorRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  bytes: Uint8Array;
  /** Aborts when the client has gone (ends a `delay` fault early). */
  signal: AbortSignal;
}

/** What the emulator does with a request: answer it, or drop the connection without an answer. */
export type EmulatorOutcome = { type: 'respond'; response: EmulatorResponse } | { type: 'drop' };

/**
 * The emulator without a socket: routing, auth, vendor error bodies,
 * request recording, rate limiting and fault injection, reachable through
 * `fetch` (give it to a provider as its `fetch` option: no port, no
 * network, the same code path as over HTTP).
 */
export interface EmulatorHandler {
  /** A `fetch` that answers from this emulator in process; the URL's origin is ignored. */
  readonly fetch: typeof globalThis.fetch;
  /** Routes one request (what a transport calls). */
  respond(request: IncomingEmulatorRequest): Promise<EmulatorOutcome>;
  requests(): RecordedRequest[];
  injectFault(fault: EmulatorFault): void;
  clearFaults(): void;
  /** Forgets recorded requests, faults and the rate-limit window. */
  reset(): void;
  /** Changes the enforced rate limit (or removes it with `undefined`). */
  setRateLimit(limit: { requests: number; interval: number } | undefined): void;
}

type ActiveFault = EmulatorFault & { remaining: number };

/** Builds the emulator's request handler. {@link createEmulatorServer} puts it behind a socket. */
export function createEmulatorHandler(options: EmulatorHandlerOptions): EmulatorHandler {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const routes = options.routes.map((route) => ({ ...route, matcher: compile(route.pattern) }));
  let recorded: RecordedRequest[] = [];
  let faults: ActiveFault[] = [];
  let rateLimit = options.rateLimit;
  let window = { start: Date.now(), count: 0 };
  const respond = (response: EmulatorResponse): EmulatorOutcome => ({ type: 'respond', response });

  const handle = async (incoming: IncomingEmulatorRequest): Promise<EmulatorOutcome> => {
    const { url, headers, bytes } = incoming;
    const text = new TextDecoder().decode(bytes);
    const contentType = headers['content-type'] ?? '';
    let json: unknown;
    let form: FormData | undefined;
    if (/multipart\/form-data|application\/x-www-form-urlencoded/i.test(contentType)) {
      form = await new Request(url, { method: 'POST', headers: { 'content-type': contentType }, body: bytes as Uint8Array<ArrayBuffer> })
        .formData()
        .catch(() => undefined);
    } else if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
    const request: EmulatorRequest = { method: incoming.method, path, url, params: {}, query: url.searchParams, headers, bytes, text, json, form };
    recorded.push({
      method: request.method,
      path: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSecretKey(k) ? '[redacted]' : v])),
      body: form ? describeForm(form) : (json ?? (text === '' ? undefined : text)),
      at: new Date(),
    });

    const fault = faults.find((f) => f.remaining > 0 && matches(f, request.method, url.pathname));
    if (fault) {
      fault.remaining -= 1;
      faults = faults.filter((f) => f.remaining > 0);
      if (fault.type === 'drop_connection') return { type: 'drop' };
      if (fault.type === 'delay') {
        await waitOrAbort(fault.ms, incoming.signal);
        if (incoming.signal.aborted) return { type: 'drop' };
      } else {
        const info = {
          message: fault.message ?? `injected HTTP ${fault.status}`,
          ...(fault.code !== undefined ? { code: fault.code } : {}),
          ...(fault.retryAfter !== undefined ? { retryAfter: fault.retryAfter } : {}),
        };
        const rendered = options.renderError(fault.status, info);
        return respond({
          ...rendered,
          headers: { ...rendered.headers, ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}) },
        });
      }
    }

    const route = routes.find((r) => r.method === request.method && r.matcher(path) !== undefined);
    if (!route) {
      const known = routes.some((r) => r.matcher(path) !== undefined);
      return respond(options.renderError(known ? 405 : 404, { message: known ? 'method not allowed' : `no route for ${request.method} ${path}` }));
    }
    request.params = route.matcher(path) ?? {};
    if (!route.public && options.authenticate && !options.authenticate(request)) return respond(options.renderError(401, { message: 'authentication failed' }));

    const limitHeaders: Record<string, string> = {};
    if (rateLimit) {
      const now = Date.now();
      if (now - window.start >= rateLimit.interval) window = { start: now, count: 0 };
      const resetAt = window.start + rateLimit.interval;
      limitHeaders['x-ratelimit-limit'] = String(rateLimit.requests);
      limitHeaders['x-ratelimit-reset'] = String(Math.ceil(resetAt / 1000));
      if (window.count >= rateLimit.requests) {
        const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000));
        const rendered = options.renderError(429, { message: 'too many requests', retryAfter });
        return respond({ ...rendered, headers: { ...rendered.headers, ...limitHeaders, 'x-ratelimit-remaining': '0', 'retry-after': String(retryAfter) } });
      }
      window.count += 1;
      limitHeaders['x-ratelimit-remaining'] = String(rateLimit.requests - window.count);
    }

    const response = await route.handler(request);
    return respond({ ...response, headers: { ...limitHeaders, ...response.headers } });
  };

  const safely = (incoming: IncomingEmulatorRequest): Promise<EmulatorOutcome> =>
    handle(incoming).catch((error: unknown) => respond(options.renderError(500, { message: error instanceof Error ? error.message : 'emulator failure' })));

  return {
    fetch: (input, init) => fetchFrom(safely, new Request(input, init)),
    respond: safely,
    requests: () => [...recorded],
    injectFault(fault) {
      faults.push({ ...fault, remaining: fault.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    reset() {
      recorded = [];
      faults = [];
      window = { start: Date.now(), count: 0 };
    },
    setRateLimit(limit) {
      rateLimit = limit;
      window = { start: Date.now(), count: 0 };
    },
  };
}

/**
 * One `fetch` call answered in process. A dropped connection rejects as
 * undici does (`TypeError: fetch failed`, caused by `ECONNRESET`), so the
 * client classifies it exactly as it would over a socket.
 */
async function fetchFrom(respond: (incoming: IncomingEmulatorRequest) => Promise<EmulatorOutcome>, request: Request): Promise<Response> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const bytes = new Uint8Array(await request.arrayBuffer());
  const outcome = await respond({ method: request.method, url: new URL(request.url), headers, bytes, signal: request.signal });
  if (request.signal.aborted) throw request.signal.reason;
  if (outcome.type === 'drop') throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'ECONNRESET' }) });
  const { status, headers: responseHeaders, body } = encode(outcome.response);
  return new Response(status === 204 || status === 304 ? null : (body as ConstructorParameters<typeof Response>[0]), { status, headers: responseHeaders });
}

/** A route's answer as status, headers and body bytes (JSON serialized, its content type set). */
export function encode(response: EmulatorResponse): { status: number; headers: Record<string, string>; body: string | Uint8Array } {
  const headers: Record<string, string> = { ...response.headers };
  let body: string | Uint8Array = '';
  if (response.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(response.json);
  } else if (response.body !== undefined) {
    body = response.body;
  }
  return { status: response.status ?? 200, headers, body };
}

/** Waits `ms`, or less when `signal` aborts first (a client that timed out leaves no timer behind). */
function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    if (signal.aborted) done();
  });
}

function matches(fault: EmulatorFault, method: string, pathname: string): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  return fault.exactPath ? pathname === fault.path || pathname.endsWith(fault.path) : pathname.includes(fault.path);
}

/** Compiles `/messages/:id` into a matcher returning the params, or `undefined`. */
function compile(pattern: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  // Trailing slashes are optional: vendors differ, clients differ.
  const regex = new RegExp(`^${source}/?$`);
  return (path) => {
    const match = regex.exec(path);
    if (!match) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] as string)]));
  };
}

function describeForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  form.forEach((value, key) => {
    out[key] = typeof value === 'string' ? value : { filename: value.name, mimeType: value.type, size: value.size };
  });
  return out;
}

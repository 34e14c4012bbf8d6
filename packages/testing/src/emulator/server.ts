import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isSecretKey } from '@wamux/core';
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

/** Options of {@link createEmulatorServer}. */
export interface EmulatorServerOptions {
  /** The API's path prefix, e.g. `/api/v1`. */
  basePath?: string;
  routes: readonly EmulatorRoute[];
  /** Returns false to answer 401 (through `renderError`). */
  authenticate?: (request: EmulatorRequest) => boolean;
  /** Renders an error in the vendor's error body format. */
  renderError: (status: number, info: { message: string; code?: string; retryAfter?: number }) => EmulatorResponse;
  /** Enforces a fixed-window rate limit with `X-RateLimit-*` headers and 429 + `Retry-After`. */
  rateLimit?: { requests: number; interval: number } | undefined;
  /** Interface to listen on. Default 127.0.0.1 (tests only ever talk to loopback). */
  host?: string;
  port?: number;
}

/** A running emulator HTTP server. */
export interface EmulatorServer {
  /** `http://127.0.0.1:<port><basePath>` */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The underlying node server (to attach a websocket server). */
  readonly httpServer: Server;
  requests(): RecordedRequest[];
  injectFault(fault: EmulatorFault): void;
  clearFaults(): void;
  /** Forgets recorded requests, faults and the rate-limit window. */
  reset(): void;
  /** Changes the enforced rate limit (or removes it with `undefined`). */
  setRateLimit(limit: { requests: number; interval: number } | undefined): void;
  close(): Promise<void>;
}

type ActiveFault = EmulatorFault & { remaining: number };

/**
 * The HTTP server every emulator is built on: routing, auth, vendor error
 * bodies, request recording, rate limiting and fault injection. Listens on
 * 127.0.0.1 and a free port.
 */
export async function createEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const routes = options.routes.map((route) => ({ ...route, matcher: compile(route.pattern) }));
  let recorded: RecordedRequest[] = [];
  let faults: ActiveFault[] = [];
  let rateLimit = options.rateLimit;
  let window = { start: Date.now(), count: 0 };

  const send = (res: ServerResponse, response: EmulatorResponse) => {
    const headers: Record<string, string> = { ...response.headers };
    let body: string | Uint8Array = '';
    if (response.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(response.json);
    } else if (response.body !== undefined) {
      body = response.body;
    }
    res.writeHead(response.status ?? 200, headers);
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const text = new TextDecoder().decode(bytes);
    const contentType = headers['content-type'] ?? '';
    let json: unknown;
    let form: FormData | undefined;
    if (/multipart\/form-data|application\/x-www-form-urlencoded/i.test(contentType)) {
      form = await new Request(url, { method: 'POST', headers: { 'content-type': contentType }, body: bytes as Uint8Array<ArrayBuffer> }).formData().catch(() => undefined);
    } else if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
    const request: EmulatorRequest = { method: req.method ?? 'GET', path, url, params: {}, query: url.searchParams, headers, bytes, text, json, form };
    recorded.push({
      method: request.method,
      path: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSecretKey(k) ? '[redacted]' : v])),
      body: form ? describeForm(form) : (json ?? (text === '' ? undefined : text)),
      at: new Date(),
    });

    const fault = faults.find((f) => f.remaining > 0 && (f.path === undefined || url.pathname.includes(f.path)));
    if (fault) {
      fault.remaining -= 1;
      faults = faults.filter((f) => f.remaining > 0);
      if (fault.type === 'drop_connection') {
        req.socket.destroy();
        return;
      }
      if (fault.type === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        if (req.socket.destroyed) return;
      } else {
        const rendered = options.renderError(fault.status, { message: `injected HTTP ${fault.status}`, ...(fault.retryAfter !== undefined ? { retryAfter: fault.retryAfter } : {}) });
        send(res, { ...rendered, headers: { ...rendered.headers, ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}) } });
        return;
      }
    }

    const route = routes.find((r) => r.method === request.method && r.matcher(path) !== undefined);
    if (!route) {
      const known = routes.some((r) => r.matcher(path) !== undefined);
      send(res, options.renderError(known ? 405 : 404, { message: known ? 'method not allowed' : `no route for ${request.method} ${path}` }));
      return;
    }
    request.params = route.matcher(path) ?? {};
    if (!route.public && options.authenticate && !options.authenticate(request)) {
      send(res, options.renderError(401, { message: 'authentication failed' }));
      return;
    }

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
        send(res, { ...rendered, headers: { ...rendered.headers, ...limitHeaders, 'x-ratelimit-remaining': '0', 'retry-after': String(retryAfter) } });
        return;
      }
      window.count += 1;
      limitHeaders['x-ratelimit-remaining'] = String(rateLimit.requests - window.count);
    }

    const response = await route.handler(request);
    send(res, { ...response, headers: { ...limitHeaders, ...response.headers } });
  };

  const httpServer = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, options.renderError(500, { message: error instanceof Error ? error.message : 'emulator failure' }));
      else res.destroy();
    });
  });
  httpServer.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;

  return {
    url: `${origin}${basePath}`,
    origin,
    httpServer,
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
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      }),
  };
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

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)) as Uint8Array<ArrayBuffer>));
    req.on('error', reject);
  });
}

function describeForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  form.forEach((value, key) => {
    out[key] = typeof value === 'string' ? value : { filename: value.name, mimeType: value.type, size: value.size };
  });
  return out;
}

/** Posts a JSON webhook body to `url` (what an emulator does when it simulates a delivery). */
export async function postWebhook(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; responseBody: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, responseBody: await response.text() };
}

/** A sequential id generator with a prefix, for emulator message and media ids. */
export function idGenerator(prefix: string): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}${next.toString().padStart(6, '0')}`;
  };
}

import type { EmulatorRequest, EmulatorResponse, EmulatorRoute } from '@wamux/emulator';
import { emulatedPaths, type EmulatedOperation } from './paths';

// Helpers the operation routes share: the route pattern of an operation,
// DRF-style answers, request bodies in any of the three encodings get.chat
// accepts, and `{count, next, previous, results}` pages.

/** A route for a table operation: its method and its (default) path as a `:param` pattern. */
export function operationRoute(operation: EmulatedOperation, handler: EmulatorRoute['handler'], extra: { public?: boolean } = {}): EmulatorRoute {
  const { method, path } = emulatedPaths[operation];
  return { method, pattern: path.replace(/\{(\w+)\}/g, ':$1'), handler, ...extra };
}

/** A JSON answer. */
export function ok(json: unknown, status = 200): EmulatorResponse {
  return { status, json };
}

/** An empty `204 No Content`, as DRF answers a DELETE. */
export function noContent(): EmulatorResponse {
  return { status: 204 };
}

/** DRF's `404 {"detail": "Not found."}`. */
export function notFound(): EmulatorResponse {
  return { status: 404, json: { detail: 'Not found.' } };
}

/** DRF's field errors: `400 {"field": ["message"]}`. */
export function fieldErrors(errors: Record<string, string>): EmulatorResponse {
  return { status: 400, json: Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, [message]])) };
}

/**
 * The request body as an object: JSON, or the fields of a urlencoded /
 * multipart form (files as `File`). get.chat accepts all three encodings.
 */
export function bodyOf(request: EmulatorRequest): Record<string, unknown> {
  if (request.form) {
    const out: Record<string, unknown> = {};
    request.form.forEach((value, key) => {
      out[key] = value;
    });
    return out;
  }
  return typeof request.json === 'object' && request.json !== null && !Array.isArray(request.json) ? (request.json as Record<string, unknown>) : {};
}

/** The API base URL as the client sees it (`http://127.0.0.1:<port>/api/v1`). */
export function apiBase(request: EmulatorRequest): string {
  const base = request.url.pathname.slice(0, request.url.pathname.length - request.path.length);
  return `http://${request.headers.host ?? request.url.host}${base}`;
}

/** A query parameter as an integer, or `undefined` when absent or not one. */
export function intParam(request: EmulatorRequest, name: string): number | undefined {
  const value = request.query.get(name);
  if (value === null || !/^-?\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** A query parameter as a boolean (`true`/`1`), or `undefined` when absent. */
export function boolParam(request: EmulatorRequest, name: string): boolean | undefined {
  const value = request.query.get(name);
  if (value === null) return undefined;
  return ['true', '1', 'True'].includes(value);
}

/** The default page size, as DRF's `PAGE_SIZE` would set it. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * One `{count, next, previous, results}` page of `items` for the request's
 * `limit` and `offset`, with absolute `next`/`previous` links.
 */
export function page(request: EmulatorRequest, items: readonly unknown[]): EmulatorResponse {
  const limit = Math.max(1, intParam(request, 'limit') ?? DEFAULT_PAGE_SIZE);
  const offset = Math.max(0, intParam(request, 'offset') ?? 0);
  const link = (at: number) => {
    const url = new URL(`${apiBase(request)}${request.path}`);
    for (const [key, value] of request.query) url.searchParams.set(key, value);
    url.searchParams.set('limit', String(limit));
    url.searchParams.set('offset', String(at));
    return url.toString();
  };
  return ok({
    count: items.length,
    next: offset + limit < items.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    results: items.slice(offset, offset + limit),
  });
}

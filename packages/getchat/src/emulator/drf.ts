import type { EmulatorRequest, EmulatorResponse } from '@wamux/emulator';

// get.chat is a Django REST Framework application: these helpers answer the
// way DRF does (error bodies, `{count, next, previous, results}` pages).

/** The default page size of the emulator's lists (small, so tests cross pages). */
export const DEFAULT_PAGE_SIZE = 20;

/** A DRF error body: `{detail}` for request-level errors. */
export function drfError(status: number, detail: string, headers?: Record<string, string>): EmulatorResponse {
  return { status, json: { detail }, ...(headers ? { headers } : {}) };
}

/** A DRF validation error: `{field: [message]}` with 400. */
export function drfFieldError(field: string, message: string): EmulatorResponse {
  return { status: 400, json: { [field]: [message] } };
}

/** How the emulator server renders its own errors (auth, faults, rate limit, unknown routes). */
export function renderDrfError(status: number, info: { message: string; retryAfter?: number }): EmulatorResponse {
  if (status === 401) return drfError(401, 'Invalid token.');
  if (status === 404) return drfError(404, 'Not found.');
  if (status === 405) return drfError(405, 'Method not allowed.');
  if (status === 429) return drfError(429, `Request was throttled. Expected available in ${info.retryAfter ?? 1} seconds.`);
  return drfError(status, info.message);
}

/** A non-negative integer query parameter, or `undefined`. */
export function intParam(request: EmulatorRequest, name: string): number | undefined {
  const raw = request.query.get(name);
  if (raw === null || raw === '' || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

/** A boolean query parameter as DRF reads it (`true`/`1` vs `false`/`0`), or `undefined`. */
export function boolParam(request: EmulatorRequest, name: string): boolean | undefined {
  const raw = request.query.get(name)?.toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  return raw === 'true' || raw === '1';
}

/** One `limit`/`offset` page of `items` as DRF's LimitOffsetPagination answers it. */
export function drfPage<T>(request: EmulatorRequest, items: readonly T[], render: (item: T) => unknown = (item) => item): EmulatorResponse {
  const limit = intParam(request, 'limit') || DEFAULT_PAGE_SIZE;
  const offset = intParam(request, 'offset') ?? 0;
  const link = (at: number) => {
    const url = new URL(request.url);
    if (request.headers.host) url.host = request.headers.host;
    url.searchParams.set('limit', String(limit));
    url.searchParams.set('offset', String(at));
    return url.toString();
  };
  return {
    json: {
      count: items.length,
      next: offset + limit < items.length ? link(offset + limit) : null,
      previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
      results: items.slice(offset, offset + limit).map(render),
    },
  };
}

/** The rate-limit state a vendor reported in its response headers. */
export interface RateLimitInfo {
  /** Requests allowed per window (`X-RateLimit-Limit`). */
  limit?: number | undefined;
  /** Requests left in this window (`X-RateLimit-Remaining`). */
  remaining?: number | undefined;
  /** When the window resets (`X-RateLimit-Reset`, epoch seconds or milliseconds, or seconds from now). */
  reset?: Date | undefined;
  /**
   * How precise `reset` is, in ms: 1000 when the vendor sent whole seconds
   * (the window may reset up to a second before `reset`), 1 for milliseconds.
   */
  resetPrecision?: number | undefined;
  /** How long the vendor asked to wait, in ms (`Retry-After`). */
  retryAfter?: number | undefined;
}

type HeaderSource = Pick<Headers, 'get'>;

/**
 * Parses `Retry-After`: delta seconds (`"120"`, `"1.5"`) or an HTTP date.
 * Returns milliseconds from `now`, never negative, or `undefined`.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Parses `X-RateLimit-Reset`. Vendors send epoch seconds, epoch ms, or
 * seconds until reset; values below 10^9 are read as seconds from now.
 */
export function parseRateLimitReset(value: string | null | undefined, now = Date.now()): Date | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (n >= 1e12) return new Date(n);
  if (n >= 1e9) return new Date(n * 1000);
  return new Date(now + n * 1000);
}

/** Reads `X-RateLimit-*` and `Retry-After`; `undefined` when none is present. */
export function readRateLimitHeaders(headers: HeaderSource, now = Date.now()): RateLimitInfo | undefined {
  const int = (name: string) => {
    const raw = headers.get(name);
    const n = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
    return Number.isFinite(n) ? n : undefined;
  };
  const reset = headers.get('x-ratelimit-reset');
  const info: RateLimitInfo = {
    limit: int('x-ratelimit-limit'),
    remaining: int('x-ratelimit-remaining'),
    reset: parseRateLimitReset(reset, now),
    resetPrecision: resetPrecisionOf(reset),
    retryAfter: parseRetryAfter(headers.get('retry-after'), now),
  };
  return Object.values(info).some((value) => value !== undefined) ? info : undefined;
}

/** 1000 for a reset in whole seconds (epoch or delta), 1 for epoch milliseconds, `undefined` when absent. */
function resetPrecisionOf(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value.trim());
  if (!Number.isFinite(n) || n < 0) return undefined;
  return n >= 1e12 ? 1 : 1000;
}

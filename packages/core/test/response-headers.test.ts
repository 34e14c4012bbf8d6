import { defaultRetryPolicy, parseRateLimitReset, parseRetryAfter, readRateLimitHeaders, retryDelay } from '@wamux/core/adapter';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta seconds, fractional too, as milliseconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
    expect(parseRetryAfter('  7 ', NOW)).toBe(7000);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 12:01:00 GMT', NOW)).toBe(60_000);
  });

  it('never returns a negative wait for a date in the past', () => {
    expect(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW)).toBe(0);
  });

  it('returns undefined for absent or unreadable values', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('   ', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('5x', NOW)).toBeUndefined();
  });
});

describe('parseRateLimitReset', () => {
  it('reads epoch seconds', () => {
    expect(parseRateLimitReset(String(NOW / 1000 + 60), NOW)).toEqual(new Date(NOW + 60_000));
  });

  it('reads epoch milliseconds', () => {
    expect(parseRateLimitReset(String(NOW + 5000), NOW)).toEqual(new Date(NOW + 5000));
  });

  it('reads small numbers as seconds from now', () => {
    expect(parseRateLimitReset('30', NOW)).toEqual(new Date(NOW + 30_000));
    expect(parseRateLimitReset('0', NOW)).toEqual(new Date(NOW));
    expect(parseRateLimitReset(' 2.5 ', NOW)).toEqual(new Date(NOW + 2500));
  });

  it('returns undefined for absent, negative or non-numeric values', () => {
    expect(parseRateLimitReset(null, NOW)).toBeUndefined();
    expect(parseRateLimitReset(undefined, NOW)).toBeUndefined();
    expect(parseRateLimitReset('-5', NOW)).toBeUndefined();
    expect(parseRateLimitReset('tomorrow', NOW)).toBeUndefined();
    expect(parseRateLimitReset('Infinity', NOW)).toBeUndefined();
  });
});

describe('readRateLimitHeaders', () => {
  it('reads X-RateLimit-* and Retry-After, case-insensitively', () => {
    const headers = new Headers({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '12', 'Retry-After': '3' });
    expect(readRateLimitHeaders(headers, NOW)).toEqual({ limit: 100, remaining: 0, reset: new Date(NOW + 12_000), resetPrecision: 1000, retryAfter: 3000 });
  });

  it('knows a reset in epoch milliseconds is precise to the millisecond', () => {
    expect(readRateLimitHeaders(new Headers({ 'X-RateLimit-Reset': String(NOW + 5_000) }), NOW)?.resetPrecision).toBe(1);
  });

  it('reads a partial set', () => {
    expect(readRateLimitHeaders(new Headers({ 'x-ratelimit-remaining': '7' }), NOW)).toEqual({
      limit: undefined,
      remaining: 7,
      reset: undefined,
      resetPrecision: undefined,
      retryAfter: undefined,
    });
    expect(readRateLimitHeaders(new Headers({ 'retry-after': '2' }), NOW)?.retryAfter).toBe(2000);
  });

  it('works with any object that has get()', () => {
    const map = new Map([['x-ratelimit-limit', '10']]);
    expect(readRateLimitHeaders({ get: (name: string) => map.get(name) ?? null }, NOW)?.limit).toBe(10);
  });

  it('returns undefined when the vendor sent none of them or only garbage', () => {
    expect(readRateLimitHeaders(new Headers({ 'content-type': 'application/json' }), NOW)).toBeUndefined();
    expect(readRateLimitHeaders(new Headers({ 'x-ratelimit-limit': 'lots', 'retry-after': 'later' }), NOW)).toBeUndefined();
  });

  // BUG: Number('') is 0, so an empty (or blank) X-RateLimit-Remaining is read
  // as "0 requests left" and the HTTP client then pauses the limiter until the
  // reset. Fix: in readRateLimitHeaders' `int`, treat blank as absent:
  // `const n = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);`
  // (and likewise return undefined for a blank value in parseRateLimitReset).
  it('treats an empty header value as absent, not as 0', () => {
    expect(readRateLimitHeaders(new Headers({ 'x-ratelimit-remaining': '' }), NOW)).toBeUndefined();
  });
});

describe('retryDelay', () => {
  afterEach(() => jest.restoreAllMocks());

  it('doubles the ceiling per attempt with full jitter in [ceiling/2, ceiling]', () => {
    const policy = { ...defaultRetryPolicy, baseDelay: 100, maxDelay: 10_000 };
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect([0, 1, 2, 3].map((attempt) => retryDelay(policy, attempt))).toEqual([50, 100, 200, 400]);
    jest.spyOn(Math, 'random').mockReturnValue(0.999999);
    expect([0, 1, 2, 3].map((attempt) => retryDelay(policy, attempt))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds maxDelay', () => {
    const policy = { ...defaultRetryPolicy, baseDelay: 300, maxDelay: 1000 };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const delay = retryDelay(policy, attempt);
      expect(delay).toBeLessThanOrEqual(1000);
      expect(delay).toBeGreaterThanOrEqual(Math.min(1000, 300 * 2 ** attempt) / 2);
    }
  });

  it('has documented defaults', () => {
    expect(defaultRetryPolicy).toEqual({ limit: 2, baseDelay: 300, maxDelay: 10_000, maxRetryAfter: 60_000 });
  });
});

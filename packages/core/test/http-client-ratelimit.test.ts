import nock from 'nock';
import { createHttpClient, createRateLimiter, RateLimitError, type HttpClientOptions, type RateLimiter } from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';

const BASE = 'https://api.limits.test';

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ provider: 'test', baseUrl: BASE, retry: { baseDelay: 1, maxDelay: 5 }, ...extra });
}

/** A real limiter whose pauseUntil calls are recorded. */
function spiedLimiter(options = { requests: 100, interval: 1000, burst: 100 }) {
  const limiter = createRateLimiter(options);
  const pauses: number[] = [];
  const original = limiter.pauseUntil.bind(limiter);
  const spied: RateLimiter = {
    acquire: (signal) => limiter.acquire(signal),
    pauseUntil: (until) => {
      pauses.push(until);
      return original(until);
    },
    get pending() {
      return limiter.pending;
    },
  };
  return { limiter: spied, pauses };
}

useNock();

describe('X-RateLimit-* exposure', () => {
  it('returns the rate-limit headers with the response and remembers the latest', async () => {
    const reset = Math.floor(Date.now() / 1000) + 60;
    nock(BASE)
      .get('/a')
      .reply(200, {}, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '42', 'X-RateLimit-Reset': String(reset) });
    const c = client();
    expect(c.lastRateLimit).toBeUndefined();
    const res = await c.request({ method: 'GET', path: '/a' });
    expect(res.rateLimit).toEqual({ limit: 100, remaining: 42, reset: new Date(reset * 1000), resetPrecision: 1000, retryAfter: undefined });
    expect(c.lastRateLimit).toEqual(res.rateLimit);
  });

  it('keeps the latest info when a later response has none, and updates it on the next', async () => {
    nock(BASE).get('/a').reply(200, {}, { 'X-RateLimit-Remaining': '9' });
    nock(BASE).get('/b').reply(200, {});
    nock(BASE).get('/c').reply(200, {}, { 'X-RateLimit-Remaining': '8' });
    const c = client();
    await c.request({ method: 'GET', path: '/a' });
    const second = await c.request({ method: 'GET', path: '/b' });
    expect(second.rateLimit).toBeUndefined();
    expect(c.lastRateLimit?.remaining).toBe(9);
    await c.request({ method: 'GET', path: '/c' });
    expect(c.lastRateLimit?.remaining).toBe(8);
  });

  it('records the headers of an error response too', async () => {
    nock(BASE).post('/m').reply(400, {}, { 'X-RateLimit-Remaining': '3', 'X-RateLimit-Limit': '10' });
    const c = client();
    await expect(c.request({ method: 'POST', path: '/m', json: {} })).rejects.toMatchObject({ status: 400 });
    expect(c.lastRateLimit).toMatchObject({ limit: 10, remaining: 3 });
  });
});

describe('the limiter and the vendor headers', () => {
  it('every attempt, retries included, waits on the limiter', async () => {
    const { limiter } = spiedLimiter();
    const acquire = jest.spyOn(limiter, 'acquire');
    nock(BASE).get('/a').reply(503);
    nock(BASE).get('/a').reply(200, {});
    await client({ rateLimiter: limiter }).request({ method: 'GET', path: '/a' });
    expect(acquire).toHaveBeenCalledTimes(2);
  });

  it('pauses the limiter until the earliest moment the window can reset when no request is left', async () => {
    const { limiter, pauses } = spiedLimiter();
    const reset = Math.floor(Date.now() / 1000) + 30;
    nock(BASE)
      .get('/a')
      .reply(200, {}, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) });
    await client({ rateLimiter: limiter }).request({ method: 'GET', path: '/a' });
    // The reset is in whole seconds: the window may reset up to a second before it.
    expect(pauses).toEqual([reset * 1000 - 1000]);
    // The pause is real: the next caller waits.
    const controller = new AbortController();
    const next = limiter.acquire(controller.signal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(limiter.pending).toBe(1);
    controller.abort();
    await expect(next).rejects.toMatchObject({ code: 'aborted' });
  });

  it('never pauses longer than maxRetryAfter for a far reset', async () => {
    const { limiter, pauses } = spiedLimiter();
    nock(BASE)
      .get('/a')
      .reply(200, {}, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 86_400) });
    const before = Date.now();
    await client({ rateLimiter: limiter, retry: { maxRetryAfter: 5000 } }).request({ method: 'GET', path: '/a' });
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toBeGreaterThanOrEqual(before + 5000);
    expect(pauses[0]).toBeLessThanOrEqual(Date.now() + 5000);
  });

  it('does not pause while requests remain, or without a reset', async () => {
    const { limiter, pauses } = spiedLimiter();
    nock(BASE).get('/a').reply(200, {}, { 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '30' });
    nock(BASE).get('/b').reply(200, {}, { 'X-RateLimit-Remaining': '0' });
    const c = client({ rateLimiter: limiter });
    await c.request({ method: 'GET', path: '/a' });
    await c.request({ method: 'GET', path: '/b' });
    expect(pauses).toEqual([]);
  });

  it('a 429 pauses the limiter for Retry-After (capped), so other callers back off too', async () => {
    const { limiter, pauses } = spiedLimiter();
    nock(BASE).post('/m').reply(429, { error: 'slow down' }, { 'Retry-After': '5' });
    const before = Date.now();
    const error = await client({ rateLimiter: limiter, retry: { baseDelay: 1, maxRetryAfter: 1000 } })
      .request({ method: 'POST', path: '/m', json: {} })
      .catch((e: unknown) => e);
    // Retry-After (5 s) is over maxRetryAfter (1 s): no retry, but the limiter still pauses for the cap.
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 5000 });
    expect(pauses).toHaveLength(1);
    expect(pauses[0]).toBeGreaterThanOrEqual(before + 1000);
    expect(pauses[0]).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('a 429 then a success: the retry goes through the paused limiter', async () => {
    const { limiter, pauses } = spiedLimiter();
    nock(BASE).post('/m').reply(429, {}, { 'Retry-After': '0' });
    nock(BASE).post('/m').reply(200, { id: 'ok' });
    const res = await client({ rateLimiter: limiter }).request({ method: 'POST', path: '/m', json: {} });
    expect(res.data).toEqual({ id: 'ok' });
    expect(pauses).toHaveLength(1);
  });

  it('a full limiter queue fails fast with rate_limit_queue_full and sends nothing', async () => {
    const limiter = createRateLimiter({ requests: 1, interval: 60_000, maxQueue: 1 });
    nock(BASE).get('/a').reply(200, {});
    const c = client({ rateLimiter: limiter });
    await c.request({ method: 'GET', path: '/a' });
    const controller = new AbortController();
    const queued = c.request({ method: 'GET', path: '/a', signal: controller.signal }).catch((e: unknown) => e);
    const scope = nock(BASE).get('/a').reply(200, {});
    await expect(c.request({ method: 'GET', path: '/a' })).rejects.toMatchObject({ code: 'rate_limit_queue_full' });
    controller.abort();
    await expect(queued).resolves.toMatchObject({ code: 'aborted' });
    expect(scope.isDone()).toBe(false);
  });
});

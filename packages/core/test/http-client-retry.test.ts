import nock from 'nock';
import { createHttpClient, ProviderServerError, RateLimitError, RequestRejectedError, NotFoundError, type HttpMethod } from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';

const BASE = 'https://api.retry.test/v1';

function client(retry: Parameters<typeof createHttpClient>[0]['retry'] = { baseDelay: 1, maxDelay: 5 }) {
  return createHttpClient({ provider: 'test', baseUrl: BASE, retry });
}

useNock();

type Lower = 'get' | 'post' | 'put' | 'patch' | 'delete';
const lower = (method: HttpMethod) => method.toLowerCase() as Lower;

describe('retries: which requests, which failures', () => {
  it.each<[HttpMethod, number]>([
    ['GET', 500],
    ['GET', 502],
    ['GET', 503],
    ['GET', 504],
    ['GET', 408],
    ['PUT', 500],
    ['DELETE', 503],
  ])('retries an idempotent %s after %i', async (method, status) => {
    nock(BASE).intercept('/r', method).reply(status, { error: 'transient' });
    nock(BASE).intercept('/r', method).reply(200, { ok: true });
    await expect(client().request({ method, path: '/r' })).resolves.toMatchObject({ status: 200, data: { ok: true } });
    expect(nock.isDone()).toBe(true);
  });

  it.each<[HttpMethod, number]>([
    ['POST', 500],
    ['POST', 502],
    ['POST', 504],
    ['POST', 503],
    ['PATCH', 500],
  ])('does not retry a non-idempotent %s after %i (the vendor may have accepted it)', async (method, status) => {
    nock(BASE)[lower(method)]('/r').reply(status, { error: 'x' });
    nock(BASE)[lower(method)]('/r').reply(200, { ok: true });
    const error = await client()
      .request({ method, path: '/r', json: {} })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status });
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('retries a POST after a 408: the vendor says it did not get the whole request', async () => {
    nock(BASE).post('/r').reply(408);
    nock(BASE).post('/r').reply(200, { ok: 1 });
    await expect(client().request({ method: 'POST', path: '/r', json: {} })).resolves.toMatchObject({ data: { ok: 1 } });
    expect(nock.isDone()).toBe(true);
  });

  it.each<HttpMethod>(['POST', 'PATCH', 'GET'])('retries a 429 on %s: the request was not accepted', async (method) => {
    nock(BASE)[lower(method)]('/r').reply(429, {}, { 'Retry-After': '0' });
    nock(BASE)[lower(method)]('/r').reply(200, { ok: 1 });
    await expect(client().request({ method, path: '/r' })).resolves.toMatchObject({ data: { ok: 1 } });
  });

  it('retries a 429 without Retry-After (backoff) on a POST', async () => {
    nock(BASE).post('/r').reply(429);
    nock(BASE).post('/r').reply(200, { ok: 1 });
    await expect(client().request({ method: 'POST', path: '/r', json: {} })).resolves.toMatchObject({ data: { ok: 1 } });
  });

  it('retries a POST after a 503 with Retry-After (proof it was not accepted)', async () => {
    nock(BASE).post('/r').reply(503, '', { 'Retry-After': '0' });
    nock(BASE).post('/r').reply(200, { id: 'm1' });
    await expect(client().request({ method: 'POST', path: '/r', json: {} })).resolves.toMatchObject({ data: { id: 'm1' } });
  });

  it('idempotent: true makes a POST retryable; idempotent: false stops a GET from retrying', async () => {
    nock(BASE).post('/r').reply(500);
    nock(BASE).post('/r').reply(200, { ok: 1 });
    await expect(client().request({ method: 'POST', path: '/r', json: {}, idempotent: true })).resolves.toMatchObject({ data: { ok: 1 } });

    nock(BASE).get('/g').reply(500);
    nock(BASE).get('/g').reply(200, {});
    await expect(client().request({ method: 'GET', path: '/g', idempotent: false })).rejects.toBeInstanceOf(ProviderServerError);
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries a %i, even on GET', async (status) => {
    nock(BASE).get('/r').reply(status, { error: 'no' });
    nock(BASE).get('/r').reply(200, {});
    await expect(client().request({ method: 'GET', path: '/r' })).rejects.toMatchObject({ status, retryable: false });
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('gives up after `limit` retries and throws the last failure', async () => {
    for (let i = 0; i < 3; i += 1) nock(BASE).get('/r').reply(502, { attempt: i });
    nock(BASE).get('/r').reply(200, {});
    const error = await client({ limit: 2, baseDelay: 1, maxDelay: 2 })
      .request({ method: 'GET', path: '/r' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderServerError);
    expect(error).toMatchObject({ status: 502, retryable: true, details: { attempt: 2 } });
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('retry: false sends once', async () => {
    nock(BASE).get('/r').reply(503);
    nock(BASE).get('/r').reply(200, {});
    await expect(client(false).request({ method: 'GET', path: '/r' })).rejects.toMatchObject({ status: 503 });
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('limit 0 sends once', async () => {
    nock(BASE).get('/r').reply(429, {}, { 'Retry-After': '0' });
    nock(BASE).get('/r').reply(200, {});
    await expect(client({ limit: 0 }).request({ method: 'GET', path: '/r' })).rejects.toBeInstanceOf(RateLimitError);
    expect(nock.pendingMocks()).toHaveLength(1);
  });
});

describe('retries: Retry-After', () => {
  it('waits the Retry-After seconds before retrying', async () => {
    nock(BASE).get('/r').reply(429, {}, { 'Retry-After': '1' });
    nock(BASE).get('/r').reply(200, { ok: 1 });
    const started = Date.now();
    await client().request({ method: 'GET', path: '/r' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('reads Retry-After as an HTTP date (in the past: retry at once)', async () => {
    nock(BASE)
      .post('/r')
      .reply(429, {}, { 'Retry-After': new Date(Date.now() - 60_000).toUTCString() });
    nock(BASE).post('/r').reply(200, { ok: 1 });
    await expect(client().request({ method: 'POST', path: '/r', json: {} })).resolves.toMatchObject({ data: { ok: 1 } });
  });

  it('does not wait for a Retry-After longer than maxRetryAfter: throws with retryAfter set', async () => {
    nock(BASE).post('/r').reply(429, { error: 'quota' }, { 'Retry-After': '120' });
    nock(BASE).post('/r').reply(200, {});
    const started = Date.now();
    const error = await client()
      .request({ method: 'POST', path: '/r', json: {} })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 120_000, retryable: true });
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('an HTTP-date Retry-After an hour away is reported in ms and not waited for', async () => {
    const at = Date.now() + 3_600_000;
    nock(BASE)
      .get('/r')
      .reply(503, '', { 'Retry-After': new Date(at).toUTCString() });
    const error = (await client()
      .request({ method: 'GET', path: '/r' })
      .catch((e: unknown) => e)) as ProviderServerError;
    expect(error).toBeInstanceOf(ProviderServerError);
    expect(error.retryAfter).toBeGreaterThan(3_590_000);
    expect(error.retryAfter).toBeLessThanOrEqual(3_600_000);
  });

  it('honours a custom maxRetryAfter', async () => {
    nock(BASE).get('/r').reply(429, {}, { 'Retry-After': '2' });
    nock(BASE).get('/r').reply(200, {});
    await expect(client({ baseDelay: 1, maxRetryAfter: 1000 }).request({ method: 'GET', path: '/r' })).rejects.toMatchObject({ retryAfter: 2000 });
  });

  it('uses a retryAfter the adapter read from the error body', async () => {
    nock(BASE)
      .post('/r')
      .reply(429, { error: { retry_in_seconds: 600 } });
    const c = createHttpClient({
      provider: 'test',
      baseUrl: BASE,
      retry: { baseDelay: 1 },
      mapError: (failure) => ({ retryAfter: ((failure.body as { error: { retry_in_seconds: number } }).error.retry_in_seconds ?? 0) * 1000 }),
    });
    await expect(c.request({ method: 'POST', path: '/r', json: {} })).rejects.toMatchObject({ retryAfter: 600_000 });
  });
});

describe('retries: mapped kinds', () => {
  it('an adapter kind override does not make a 400 retryable', async () => {
    nock(BASE).get('/r').reply(400, { code: 'NOT_FOUND' });
    const c = createHttpClient({ provider: 'test', baseUrl: BASE, retry: { baseDelay: 1 }, mapError: () => ({ kind: 'not_found' }) });
    const error = await c.request({ method: 'GET', path: '/r' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(RequestRejectedError);
    expect(error).toMatchObject({ status: 400 });
  });
});

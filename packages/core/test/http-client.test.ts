import nock from 'nock';
import * as v from 'valibot';
import { AuthenticationError, createHttpClient, createRateLimiter, isWamuxError, ProviderServerError, RateLimitError } from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';

const BASE = 'https://api.example.test/v1';
const SECRET = 'sk_live_abcdefghijklmnop';

function client(extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  return createHttpClient({
    provider: 'test',
    baseUrl: BASE,
    headers: () => ({ authorization: `Bearer ${SECRET}` }),
    retry: { baseDelay: 1, maxDelay: 5 },
    ...extra,
  });
}

useNock();

describe('createHttpClient', () => {
  it('sends auth headers and JSON, validates the response', async () => {
    const scope = nock(BASE, { reqheaders: { authorization: `Bearer ${SECRET}` } })
      .post('/messages', { to: '905551112233' })
      .reply(200, { id: 'm1' });
    const res = await client().request({ method: 'POST', path: '/messages', json: { to: '905551112233' }, schema: v.object({ id: v.string() }) });
    expect(res.data).toEqual({ id: 'm1' });
    scope.done();
  });

  it('retries a 429 on a POST after Retry-After and succeeds', async () => {
    nock(BASE).post('/messages').reply(429, { error: 'slow down' }, { 'Retry-After': '0' });
    nock(BASE).post('/messages').reply(200, { id: 'm2' });
    const res = await client().request({ method: 'POST', path: '/messages', json: {} });
    expect(res.data).toEqual({ id: 'm2' });
  });

  it('never retries a 500 on a POST (the message may have been accepted)', async () => {
    const scope = nock(BASE).post('/messages').reply(500, { error: 'boom' });
    nock(BASE).post('/messages').reply(200, { id: 'twice' });
    await expect(client().request({ method: 'POST', path: '/messages', json: {} })).rejects.toBeInstanceOf(ProviderServerError);
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('retries a 500 on a GET', async () => {
    nock(BASE).get('/templates').reply(500);
    nock(BASE).get('/templates').reply(200, []);
    await expect(client().request({ method: 'GET', path: '/templates' })).resolves.toMatchObject({ data: [] });
  });

  it('maps 401 to AuthenticationError without leaking the secret', async () => {
    nock(BASE)
      .get('/me')
      .reply(401, { error: { message: `token ${SECRET} is invalid` } });
    const error = await client()
      .request({ method: 'GET', path: '/me' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(isWamuxError(error)).toBe(true);
    const { inspect } = await import('node:util');
    expect(inspect(error, { depth: 10 })).not.toContain(SECRET);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });

  it('uses the limiter and raises RateLimitError when its queue is full', async () => {
    const limiter = createRateLimiter({ requests: 1, interval: 60_000, maxQueue: 1 });
    nock(BASE).get('/a').reply(200, {});
    const c = client({ rateLimiter: limiter });
    await c.request({ method: 'GET', path: '/a' });
    const controller = new AbortController();
    const waiting = c.request({ method: 'GET', path: '/a', signal: controller.signal });
    await expect(c.request({ method: 'GET', path: '/a' })).rejects.toBeInstanceOf(RateLimitError);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
  });
});

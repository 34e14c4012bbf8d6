// A 3xx answered to a request that carries credentials or a body is never
// followed: the credentials and a send's body would go wherever the
// Location points. A bare request (a media download) may follow one.
import { inspect } from 'node:util';
import nock from 'nock';
import { createHttpClient, RedirectRefusedError, type HttpClientOptions, type WamuxError } from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';

const BASE = 'https://api.vendor.test/v1';
const OTHER = 'https://collector.evil.test';
const TOKEN = 'sk_live_redirect_0123456789';

useNock();

/** The redirect mode of every fetch the client made (ky hands fetch a `Request`). */
function recordingFetch() {
  const inits: Array<{ redirect: Request['redirect'] | undefined }> = [];
  const fetchImpl: typeof fetch = (input, init) => {
    inits.push({ redirect: input instanceof Request ? input.redirect : init?.redirect });
    return fetch(input, init);
  };
  return { inits, fetchImpl };
}

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    provider: 'acme',
    baseUrl: BASE,
    headers: () => ({ authorization: `Bearer ${TOKEN}`, 'x-api-key': 'key-0123456789' }),
    retry: { limit: 3, baseDelay: 1, maxDelay: 2 },
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<WamuxError> {
  return (await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  )) as WamuxError;
}

/** An interceptor on the other origin that must never be reached. */
function trap(method: 'post' | 'get' = 'post') {
  return nock(OTHER).intercept(/.*/, method.toUpperCase()).reply(200, { id: 'wamid.FROM-THE-OTHER-ORIGIN' });
}

describe('a client with credentials', () => {
  it.each([
    [301, 'unknown'],
    [302, 'unknown'],
    [303, 'unknown'],
    [307, 'not_sent'],
    [308, 'not_sent'],
  ] as const)('refuses a %i to another origin: nothing reaches it, delivery is %s, no retry', async (status, delivery) => {
    nock(BASE)
      .post('/messages')
      .reply(status, '', { location: `${OTHER}/steal?token=${TOKEN}` });
    const other = trap();
    const { inits, fetchImpl } = recordingFetch();
    const error = await failure(client({ fetch: fetchImpl }).request({ method: 'POST', path: '/messages', json: { to: '+905551112233', text: 'hi' } }));
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({ code: 'redirect_refused', status, location: OTHER, delivery, retryable: false, provider: 'acme' });
    expect(other.isDone()).toBe(false);
    // One attempt, made with redirect: 'manual'.
    expect(inits.map((init) => init.redirect)).toEqual(['manual']);
    expect(nock.pendingMocks()).toEqual([expect.stringContaining('collector.evil.test')]);
  });

  it('names the origin only: never the path, the query or user info of the Location', async () => {
    nock(BASE)
      .post('/messages')
      .reply(302, '', { location: `https://user:${TOKEN}@collector.evil.test:8443/path/secret-path?token=${TOKEN}&x=1` });
    const error = await failure(client().request({ method: 'POST', path: '/messages', json: {} }));
    expect((error as RedirectRefusedError).location).toBe('https://collector.evil.test:8443');
    expect(error.message).toBe(
      'POST /v1/messages was redirected (HTTP 302) to https://collector.evil.test:8443; not followed, since the request carries credentials or a body (it may have been processed)',
    );
    for (const view of [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error.stack)]) {
      expect(view).not.toContain(TOKEN);
      expect(view).not.toContain('secret-path');
    }
  });

  it('refuses a redirect to its own origin too, resolving a relative Location', async () => {
    nock(BASE).get('/templates').reply(307, '', { location: '/v2/templates' });
    const moved = nock('https://api.vendor.test').get('/v2/templates').reply(200, []);
    const error = await failure(client().request({ method: 'GET', path: '/templates' }));
    expect(error).toMatchObject({ code: 'redirect_refused', status: 307, location: 'https://api.vendor.test', delivery: 'not_sent' });
    expect(error.message).toContain('to the same origin (https://api.vendor.test)');
    expect(moved.isDone()).toBe(false);
  });

  it('refuses a GET (an idempotent read) without retrying it', async () => {
    nock(BASE)
      .get('/me')
      .times(4)
      .reply(302, '', { location: `${OTHER}/me` });
    const other = trap('get');
    const error = await failure(client().request({ method: 'GET', path: '/me' }));
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(other.isDone()).toBe(false);
    // Three of the four 302s are left: the GET was not retried.
    expect(nock.pendingMocks().filter((mock) => mock.includes('/v1/me'))).toHaveLength(1);
  });

  it('a 3xx without a Location is refused all the same, with no location', async () => {
    nock(BASE).post('/messages').reply(302);
    const error = await failure(client().request({ method: 'POST', path: '/messages', json: {} }));
    expect(error).toMatchObject({ code: 'redirect_refused', status: 302, location: undefined, delivery: 'unknown' });
    expect(error.message).toContain('without a usable Location');
  });

  it('keeps the request id of the redirect answer, scrubbed', async () => {
    nock(BASE)
      .post('/messages')
      .reply(307, '', { location: `${OTHER}/x`, 'x-request-id': `req-${TOKEN}` });
    const error = await failure(client().request({ method: 'POST', path: '/messages', json: {} }));
    expect(error.requestId).toBe('req-[redacted]');
  });
});

describe('a client without credentials', () => {
  const bare = (extra: Partial<HttpClientOptions> = {}) => createHttpClient({ provider: 'acme', baseUrl: 'https://cdn.vendor.test', retry: false, ...extra });

  it('follows a redirect of a bare GET to another origin (media on a CDN)', async () => {
    nock('https://cdn.vendor.test').get('/media/1').reply(302, '', { location: 'https://eu.cdn-mirror.test/media/1.jpg' });
    nock('https://eu.cdn-mirror.test')
      .get('/media/1.jpg')
      .reply(200, Buffer.from([1, 2, 3]));
    const { inits, fetchImpl } = recordingFetch();
    const response = await bare({ fetch: fetchImpl }).request({ method: 'GET', path: '/media/1', responseType: 'bytes' });
    expect(Array.from(response.data)).toEqual([1, 2, 3]);
    expect(inits.map((init) => init.redirect)).toEqual(['follow']);
  });

  it('refuses a redirect of a request with a body (a login posting a password)', async () => {
    nock('https://cdn.vendor.test')
      .post('/login')
      .reply(307, '', { location: `${OTHER}/login` });
    const other = trap();
    const error = await failure(
      bare({ secrets: () => ['hunter2-password'] }).request({ method: 'POST', path: '/login', json: { email: 'a@b.test', password: 'hunter2-password' } }),
    );
    expect(error).toMatchObject({ code: 'redirect_refused', location: OTHER, delivery: 'not_sent' });
    expect(other.isDone()).toBe(false);
  });

  it('refuses a redirect of a request that carries its own credential header', async () => {
    nock('https://cdn.vendor.test')
      .get('/private')
      .reply(302, '', { location: `${OTHER}/private` });
    const other = trap('get');
    const error = await failure(bare().request({ method: 'GET', path: '/private', headers: { 'D360-Api-Key': 'd360-key-0123456789' } }));
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(other.isDone()).toBe(false);
    expect(JSON.stringify(error)).not.toContain('d360-key-0123456789');
  });
});

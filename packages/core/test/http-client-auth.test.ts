import nock from 'nock';
import { AuthenticationError, createHttpClient } from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';

const BASE = 'https://api.auth.test';

/** A client whose token changes when refresh() logs in again. */
function session(refreshResult = true) {
  let token = 'expired-token-1111';
  const refresh = jest.fn(async () => {
    token = 'fresh-token-2222';
    return refreshResult;
  });
  const c = createHttpClient({
    provider: 'test',
    baseUrl: BASE,
    headers: () => ({ authorization: `Bearer ${token}` }),
    refreshCredentials: refresh,
    retry: { baseDelay: 1 },
  });
  return { c, refresh };
}

useNock();

describe('refreshCredentials', () => {
  it('logs in again after a 401 and repeats the request with the new credentials', async () => {
    const { c, refresh } = session();
    nock(BASE, { reqheaders: { authorization: 'Bearer expired-token-1111' } })
      .get('/me')
      .reply(401, { error: 'expired' });
    const fresh = nock(BASE, { reqheaders: { authorization: 'Bearer fresh-token-2222' } })
      .get('/me')
      .reply(200, { id: 'me' });
    await expect(c.request({ method: 'GET', path: '/me' })).resolves.toMatchObject({ data: { id: 'me' } });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fresh.isDone()).toBe(true);
  });

  it('repeats a POST too: a 401 proves it was not accepted', async () => {
    const { c, refresh } = session();
    nock(BASE).post('/messages', { text: 'hi' }).reply(401);
    nock(BASE, { reqheaders: { authorization: 'Bearer fresh-token-2222' } })
      .post('/messages', { text: 'hi' })
      .reply(200, { id: 'm1' });
    await expect(c.request({ method: 'POST', path: '/messages', json: { text: 'hi' } })).resolves.toMatchObject({ data: { id: 'm1' } });
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes at most once per request: a second 401 is an AuthenticationError', async () => {
    const { c, refresh } = session();
    nock(BASE).get('/me').times(2).reply(401, { error: 'nope' });
    const spare = nock(BASE).get('/me').reply(200, {});
    const error = await c.request({ method: 'GET', path: '/me' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'authentication_failed', status: 401 });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(spare.isDone()).toBe(false);
  });

  it('does not repeat when the refresh says it could not log in', async () => {
    const { c, refresh } = session(false);
    nock(BASE).get('/me').reply(401);
    const spare = nock(BASE).get('/me').reply(200, {});
    await expect(c.request({ method: 'GET', path: '/me' })).rejects.toBeInstanceOf(AuthenticationError);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(spare.isDone()).toBe(false);
  });

  it('a failing refresh propagates its error and repeats nothing', async () => {
    const failure = new Error('login endpoint down');
    const c = createHttpClient({ provider: 'test', baseUrl: BASE, refreshCredentials: async () => Promise.reject(failure), retry: { baseDelay: 1 } });
    nock(BASE).get('/me').reply(401);
    const spare = nock(BASE).get('/me').reply(200, {});
    await expect(c.request({ method: 'GET', path: '/me' })).rejects.toBe(failure);
    expect(spare.isDone()).toBe(false);
  });

  it('is not called for a 403', async () => {
    const { c, refresh } = session();
    nock(BASE).get('/admin').reply(403);
    await expect(c.request({ method: 'GET', path: '/admin' })).rejects.toMatchObject({ code: 'permission_denied' });
    expect(refresh).not.toHaveBeenCalled();
  });

  it('gets one chance per request, not one per client', async () => {
    const { c, refresh } = session();
    nock(BASE).get('/a').reply(401);
    nock(BASE).get('/a').reply(200, {});
    nock(BASE).get('/b').reply(401);
    nock(BASE).get('/b').reply(200, {});
    await c.request({ method: 'GET', path: '/a' });
    await c.request({ method: 'GET', path: '/b' });
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('a 401 after a refresh does not leak either token', async () => {
    const { c } = session();
    nock(BASE).get('/me').times(2).reply(401, { echo: 'tokens: expired-token-1111 fresh-token-2222' });
    const error = await c.request({ method: 'GET', path: '/me' }).catch((e: unknown) => e);
    // The fresh token is the current secret; it must be scrubbed.
    expect(JSON.stringify(error)).not.toContain('fresh-token-2222');
  });
});

import nock from 'nock';
import { createHttpClient, toFormData, type HttpClientOptions } from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';

const BASE = 'https://api.body.test/v2/';

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ provider: 'test', baseUrl: BASE, headers: () => ({ 'x-api-key': 'k-123456' }), retry: false, ...extra });
}

useNock();

describe('request shape', () => {
  it('joins the base URL and the path with exactly one slash', async () => {
    const scope = nock('https://api.body.test').get('/v2/messages').twice().reply(200, {});
    await client().request({ method: 'GET', path: '/messages' });
    await client().request({ method: 'GET', path: 'messages' });
    expect(scope.isDone()).toBe(true);
  });

  it('follows an absolute URL (a Link header next page) as is', async () => {
    const scope = nock('https://api.body.test').get('/v2/items').query({ page: '2', per_page: '50' }).reply(200, []);
    await client().request({ method: 'GET', path: 'https://api.body.test/v2/items?page=2&per_page=50' });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an absolute URL on another origin: credentials never leave the vendor', async () => {
    const elsewhere = nock('https://evil.test').get('/steal').reply(200, {});
    const error = await client()
      .request({ method: 'GET', path: 'https://evil.test/steal' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unexpected_response', provider: 'test' });
    expect((error as Error).message).toContain('https://evil.test');
    expect(elsewhere.isDone()).toBe(false);
    // Same host, other scheme or port is another origin too.
    await expect(client().request({ method: 'GET', path: 'http://api.body.test/v2/x' })).rejects.toMatchObject({ code: 'unexpected_response' });
    await expect(client().request({ method: 'GET', path: 'https://api.body.test:8443/v2/x' })).rejects.toMatchObject({ code: 'unexpected_response' });
  });

  it('a client without credentials (media downloads) may follow a URL on another origin', async () => {
    const cdn = nock('https://cdn.other.test')
      .get('/file.jpg')
      .reply(200, Buffer.from([1, 2, 3]));
    const anonymous = createHttpClient({ provider: 'test', baseUrl: BASE, retry: false });
    const res = await anonymous.request({ method: 'GET', path: 'https://cdn.other.test/file.jpg', responseType: 'bytes' });
    expect([...res.data]).toEqual([1, 2, 3]);
    expect(cdn.isDone()).toBe(true);
  });

  it('encodes the query: arrays repeat the key, null and undefined are left out', async () => {
    let url = '';
    nock('https://api.body.test')
      .get('/v2/search')
      .query(true)
      .reply(async (request: Request) => {
        url = request.url;
        return [200, {}];
      });
    await client().request({ method: 'GET', path: '/search', query: { q: 'a b&c', ids: ['1', 2], active: true, n: 0, none: null, missing: undefined } });
    const params = new URL(url).searchParams;
    expect(params.get('q')).toBe('a b&c');
    expect(params.getAll('ids')).toEqual(['1', '2']);
    expect(params.get('active')).toBe('true');
    expect(params.get('n')).toBe('0');
    expect(params.has('none')).toBe(false);
    expect(params.has('missing')).toBe(false);
  });

  it('sends auth headers, JSON with its content type, and lets request headers override', async () => {
    const scope = nock('https://api.body.test', {
      reqheaders: { 'x-api-key': 'override-999', 'content-type': /application\/json/, accept: /application\/json/, 'x-extra': '1' },
    })
      .put('/v2/profile', { name: 'Ada', nested: { n: 1 } })
      .reply(200, { ok: true });
    await client().request({
      method: 'PUT',
      path: '/profile',
      json: { name: 'Ada', nested: { n: 1 } },
      headers: { 'x-api-key': 'override-999', 'x-extra': '1' },
    });
    expect(scope.isDone()).toBe(true);
  });

  it('reads the headers of each call afresh (a refreshed token is picked up)', async () => {
    let token = 't1-aaaa';
    const c = createHttpClient({ provider: 'test', baseUrl: BASE, headers: async () => ({ authorization: `Bearer ${token}` }), retry: false });
    nock('https://api.body.test', { reqheaders: { authorization: 'Bearer t1-aaaa' } })
      .get('/v2/a')
      .reply(200, {});
    nock('https://api.body.test', { reqheaders: { authorization: 'Bearer t2-bbbb' } })
      .get('/v2/a')
      .reply(200, {});
    await c.request({ method: 'GET', path: '/a' });
    token = 't2-bbbb';
    await c.request({ method: 'GET', path: '/a' });
    expect(nock.isDone()).toBe(true);
  });

  it('redact() scrubs configured secrets and the latest auth header values', async () => {
    const c = createHttpClient({
      provider: 'test',
      baseUrl: BASE,
      headers: () => ({ authorization: 'Bearer live-token-7777' }),
      secrets: () => ['db-password-1'],
      retry: false,
    });
    nock('https://api.body.test').get('/v2/a').reply(200, {});
    await c.request({ method: 'GET', path: '/a' });
    expect(c.redact('token live-token-7777, password db-password-1, page 2')).toBe('token [redacted], password [redacted], page 2');
  });

  it('uses the fetch it was given', async () => {
    const fetchImpl = jest.fn(async (input: Parameters<typeof fetch>[0]) => {
      expect(String(input instanceof Request ? input.url : input)).toBe('https://api.body.test/v2/ping');
      return new Response('{"pong":true}', { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const res = await client({ fetch: fetchImpl as unknown as typeof fetch }).request({ method: 'GET', path: '/ping' });
    expect(res.data).toEqual({ pong: true });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});

describe('multipart bodies via form', () => {
  it('sends a FormData as multipart/form-data with its fields and files', async () => {
    let contentType = '';
    let body = '';
    nock('https://api.body.test')
      .post('/v2/media')
      .reply(async (request: Request) => {
        contentType = request.headers.get('content-type') ?? '';
        body = await request.text();
        return [200, { id: 'media-1' }];
      });
    const form = toFormData({
      messaging_product: 'whatsapp',
      meta: { tags: ['a', 'b'] },
      file: { data: new TextEncoder().encode('hello file'), filename: 'hello.txt', mimeType: 'text/plain' },
    });
    const res = await client().request({ method: 'POST', path: '/media', form });
    expect(res.data).toEqual({ id: 'media-1' });
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)?.[1];
    expect(boundary).toBeDefined();
    expect(body).toContain(`--${boundary}`);
    expect(body).toMatch(/name="messaging_product"\r\n\r\nwhatsapp\r\n/);
    expect(body).toMatch(/name="meta\[tags\]\[0\]"\r\n\r\na\r\n/);
    expect(body).toMatch(/name="meta\[tags\]\[1\]"\r\n\r\nb\r\n/);
    expect(body).toMatch(/name="file"; filename="hello.txt"\r\nContent-Type: text\/plain\r\n\r\nhello file\r\n/);
    expect(contentType).not.toContain('application/json');
  });
});

describe('response types', () => {
  it('reads bytes', async () => {
    nock('https://api.body.test')
      .get('/v2/media/1')
      .reply(200, Buffer.from([0, 1, 2, 255]), { 'content-type': 'image/png' });
    const res = await client().request({ method: 'GET', path: '/media/1', responseType: 'bytes' });
    expect(res.data).toBeInstanceOf(Uint8Array);
    expect([...res.data]).toEqual([0, 1, 2, 255]);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('reads text without parsing it', async () => {
    nock('https://api.body.test').get('/v2/t').reply(200, '{"not":"parsed"}');
    const res = await client().request({ method: 'GET', path: '/t', responseType: 'text' });
    expect(res.data).toBe('{"not":"parsed"}');
  });

  it('ignores the body with none', async () => {
    nock('https://api.body.test').post('/v2/read').reply(200, 'not json at all');
    const res = await client().request({ method: 'POST', path: '/read', json: {}, responseType: 'none' });
    expect(res).toMatchObject({ status: 200, data: undefined });
  });
});

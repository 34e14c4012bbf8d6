import { inspect } from 'node:util';
import nock from 'nock';
import * as v from 'valibot';
import {
  AuthenticationError,
  createHttpClient,
  isWamuxError,
  NotFoundError,
  ProviderServerError,
  RateLimitError,
  RequestRejectedError,
  TimeoutError,
  type HttpClientOptions,
  type HttpFailure,
  type WamuxError,
} from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';

const BASE = 'https://api.errors.test/v1';
const TOKEN = 'sk_live_TOKEN_0123456789';
const API_KEY = 'key-ABCDEF-987654';
const PASSWORD = 'hunter2-correct-horse';

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    provider: 'acme',
    baseUrl: BASE,
    headers: () => ({ authorization: `Bearer ${TOKEN}`, 'x-api-key': API_KEY }),
    secrets: () => [PASSWORD],
    retry: false,
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<WamuxError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  expect(isWamuxError(error)).toBe(true);
  return error as WamuxError;
}

/** Asserts none of the secrets appears in any view of the error. */
function expectNoSecrets(error: unknown) {
  const views = [
    String((error as Error).message),
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
    String((error as Error).stack),
  ];
  for (const view of views) {
    for (const secret of [TOKEN, API_KEY, PASSWORD]) expect(view).not.toContain(secret);
  }
}

useNock();

describe('status → error class', () => {
  it.each<[number, new (...args: never[]) => Error, string]>([
    [400, RequestRejectedError, 'request_rejected'],
    [401, AuthenticationError, 'authentication_failed'],
    [403, AuthenticationError, 'permission_denied'],
    [404, NotFoundError, 'not_found'],
    [408, TimeoutError, 'timeout'],
    [409, RequestRejectedError, 'request_rejected'],
    [422, RequestRejectedError, 'request_rejected'],
    [429, RateLimitError, 'rate_limited'],
    [500, ProviderServerError, 'provider_error'],
    [503, ProviderServerError, 'provider_error'],
  ])('HTTP %i → %p (%s)', async (status, Class, code) => {
    nock(BASE).post('/messages').reply(status, { error: 'x' });
    const error = await failure(client().request({ method: 'POST', path: '/messages', json: {} }));
    expect(error).toBeInstanceOf(Class);
    expect(error).toMatchObject({ code, status, provider: 'acme', details: { error: 'x' } });
  });

  it('says what failed by default, without the query string', async () => {
    nock(BASE).get('/templates').query(true).reply(500);
    const error = await failure(client().request({ method: 'GET', path: '/templates', query: { api_key: 'zzz', page: 2 } }));
    expect(error.message).toBe('GET /v1/templates failed with HTTP 500');
    expect(error.details).toBeUndefined();
  });

  it('takes the request id from the response headers', async () => {
    nock(BASE).get('/a').reply(500, {}, { 'X-Request-Id': 'req-123' });
    expect((await failure(client().request({ method: 'GET', path: '/a' }))).requestId).toBe('req-123');
    nock(BASE).get('/b').reply(404, {}, { traceid: 'trace-9' });
    expect((await failure(client().request({ method: 'GET', path: '/b' }))).requestId).toBe('trace-9');
  });
});

describe('mapError', () => {
  it('receives the parsed body, status, headers, method, path and rate limit', async () => {
    const seen: HttpFailure[] = [];
    nock(BASE)
      .post('/messages')
      .query({ x: 1 })
      .reply(422, { errors: [{ code: 'E_TO', field: 'to' }] }, { 'X-RateLimit-Remaining': '5', 'x-vendor': 'v' });
    await failure(
      client({
        mapError: (f) => {
          seen.push(f);
          return undefined;
        },
      }).request({ method: 'POST', path: '/messages', query: { x: 1 }, json: {} }),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 422, body: { errors: [{ code: 'E_TO', field: 'to' }] }, method: 'POST', path: '/v1/messages' });
    expect(seen[0]?.headers.get('x-vendor')).toBe('v');
    expect(seen[0]?.rateLimit?.remaining).toBe(5);
  });

  it('passes a non-JSON body as text and an empty body as undefined', async () => {
    const bodies: unknown[] = [];
    const mapError = (f: HttpFailure) => {
      bodies.push(f.body);
      return undefined;
    };
    nock(BASE).get('/html').reply(502, '<html>Bad gateway</html>', { 'content-type': 'text/html' });
    nock(BASE).get('/empty').reply(500, '');
    await failure(client({ mapError }).request({ method: 'GET', path: '/html' }));
    await failure(client({ mapError }).request({ method: 'GET', path: '/empty' }));
    expect(bodies).toEqual(['<html>Bad gateway</html>', undefined]);
  });

  it('its message, vendor code, request id and details shape the error', async () => {
    nock(BASE)
      .post('/messages')
      .reply(400, { error: { code: 131026, message: 'Recipient not on WhatsApp', trace: 'T-1' } });
    const error = await failure(
      client({
        mapError: ({ body }) => {
          const e = (body as { error: { code: number; message: string; trace: string } }).error;
          return { message: e.message, vendorCode: String(e.code), requestId: e.trace, details: { vendor: e } };
        },
      }).request({ method: 'POST', path: '/messages', json: {} }),
    );
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error).toMatchObject({ message: 'Recipient not on WhatsApp', vendorCode: '131026', requestId: 'T-1', details: { vendor: { code: 131026 } } });
  });

  it('its kind overrides the status (a 200-shaped vendor quirk: 400 meaning not found, 500 meaning rate limit)', async () => {
    nock(BASE).get('/media/1').reply(400, { code: 'MEDIA_NOT_FOUND' });
    nock(BASE).get('/media/2').reply(500, { code: 'THROTTLED' });
    const mapError = ({ body }: HttpFailure) => ({
      kind: (body as { code: string }).code === 'MEDIA_NOT_FOUND' ? ('not_found' as const) : ('rate_limit' as const),
    });
    await expect(client({ mapError }).request({ method: 'GET', path: '/media/1' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(client({ mapError }).request({ method: 'GET', path: '/media/2' })).rejects.toMatchObject({ code: 'rate_limited', status: 500 });
  });

  it('is not called for a successful response', async () => {
    const mapError = jest.fn();
    nock(BASE).get('/ok').reply(200, { ok: true });
    await client({ mapError }).request({ method: 'GET', path: '/ok' });
    expect(mapError).not.toHaveBeenCalled();
  });
});

describe('response validation', () => {
  const Schema = v.object({ id: v.string(), status: v.picklist(['accepted', 'queued']) });

  it('returns the parsed output of the schema', async () => {
    nock(BASE).post('/messages').reply(201, { id: 'm1', status: 'accepted', extra: 1 });
    const res = await client().request({ method: 'POST', path: '/messages', json: {}, schema: Schema });
    expect(res.data).toEqual({ id: 'm1', status: 'accepted' });
    expect(res.status).toBe(201);
  });

  it('a mismatch is an unexpected_response ProviderServerError naming the field', async () => {
    nock(BASE).post('/messages').query(true).reply(200, { id: 42, status: 'accepted' });
    const error = await failure(client().request({ method: 'POST', path: '/messages?debug=1', json: {}, schema: Schema }));
    expect(error).toBeInstanceOf(ProviderServerError);
    expect(error).toMatchObject({ code: 'unexpected_response', status: 200, provider: 'acme', retryable: false });
    expect(error.message).toMatch(/^the response to POST \/v1\/messages does not match the documented shape: id: /);
    expect(error.details).toEqual({ issues: [{ path: 'id', message: expect.any(String) }] });
  });

  it('a body that is not JSON is an unexpected_response', async () => {
    nock(BASE).get('/x').reply(200, 'Service temporarily unavailable', { 'content-type': 'text/plain' });
    const error = await failure(client().request({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ code: 'unexpected_response', details: { body: 'Service temporarily unavailable' } });
    expect(error.message).toContain('not JSON');
  });

  it('an empty 2xx body is undefined, and a schema then sees undefined', async () => {
    nock(BASE).post('/read').reply(204);
    await expect(client().request({ method: 'POST', path: '/read', json: {} })).resolves.toMatchObject({ status: 204, data: undefined });
    nock(BASE).post('/read').reply(200, '');
    await expect(client().request({ method: 'POST', path: '/read', json: {}, schema: Schema })).rejects.toMatchObject({ code: 'unexpected_response' });
  });
});

describe('secrets never appear in an error', () => {
  const echo = { error: `invalid token Bearer ${TOKEN}`, key: API_KEY, hint: `password ${PASSWORD}`, authorization: `Bearer ${TOKEN}` };

  it.each([400, 401, 403, 404, 429, 500])('a vendor echoing the credentials in a %i JSON body', async (status) => {
    nock(BASE).post('/m').reply(status, echo);
    const error = await failure(client().request({ method: 'POST', path: '/m', json: {} }));
    expectNoSecrets(error);
    expect(JSON.stringify(error)).toContain('[redacted]');
  });

  it('a vendor echoing them in a text body', async () => {
    nock(BASE).get('/m').reply(502, `upstream said: api key ${API_KEY} / token ${TOKEN}`);
    expectNoSecrets(await failure(client().request({ method: 'GET', path: '/m' })));
  });

  it('an adapter message built from the vendor body', async () => {
    nock(BASE).get('/m').reply(401, echo);
    const error = await failure(
      client({ mapError: ({ body }) => ({ message: (body as typeof echo).error, vendorCode: 'AUTH' }) }).request({ method: 'GET', path: '/m' }),
    );
    expect(error.message).toBe('invalid token [redacted]');
    expectNoSecrets(error);
  });

  it('a schema mismatch whose received value is a secret', async () => {
    nock(BASE).get('/m').reply(200, { id: TOKEN });
    const error = await failure(client().request({ method: 'GET', path: '/m', schema: v.object({ id: v.number() }) }));
    expect(error.code).toBe('unexpected_response');
    expectNoSecrets(error);
  });

  it('a non-JSON success body echoing a secret', async () => {
    nock(BASE).get('/m').reply(200, `<html>key=${API_KEY}</html>`);
    expectNoSecrets(await failure(client().request({ method: 'GET', path: '/m' })));
  });

  it('a per-request auth header is scrubbed too', async () => {
    const perRequest = 'per-request-token-5555';
    nock(BASE).get('/m').reply(400, { echo: perRequest });
    const error = await failure(client().request({ method: 'GET', path: '/m', headers: { 'x-session-token': perRequest } }));
    expect(JSON.stringify(error)).not.toContain(perRequest);
  });

  it('the client exposes its secrets and redacts configured ones', async () => {
    const c = client();
    await expect(c.secrets()).resolves.toEqual(expect.arrayContaining([`Bearer ${TOKEN}`, TOKEN, API_KEY, PASSWORD]));
    expect(c.redact(`user typed ${PASSWORD}`)).toBe('user typed [redacted]');
  });
});

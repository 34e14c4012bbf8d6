// Every error of the HTTP path says whether the request may have been
// processed (`delivery`), and a non-idempotent request is retried only when
// it certainly was not. Statuses through nock; connection failures on real
// sockets (nock rewrites transport errors).
import { createServer as createNetServer } from 'node:net';
import nock from 'nock';
import * as v from 'valibot';
import {
  AbortError,
  AuthenticationError,
  createHttpClient,
  createRateLimiter,
  NetworkError,
  ProviderServerError,
  RateLimitError,
  RequestRejectedError,
  TimeoutError,
  type HttpClientOptions,
  type HttpFailure,
  type WamuxError,
} from '@wamux/core/adapter';
import { useNock } from '../../../test-support/use-nock';
import { startServer, type TestServer } from './support';

const BASE = 'https://api.delivery.test';

useNock({ loopback: true });

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ provider: 'acme', baseUrl: BASE, headers: () => ({ authorization: 'Bearer tok-0123456789' }), retry: false, ...extra });
}

async function failure(promise: Promise<unknown>): Promise<WamuxError> {
  return (await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  )) as WamuxError;
}

const send = (c = client()) => c.request({ method: 'POST', path: '/messages', json: { to: '+905551112233', text: 'hi' } });

describe('answers from the vendor', () => {
  it.each([400, 401, 403, 404, 405, 408, 409, 415, 422, 429])('HTTP %i: not_sent (the vendor did not process it)', async (status) => {
    nock(BASE).post('/messages').reply(status, { error: 'no' });
    expect(await failure(send())).toMatchObject({ status, delivery: 'not_sent' });
  });

  it('HTTP 503 with Retry-After: not_sent; without it: unknown', async () => {
    nock(BASE).post('/messages').reply(503, '', { 'Retry-After': '120' });
    expect(await failure(send())).toMatchObject({ status: 503, delivery: 'not_sent', retryAfter: 120_000 });
    nock(BASE).post('/messages').reply(503);
    expect(await failure(send())).toMatchObject({ status: 503, delivery: 'unknown' });
  });

  it.each([500, 502, 504])('HTTP %i: unknown (it may have been processed)', async (status) => {
    nock(BASE).post('/messages').reply(status);
    const error = await failure(send());
    expect(error).toBeInstanceOf(ProviderServerError);
    expect(error.delivery).toBe('unknown');
  });

  it('a 2xx that is not JSON, or not in the documented shape: unknown', async () => {
    nock(BASE).post('/messages').reply(200, '<html>ok</html>');
    expect(await failure(send())).toMatchObject({ code: 'unexpected_response', delivery: 'unknown' });
    nock(BASE).post('/messages').reply(200, { nope: true });
    const mismatch = await failure(client().request({ method: 'POST', path: '/messages', json: {}, schema: v.object({ id: v.string() }) }));
    expect(mismatch).toMatchObject({ code: 'unexpected_response', delivery: 'unknown' });
  });

  it('the adapter may say better than the status (mapError delivery)', async () => {
    nock(BASE).post('/messages').reply(500, { code: 'VALIDATION' });
    const error = await failure(send(client({ mapError: () => ({ kind: 'rejected', delivery: 'not_sent' }) })));
    expect(error).toMatchObject({ code: 'request_rejected', delivery: 'not_sent', status: 500 });
  });

  it('a URL on another origin is refused before any request: not_sent', async () => {
    const error = await failure(client().request({ method: 'GET', path: 'https://elsewhere.test/next' }));
    expect(error).toMatchObject({ code: 'unexpected_response', delivery: 'not_sent' });
  });
});

describe('retries of a non-idempotent request follow delivery', () => {
  const retrying = (extra: Partial<HttpClientOptions> = {}) => client({ retry: { limit: 3, baseDelay: 1, maxDelay: 2 }, ...extra });

  it('retries only after not_sent failures: 429, 503 + Retry-After, 408, then succeeds once', async () => {
    nock(BASE).post('/messages').reply(429, '', { 'Retry-After': '0' });
    nock(BASE).post('/messages').reply(503, '', { 'Retry-After': '0' });
    nock(BASE).post('/messages').reply(408);
    nock(BASE).post('/messages').reply(200, { id: 'm1' });
    await expect(send(retrying())).resolves.toMatchObject({ data: { id: 'm1' } });
    expect(nock.isDone()).toBe(true);
  });

  it('stops at the first unknown outcome and says so', async () => {
    nock(BASE).post('/messages').reply(429, '', { 'Retry-After': '0' });
    nock(BASE).post('/messages').reply(500);
    nock(BASE).post('/messages').reply(200, { id: 'm1' });
    expect(await failure(send(retrying()))).toMatchObject({ status: 500, delivery: 'unknown' });
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('a not_sent failure after not_sent retries stays not_sent', async () => {
    nock(BASE).post('/messages').reply(429, '', { 'Retry-After': '0' });
    nock(BASE).post('/messages').reply(400, { error: 'bad' });
    expect(await failure(send(retrying()))).toMatchObject({ status: 400, delivery: 'not_sent' });
  });

  it('an idempotent request retried after an unknown outcome ends unknown, whatever the last answer', async () => {
    nock(BASE).put('/profile').reply(500);
    nock(BASE).put('/profile').reply(400, { error: 'bad' });
    const error = await failure(retrying().request({ method: 'PUT', path: '/profile', json: { name: 'x' } }));
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error.delivery).toBe('unknown');
  });
});

describe('refusals before the request is written', () => {
  it('a failed login (the auth headers could not be made) is not_sent, whatever the login itself says', async () => {
    const loginTimedOut = new TimeoutError('POST /login timed out', { delivery: 'unknown' });
    const error = await failure(send(client({ headers: () => Promise.reject(loginTimedOut) })));
    expect(error).toBe(loginTimedOut);
    expect(error.delivery).toBe('not_sent');
  });

  it('a 401 whose credential refresh fails is not_sent, whatever the refresh itself says', async () => {
    nock(BASE).post('/messages').reply(401, { error: 'expired' });
    const loginTimedOut = new TimeoutError('POST /login timed out', { delivery: 'unknown' });
    const error = await failure(send(client({ refreshCredentials: () => Promise.reject(loginTimedOut) })));
    expect(error).toBe(loginTimedOut);
    expect(error.delivery).toBe('not_sent');
  });

  it('an already-aborted signal: not_sent', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(client().request({ method: 'POST', path: '/messages', json: {}, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ delivery: 'not_sent', provider: 'acme' });
  });

  it('a full limiter queue and an aborted limiter wait: not_sent', async () => {
    nock(BASE).post('/messages').reply(200, { id: 'first' });
    const limiter = createRateLimiter({ requests: 1, interval: 10 * 60_000, maxQueue: 1 });
    const c = client({ rateLimiter: limiter });
    await send(c);
    const controller = new AbortController();
    const queued = c.request({ method: 'POST', path: '/messages', json: {}, signal: controller.signal });
    const overflow = await failure(send(c));
    expect(overflow).toBeInstanceOf(RateLimitError);
    expect(overflow).toMatchObject({ code: 'rate_limit_queue_full', delivery: 'not_sent' });
    controller.abort();
    expect(await failure(queued)).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
  });

  it('an abort while waiting out a Retry-After: not_sent', async () => {
    nock(BASE).post('/messages').reply(429, '', { 'Retry-After': '30' });
    const controller = new AbortController();
    const pending = client({ retry: { limit: 2 } }).request({ method: 'POST', path: '/messages', json: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await failure(pending)).toMatchObject({ code: 'aborted', delivery: 'not_sent' });
  });
});

describe('connection failures (real sockets)', () => {
  let server: TestServer;
  let handle: Parameters<typeof startServer>[0];
  beforeEach(async () => {
    handle = (_req, res) => res.end('{}');
    server = await startServer((req, res) => handle(req, res));
  });
  afterEach(() => server.close());

  const local = (extra: Partial<HttpClientOptions> = {}) =>
    createHttpClient({
      provider: 'net',
      baseUrl: server.url,
      headers: () => ({ authorization: 'Bearer tok-0123456789' }),
      retry: { limit: 2, baseDelay: 1, maxDelay: 2 },
      ...extra,
    });

  it('a connection dropped after the request was written: unknown, and a POST is not retried', async () => {
    handle = (req) => req.on('end', () => req.socket.destroy()).resume();
    const error = await failure(local().request({ method: 'POST', path: '/messages', json: {} }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.delivery).toBe('unknown');
    expect(server.hits).toHaveLength(1);
  });

  it('a refused connection: not_sent (and retried)', async () => {
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const error = await failure(
      createHttpClient({ provider: 'net', baseUrl: `http://127.0.0.1:${port}`, retry: { limit: 1, baseDelay: 1 } }).request({
        method: 'POST',
        path: '/m',
        json: {},
      }),
    );
    expect(error).toMatchObject({ code: 'network_error', delivery: 'not_sent' });
  });

  it('a timeout: unknown', async () => {
    handle = () => undefined;
    const error = await failure(local({ timeout: 150 }).request({ method: 'POST', path: '/messages', json: {} }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.delivery).toBe('unknown');
  });

  it('an abort while the request is on the wire: unknown', async () => {
    const controller = new AbortController();
    handle = () => controller.abort();
    const error = await failure(local().request({ method: 'POST', path: '/messages', json: {}, signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error.delivery).toBe('unknown');
  });

  it('a 2xx whose body breaks off: a typed NetworkError, unknown', async () => {
    handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":"wam', () => res.destroy());
    };
    const error = await failure(local().request({ method: 'POST', path: '/messages', json: {} }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.delivery).toBe('unknown');
    // The host, never the path.
    expect(error.message).toMatch(/^the response body from 127\.0\.0\.1:\d+ broke off: /);
    expect(error.message).not.toContain('/messages');
  });
});

describe('errorInBody: vendor errors inside a 2xx answer', () => {
  /** Desk360-like: `{ error: { code } }` in a 200 is an error envelope. */
  const envelope = (answer: HttpFailure) => {
    const body = answer.body as { error?: { code?: string; message?: string } } | undefined;
    if (body?.error === undefined) return undefined;
    const kind =
      body.error.code === 'too_many_requests_exception'
        ? ('rate_limit' as const)
        : body.error.code === 'internal'
          ? ('server' as const)
          : ('rejected' as const);
    return { kind, vendorCode: body.error.code, message: body.error.message };
  };
  const withHook = (extra: Partial<HttpClientOptions> = {}) =>
    client({ errorInBody: envelope, retry: { limit: 2, baseDelay: 1, maxDelay: 2, maxRetryAfter: 5_000 }, ...extra });

  it('a rate-limit envelope in a 200 is waited out and retried like a 429: the send goes once', async () => {
    nock(BASE)
      .post('/messages')
      .reply(200, { error: { code: 'too_many_requests_exception', message: 'slow down' } }, { 'Retry-After': '0' });
    nock(BASE).post('/messages').reply(200, { id: 'm1' });
    const response = await client({ errorInBody: envelope, retry: { limit: 2 } }).request({
      method: 'POST',
      path: '/messages',
      json: {},
      schema: v.object({ id: v.string() }),
    });
    expect(response.data).toEqual({ id: 'm1' });
    expect(nock.isDone()).toBe(true);
  });

  it('waits the Retry-After of the 200 before retrying', async () => {
    nock(BASE)
      .post('/messages')
      .reply(200, { error: { code: 'too_many_requests_exception' } }, { 'Retry-After': '1' });
    nock(BASE).post('/messages').reply(200, { id: 'm1' });
    const started = Date.now();
    await send(withHook());
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('when retries run out: RateLimitError, not_sent, with the vendor code and retryAfter', async () => {
    nock(BASE)
      .post('/messages')
      .times(3)
      .reply(200, { error: { code: 'too_many_requests_exception', message: 'slow down' } }, { 'Retry-After': '0' });
    const error = await failure(send(withHook()));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 200, delivery: 'not_sent', vendorCode: 'too_many_requests_exception', retryAfter: 0, message: 'slow down' });
    expect(nock.isDone()).toBe(true);
  });

  it('a refusal envelope is thrown as its typed error, not_sent, not retried', async () => {
    nock(BASE)
      .post('/messages')
      .reply(200, { error: { code: 'failed_validation', message: 'The to field is required.' } });
    const error = await failure(send(withHook()));
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error).toMatchObject({ status: 200, delivery: 'not_sent', vendorCode: 'failed_validation', details: { error: { code: 'failed_validation' } } });
  });

  it('a server-kind envelope is unknown and not retried', async () => {
    nock(BASE)
      .post('/messages')
      .reply(200, { error: { code: 'internal' } });
    nock(BASE).post('/messages').reply(200, { id: 'never' });
    const error = await failure(send(withHook()));
    expect(error).toMatchObject({ code: 'provider_error', delivery: 'unknown' });
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('is asked about 2xx JSON answers only, before the schema; a success passes through', async () => {
    const seen: unknown[] = [];
    const hook = (answer: HttpFailure) => {
      seen.push(answer.body);
      return undefined;
    };
    nock(BASE).post('/messages').reply(200, { id: 'm1' });
    nock(BASE)
      .get('/media/1')
      .reply(200, Buffer.from([1, 2]));
    nock(BASE)
      .post('/messages')
      .reply(400, { error: { code: 'x' } });
    const c = client({ errorInBody: hook });
    await c.request({ method: 'POST', path: '/messages', json: {}, schema: v.object({ id: v.string() }) });
    await c.request({ method: 'GET', path: '/media/1', responseType: 'bytes' });
    await failure(send(c));
    expect(seen).toEqual([{ id: 'm1' }]);
  });

  it('a 401 envelope in a 200 is an AuthenticationError, not_sent', async () => {
    const hook = () => ({ kind: 'authentication' as const });
    nock(BASE).post('/messages').reply(200, { error: 'unauthorized' });
    const error = await failure(send(client({ errorInBody: hook })));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.delivery).toBe('not_sent');
  });
});

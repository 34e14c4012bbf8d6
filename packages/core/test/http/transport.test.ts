// How an attempt reaches fetch: the headers and body the client built, the
// signal ky aborts on a timeout and which follows the caller's. Real sockets
// on 127.0.0.1, so what the server sees is what was sent.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AbortError, createHttpClient, TimeoutError, toFormData, type HttpClientOptions } from '@wamux/core/adapter';
import { deferred, startServer, type TestServer } from '../support';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: string;
}

let server: TestServer;
let seen: Seen[];
let answer: (req: IncomingMessage, res: ServerResponse) => void;

beforeEach(async () => {
  seen = [];
  answer = (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  };
  server = await startServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(req, res);
    });
  });
});
afterEach(() => server.close());

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({ provider: 'test', baseUrl: `${server.url}/v1`, headers: () => ({ Authorization: 'Bearer token-1234' }), retry: false, ...extra });
}

/** The values a header was sent with, whatever the case of its name. */
function sent(request: Seen, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    if (request.rawHeaders[i]?.toLowerCase() === name) values.push(request.rawHeaders[i + 1] ?? '');
  }
  return values;
}

describe('headers', () => {
  it('a request header replaces an auth or default header whatever the case of its name, and is sent once', async () => {
    await client().request({
      method: 'POST',
      path: '/m',
      json: { a: 1 },
      headers: { authorization: 'Bearer other-5678', 'Content-Type': 'application/vnd.api+json', ACCEPT: 'text/plain' },
    });
    const [request] = seen;
    expect(sent(request as Seen, 'authorization')).toEqual(['Bearer other-5678']);
    expect(sent(request as Seen, 'content-type')).toEqual(['application/vnd.api+json']);
    expect(sent(request as Seen, 'accept')).toEqual(['text/plain']);
  });

  it('a JSON body is sent with its content type and the default accept', async () => {
    await client().request({ method: 'POST', path: '/m', json: { to: 'x', n: [1, 2] } });
    const [request] = seen;
    expect(request).toMatchObject({ method: 'POST', url: '/v1/m', body: '{"to":"x","n":[1,2]}' });
    expect(sent(request as Seen, 'content-type')).toEqual(['application/json']);
    expect(sent(request as Seen, 'accept')).toEqual(['application/json, */*;q=0.5']);
    expect(sent(request as Seen, 'authorization')).toEqual(['Bearer token-1234']);
  });

  it('a form is sent with the boundary fetch writes, even when the request names a content type', async () => {
    await client().request({
      method: 'POST',
      path: '/m',
      form: toFormData({ to: '905551112233', text: 'hi' }),
      headers: { 'content-type': 'multipart/form-data' },
    });
    const [request] = seen;
    const types = sent(request as Seen, 'content-type');
    expect(types).toHaveLength(1);
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(types[0] ?? '')?.[1];
    expect(boundary).toBeDefined();
    expect(request?.body).toContain(`--${boundary}`);
    expect(request?.body).toMatch(/name="text"\r\n\r\nhi\r\n/);
  });

  it('a request without a body carries no content type', async () => {
    await client().request({ method: 'GET', path: '/m' });
    expect(seen[0]?.headers['content-type']).toBeUndefined();
    expect(seen[0]?.body).toBe('');
  });
});

describe('bodies on retries', () => {
  it.each([
    ['JSON', { json: { to: 'x' } }],
    ['form', { form: toFormData({ to: 'x' }) }],
  ])('a retried request sends its %s body again', async (_kind, body) => {
    let calls = 0;
    answer = (_req, res) => {
      calls += 1;
      res.writeHead(calls === 1 ? 503 : 200, { 'content-type': 'application/json' });
      res.end('{}');
    };
    await client({ retry: { limit: 1, baseDelay: 1, maxDelay: 2 } }).request({ method: 'PUT', path: '/m', ...body });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.body).not.toBe('');
    expect(seen[1]?.body.replace(/-{2,}[\w-]+/g, 'BOUNDARY')).toBe(seen[0]?.body.replace(/-{2,}[\w-]+/g, 'BOUNDARY'));
  });
});

describe('the fetch it was given', () => {
  it("is called with ky's Request: the URL with its query, the method, the headers, the body and a signal", async () => {
    const requests: Request[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      if (input instanceof Request) requests.push(input.clone());
      return fetch(input, init);
    };
    await client({ fetch: fetchImpl }).request({ method: 'POST', path: '/m', query: { a: 'b' }, json: { x: 1 } });
    expect(requests).toHaveLength(1);
    const [request] = requests as [Request];
    expect(request.url).toBe(`${server.url}/v1/m?a=b`);
    expect(request.method).toBe('POST');
    expect(request.headers.get('authorization')).toBe('Bearer token-1234');
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.redirect).toBe('manual');
    expect(await request.text()).toBe('{"x":1}');
    expect(request.signal).toBeInstanceOf(AbortSignal);
  });

  it('sees its signal aborted when the attempt times out', async () => {
    const signals: AbortSignal[] = [];
    const hung = deferred<Response>();
    const fetchImpl: typeof fetch = (input) => {
      if (input instanceof Request) signals.push(input.signal);
      return hung.promise;
    };
    await expect(client({ fetch: fetchImpl, timeout: 50 }).request({ method: 'POST', path: '/m', json: {} })).rejects.toBeInstanceOf(TimeoutError);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(true);
  });

  it("sees its signal aborted when the caller's signal aborts", async () => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const fetchImpl: typeof fetch = (input) => {
      const signal = (input as Request).signal;
      signals.push(signal);
      return new Promise<Response>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
        controller.abort();
      });
    };
    await expect(client({ fetch: fetchImpl, timeout: 60_000 }).request({ method: 'GET', path: '/m', signal: controller.signal })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(signals[0]?.aborted).toBe(true);
  });
});

describe('query and URL', () => {
  it('repeats an array parameter, leaves out null and undefined, and keeps the base path', async () => {
    await client().request({ method: 'GET', path: 'items', query: { id: [1, 2], q: 'a b', skip: undefined, none: null, on: true } });
    expect(seen[0]?.url).toBe('/v1/items?id=1&id=2&q=a+b&on=true');
  });

  it('sends an absolute URL on the same origin as is, without the base path', async () => {
    await client().request({ method: 'GET', path: `${server.url}/other/page?cursor=2` });
    expect(seen[0]?.url).toBe('/other/page?cursor=2');
  });
});

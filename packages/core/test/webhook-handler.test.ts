import { request as httpRequest } from 'node:http';
import {
  createWebhookHandler,
  defineProvider,
  parseJsonBody,
  WebhookListenerError,
  WebhookPayloadError,
  WebhookVerificationError,
  type DedupeStore,
  type DeliveryStatus,
  type WamuxError,
  type WebhookEvent,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookReply,
  type WebhookRequest,
} from '@wamux/core/adapter';
import { minimalDriver, startServer, type TestServer } from './support';

type Item =
  | { kind: 'message'; id: string; text?: string }
  | { kind: 'status'; id: string; status: DeliveryStatus }
  | { kind: 'event'; name: string; id?: string };

interface Body {
  items?: Item[];
  reply?: WebhookReply;
  crash?: boolean;
}

function toEvent(item: Item): WebhookEvent {
  switch (item.kind) {
    case 'message':
      return {
        type: 'message',
        provider: 'fake',
        message: {
          id: item.id,
          from: '+905551112233',
          customer: { phone: '+905551112233' },
          timestamp: new Date(0),
          content: { type: 'text', text: item.text ?? 'hi' },
        },
        raw: item,
      };
    case 'status':
      return { type: 'status', provider: 'fake', status: { messageId: item.id, status: item.status }, raw: item };
    case 'event':
      return { type: 'provider_event', provider: 'fake', kind: item.name, id: item.id, payload: {}, raw: item };
  }
}

/** A provider whose webhook format is `{ items: [...] }`; `x-token` (when present) must be `good`. */
function fakeProvider() {
  const seen: WebhookRequest[] = [];
  const parseWebhook = jest.fn(async (request: WebhookRequest) => {
    seen.push(request);
    if (request.headers['x-token'] !== undefined && request.headers['x-token'] !== 'good') {
      throw new WebhookVerificationError('bad token', { provider: 'fake' });
    }
    const body = parseJsonBody(request, 'fake') as Body;
    if (body.crash) throw new TypeError('driver bug: cannot read properties of undefined');
    if (!Array.isArray(body.items)) throw new WebhookPayloadError('items is missing', { provider: 'fake', status: 422 });
    return { events: body.items.map(toEvent), reply: body.reply };
  });
  return { provider: defineProvider(minimalDriver({ parseWebhook })), parseWebhook, seen };
}

/** A handler plus everything it emitted, in order. */
function setup(options: WebhookHandlerOptions = {}) {
  const fake = fakeProvider();
  const handler = createWebhookHandler(fake.provider, options);
  const emitted: string[] = [];
  const errors: WamuxError[] = [];
  handler.on('message', (e) => emitted.push(`message:${e.message.id}`));
  handler.on('status', (e) => emitted.push(`status:${e.status.messageId}:${e.status.status}`));
  handler.on('provider_event', (e) => emitted.push(`event:${e.kind}:${e.id ?? '-'}`));
  handler.on('error', (e) => errors.push(e));
  return { ...fake, handler, emitted, errors };
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('https://app.test/webhooks/fake?x=1', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('createWebhookHandler: fetch', () => {
  it('answers 200 and emits every item of a batch in order, across event types', async () => {
    const { handler, emitted, errors, seen } = setup();
    const items: Item[] = [
      { kind: 'message', id: 'm1' },
      { kind: 'status', id: 'o1', status: 'delivered' },
      { kind: 'event', name: 'assigned', id: 'e1' },
      { kind: 'message', id: 'm2' },
      { kind: 'status', id: 'o1', status: 'read' },
    ];
    const response = await handler.fetch(post({ items }, { 'X-Token': 'good' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(emitted).toEqual(['message:m1', 'status:o1:delivered', 'event:assigned:e1', 'message:m2', 'status:o1:read']);
    expect(errors).toEqual([]);
    // The adapter sees the raw body, the full URL and lower-cased headers.
    expect(seen[0]).toMatchObject({ method: 'POST', url: 'https://app.test/webhooks/fake?x=1', body: JSON.stringify({ items }) });
    expect(seen[0]?.headers['x-token']).toBe('good');
  });

  it.each(['GET', 'PUT', 'DELETE'])('answers 405 to %s without parsing', async (method) => {
    const { handler, parseWebhook, errors } = setup();
    const response = await handler.fetch(new Request('https://app.test/hook', method === 'GET' ? { method } : { method, body: '{}' }));
    expect(response.status).toBe(405);
    expect(await response.text()).toBe('method not allowed');
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors).toEqual([]);
  });

  it('answers 413 to a declared content-length over the limit, before reading or parsing', async () => {
    const { handler, parseWebhook, errors } = setup({ maxBodyBytes: 1024 });
    const response = await handler.fetch(post({ items: [] }, { 'content-length': '5000' }));
    expect(response.status).toBe(413);
    await expect(response.json()).resolves.toEqual({ error: { code: 'webhook_payload_invalid', message: expect.stringContaining('too large') } });
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WebhookPayloadError);
    expect(errors[0]).toMatchObject({ status: 413, provider: 'fake' });
  });

  it('answers 413 to a streamed body over the limit, and stops reading it', async () => {
    const { handler, parseWebhook, errors } = setup({ maxBodyBytes: 8 * 1024 });
    let pulls = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    const request = new Request('https://app.test/hook', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    const response = await handler.fetch(request);
    expect(response.status).toBe(413);
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors.map((e) => e.status)).toEqual([413]);
    expect(pulls).toBeLessThan(64);
    expect(cancelled).toBe(true);
  });

  it('reassembles a streamed body whose multi-byte characters are split across chunks', async () => {
    const { handler, seen } = setup();
    const text = JSON.stringify({ items: [{ kind: 'message', id: 'm1', text: 'ğüş ✓ 👍' }] });
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i, i + 3));
        controller.close();
      },
    });
    const response = await handler.fetch(new Request('https://app.test/hook', { method: 'POST', body: stream, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(200);
    expect(seen[0]?.body).toBe(text);
  });

  it('accepts a body exactly at the limit', async () => {
    const body = JSON.stringify({ items: [{ kind: 'message', id: 'm1', text: 'x'.repeat(2000) }] });
    const { handler, emitted } = setup({ maxBodyBytes: Buffer.byteLength(body) });
    const response = await handler.fetch(post(body));
    expect(response.status).toBe(200);
    expect(emitted).toEqual(['message:m1']);
  });

  it('answers 400 and emits error for a body that is not JSON, never throwing', async () => {
    const { handler, errors, emitted } = setup();
    const response = await handler.fetch(post('{"items": [oops'));
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toEqual({ error: { code: 'webhook_payload_invalid', message: 'the webhook body is not valid JSON' } });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('webhook_payload_invalid');
    expect(emitted).toEqual([]);
  });

  it('keeps a 4xx status the adapter chose', async () => {
    const { handler } = setup();
    expect((await handler.fetch(post({ nothing: true }))).status).toBe(422);
  });

  it('answers 401 to a delivery that fails verification', async () => {
    const { handler, errors, emitted } = setup();
    const response = await handler.fetch(post({ items: [{ kind: 'message', id: 'm1' }] }, { 'x-token': 'forged' }));
    expect(response.status).toBe(401);
    await expect(response.json()).resolves.toEqual({ error: { code: 'webhook_verification_failed', message: 'bad token' } });
    expect(errors[0]).toBeInstanceOf(WebhookVerificationError);
    expect(emitted).toEqual([]);
  });

  it('turns an unexpected adapter exception into 400 + a WebhookPayloadError with the cause', async () => {
    const { handler, errors } = setup();
    const response = await handler.fetch(post({ crash: true }));
    expect(response.status).toBe(400);
    expect(errors[0]).toBeInstanceOf(WebhookPayloadError);
    expect(errors[0]?.message).toBe('the webhook could not be parsed');
    expect((errors[0]?.cause as Error | undefined)?.name).toBe('TypeError');
  });

  it('does not crash on a bad payload when nobody listens for errors', async () => {
    const { provider } = fakeProvider();
    const handler = createWebhookHandler(provider);
    await expect(handler.fetch(post('not json'))).resolves.toMatchObject({ status: 400 });
  });

  it('a throwing listener makes the answer a 500 (no detail of the app), is reported with its event, and later events still run', async () => {
    const { provider } = fakeProvider();
    const handler = createWebhookHandler(provider);
    const got: string[] = [];
    const errors: WamuxError[] = [];
    handler.on('message', (e) => {
      got.push(e.message.id);
      if (e.message.id === 'm1') throw new Error('app bug');
    });
    handler.on('error', (e) => errors.push(e));
    const response = await handler.fetch(
      post({
        items: [
          { kind: 'message', id: 'm1' },
          { kind: 'message', id: 'm2' },
        ],
      }),
    );
    expect(response.status).toBe(500);
    await expect(response.json()).resolves.toEqual({ error: { code: 'webhook_listener_failed', message: 'a "message" listener failed' } });
    expect(got).toEqual(['m1', 'm2']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WebhookListenerError);
    expect(errors[0]).toMatchObject({ code: 'webhook_listener_failed', provider: 'fake', message: 'a "message" listener failed' });
    expect((errors[0] as WebhookListenerError).event).toMatchObject({ type: 'message', message: { id: 'm1' } });
    expect((errors[0]?.cause as Error | undefined)?.message).toBe('app bug');
  });

  it('a throwing listener with no error listener answers 500 without throwing', async () => {
    const { provider } = fakeProvider();
    const handler = createWebhookHandler(provider);
    handler.on('status', () => {
      throw new Error('app bug');
    });
    await expect(handler.fetch(post({ items: [{ kind: 'status', id: 'o', status: 'sent' }] }))).resolves.toMatchObject({ status: 500 });
  });

  it('returns a JSON reply body with its status and headers', async () => {
    const { handler } = setup();
    const response = await handler.fetch(post({ items: [], reply: { status: 202, headers: { 'x-ack': 'yes' }, body: { received: true } } }));
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-ack')).toBe('yes');
    await expect(response.json()).resolves.toEqual({ received: true });
  });

  it('returns a text reply body (a verification challenge) as text/plain', async () => {
    const { handler } = setup();
    const response = await handler.fetch(post({ items: [], reply: { status: 200, body: 'challenge-123' } }));
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('challenge-123');
  });

  it('lets a reply header override the content type', async () => {
    const { handler } = setup();
    const response = await handler.fetch(post({ items: [], reply: { status: 200, headers: { 'content-type': 'application/xml' }, body: '<ok/>' } }));
    expect(response.headers.get('content-type')).toBe('application/xml');
    expect(await response.text()).toBe('<ok/>');
  });

  it('returns a reply status without a body', async () => {
    const { handler } = setup();
    const response = await handler.fetch(post({ items: [{ kind: 'message', id: 'm1' }], reply: { status: 204, headers: { 'x-n': '1' } } }));
    expect(response.status).toBe(204);
    expect(response.headers.get('x-n')).toBe('1');
    expect(await response.text()).toBe('');
  });
});

describe('createWebhookHandler: de-duplication', () => {
  it('drops a redelivered message and counts it', async () => {
    const { handler, emitted } = setup();
    const delivery = {
      items: [
        { kind: 'message', id: 'm1' },
        { kind: 'message', id: 'm2' },
      ],
    };
    const first = await handler.handle({ method: 'POST', url: 'http://x/', headers: {}, body: JSON.stringify(delivery) });
    const second = await handler.handle({ method: 'POST', url: 'http://x/', headers: {}, body: JSON.stringify(delivery) });
    expect(first).toMatchObject({ status: 200, duplicates: 0 });
    expect(first.events.map((e) => e.type)).toEqual(['message', 'message']);
    expect(second).toMatchObject({ status: 200, duplicates: 2, events: [] });
    expect(emitted).toEqual(['message:m1', 'message:m2']);
  });

  it('drops a duplicate inside one batch', async () => {
    const { handler, emitted } = setup();
    const response = await handler.fetch(
      post({
        items: [
          { kind: 'message', id: 'm1' },
          { kind: 'message', id: 'm1' },
          { kind: 'message', id: 'm3' },
        ],
      }),
    );
    expect(response.status).toBe(200);
    expect(emitted).toEqual(['message:m1', 'message:m3']);
  });

  it('keeps each state of a status once', async () => {
    const { handler, emitted } = setup();
    await handler.fetch(
      post({
        items: [
          { kind: 'status', id: 'o1', status: 'sent' },
          { kind: 'status', id: 'o1', status: 'delivered' },
        ],
      }),
    );
    await handler.fetch(
      post({
        items: [
          { kind: 'status', id: 'o1', status: 'delivered' },
          { kind: 'status', id: 'o1', status: 'read' },
        ],
      }),
    );
    expect(emitted).toEqual(['status:o1:sent', 'status:o1:delivered', 'status:o1:read']);
  });

  it('deduplicates provider events by id, and never those without one', async () => {
    const { handler, emitted } = setup();
    const items = [
      { kind: 'event', name: 'assigned', id: 'e1' },
      { kind: 'event', name: 'ping' },
    ];
    await handler.fetch(post({ items }));
    await handler.fetch(post({ items }));
    expect(emitted).toEqual(['event:assigned:e1', 'event:ping:-', 'event:ping:-']);
  });

  it('is bounded: with capacity 2, an id pushed out is accepted again', async () => {
    const { handler, emitted } = setup({ dedupe: { capacity: 2 } });
    for (const id of ['a', 'b', 'a', 'c', 'd', 'a']) await handler.fetch(post({ items: [{ kind: 'message', id }] }));
    // a, b: new; a: dup; c: new; d: new (holding 4 > 2 + 1, the store keeps c, d); a: new again.
    expect(emitted).toEqual(['message:a', 'message:b', 'message:c', 'message:d', 'message:a']);
  });

  it('can be turned off', async () => {
    const { handler, emitted } = setup({ dedupe: false });
    await handler.fetch(post({ items: [{ kind: 'message', id: 'm1' }] }));
    await handler.fetch(post({ items: [{ kind: 'message', id: 'm1' }] }));
    expect(emitted).toEqual(['message:m1', 'message:m1']);
  });

  it('uses a custom (asynchronous) store: claim with a lease, then complete', async () => {
    const calls: string[] = [];
    const done = new Set<string>();
    const store: DedupeStore = {
      claim: async (key, leaseMs) => {
        calls.push(`claim ${key} ${leaseMs}`);
        return done.has(key) ? { state: 'done' } : { state: 'claimed', token: `t-${key}` };
      },
      complete: async (key, token) => {
        calls.push(`complete ${key} ${token}`);
        done.add(key);
      },
      release: async (key, token) => {
        calls.push(`release ${key} ${token}`);
      },
    };
    const { handler, emitted } = setup({ dedupe: store, listenerTimeout: 1000 });
    await handler.fetch(post({ items: [{ kind: 'message', id: 'm1' }] }));
    const outcome = await handler.handle({ method: 'POST', url: 'http://x/', headers: {}, body: JSON.stringify({ items: [{ kind: 'message', id: 'm1' }] }) });
    expect(outcome).toMatchObject({ status: 200, duplicates: 1, events: [] });
    expect(emitted).toEqual(['message:m1']);
    // The lease outlives the listener deadline.
    expect(calls).toEqual(['claim fake:m:m1 3000', 'complete fake:m:m1 t-fake:m:m1', 'claim fake:m:m1 3000']);
  });

  it('refuses a store of the old shape (add) with a ConfigurationError naming the option', () => {
    const { provider } = fakeProvider();
    expect(() => createWebhookHandler(provider, { dedupe: { add: () => true } as unknown as DedupeStore })).toThrow(
      expect.objectContaining({ code: 'configuration_invalid', field: 'dedupe' }),
    );
  });

  it('a duplicate-only delivery is still acknowledged with the adapter reply', async () => {
    const { handler } = setup();
    await handler.fetch(post({ items: [{ kind: 'message', id: 'm1' }] }));
    const response = await handler.fetch(post({ items: [{ kind: 'message', id: 'm1' }], reply: { status: 200, body: { ok: true } } }));
    await expect(response.json()).resolves.toEqual({ ok: true });
  });
});

describe('createWebhookHandler: handle', () => {
  it('answers 405 for anything but POST', async () => {
    const { handler } = setup();
    await expect(handler.handle({ method: 'GET', url: 'http://x/', headers: {}, body: '' })).resolves.toEqual({
      status: 405,
      events: [],
      failed: [],
      duplicates: 0,
      inFlight: 0,
    });
  });

  it('answers 413 for an already-read body over the limit', async () => {
    const { handler, parseWebhook } = setup({ maxBodyBytes: 2048 });
    const outcome = await handler.handle({ method: 'POST', url: 'http://x/', headers: {}, body: 'é'.repeat(1500) }); // 3000 bytes
    expect(outcome.status).toBe(413);
    expect(outcome.error?.code).toBe('webhook_payload_invalid');
    expect(parseWebhook).not.toHaveBeenCalled();
  });

  it('measures the real UTF-8 size under a small (< 1 KiB) limit', async () => {
    const body = JSON.stringify({ items: [{ kind: 'message', id: 'm1' }] });
    expect(Buffer.byteLength(body)).toBeLessThan(100);
    const { handler } = setup({ maxBodyBytes: 100 });
    await expect(handler.handle({ method: 'POST', url: 'http://x/', headers: {}, body })).resolves.toMatchObject({ status: 200 });
    // 40 two-byte characters are 80 bytes: fine; 60 are 120 bytes: too large.
    await expect(handler.handle({ method: 'POST', url: 'http://x/', headers: {}, body: 'é'.repeat(40) })).resolves.toMatchObject({ status: 400 });
    await expect(handler.handle({ method: 'POST', url: 'http://x/', headers: {}, body: 'é'.repeat(60) })).resolves.toMatchObject({ status: 413 });
  });
});

/** Sends a request with node:http, writing the body in the given chunks (chunked encoding unless content-length is set). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; chunks?: Array<string | Uint8Array>; signal?: AbortSignal }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers, signal: options.signal, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end();
  });
}

describe('createWebhookHandler: node listener on a real server', () => {
  let server: TestServer;
  let current: ReturnType<typeof setup>;
  let listen: (handler: WebhookHandler, req: Parameters<WebhookHandler['node']>[0], res: Parameters<WebhookHandler['node']>[1]) => void;

  beforeAll(async () => {
    server = await startServer((req, res) => listen(current.handler, req, res));
  });
  beforeEach(() => {
    listen = (handler, req, res) => void handler.node(req, res);
  });
  afterEach(() => server.dropConnections());
  afterAll(() => server.close());

  it('answers 200 and emits the events of a POST', async () => {
    current = setup();
    const body = JSON.stringify({
      items: [
        { kind: 'message', id: 'n1' },
        { kind: 'status', id: 'o1', status: 'failed' },
      ],
    });
    const response = await send(`${server.url}/hooks/fake?token=abc`, {
      headers: { 'X-Token': 'good', 'content-type': 'application/json' },
      chunks: [body.slice(0, 10), body.slice(10)],
    });
    expect(response.status).toBe(200);
    expect(current.emitted).toEqual(['message:n1', 'status:o1:failed']);
    expect(current.seen[0]).toMatchObject({ method: 'POST', body, url: `${server.url}/hooks/fake?token=abc` });
    expect(current.seen[0]?.headers['x-token']).toBe('good');
  });

  it('answers 405 to GET', async () => {
    current = setup();
    const response = await send(server.url, { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.body).toBe('method not allowed');
    expect(current.parseWebhook).not.toHaveBeenCalled();
  });

  it('answers 413 to a chunked body over the limit without parsing it', async () => {
    current = setup({ maxBodyBytes: 4096 });
    const chunk = 'x'.repeat(1000);
    const response = await send(server.url, { chunks: Array.from({ length: 20 }, () => chunk) });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'webhook_payload_invalid' } });
    expect(current.parseWebhook).not.toHaveBeenCalled();
    expect(current.errors.map((e) => e.status)).toEqual([413]);
  });

  it('answers 413 to a body with a content-length over the limit', async () => {
    current = setup({ maxBodyBytes: 1024 });
    const body = JSON.stringify({ items: [{ kind: 'message', id: 'big', text: 'y'.repeat(5000) }] });
    const response = await send(server.url, { headers: { 'content-length': String(Buffer.byteLength(body)) }, chunks: [body] });
    expect(response.status).toBe(413);
    expect(current.parseWebhook).not.toHaveBeenCalled();
    expect(current.emitted).toEqual([]);
  });

  it('answers 400 with a JSON error to a bad payload and keeps serving', async () => {
    current = setup();
    const bad = await send(server.url, { chunks: ['{nope'] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/json/);
    expect(current.errors).toHaveLength(1);
    const good = await send(server.url, { chunks: [JSON.stringify({ items: [{ kind: 'message', id: 'after' }] })] });
    expect(good.status).toBe(200);
    expect(current.emitted).toEqual(['message:after']);
  });

  it('writes the reply status, headers and body', async () => {
    current = setup();
    const response = await send(server.url, {
      chunks: [JSON.stringify({ items: [], reply: { status: 200, headers: { 'x-ack': 'ok' }, body: { received: 1 } } })],
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-ack']).toBe('ok');
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual({ received: 1 });
  });

  it('reuses a raw body a framework already read (req.rawBody as a Buffer, req.body as a string)', async () => {
    for (const shape of ['rawBody', 'body'] as const) {
      current = setup();
      listen = (handler, req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const raw = Buffer.concat(chunks);
          Object.assign(req, shape === 'rawBody' ? { rawBody: raw } : { body: raw.toString('utf8') });
          void handler.node(req, res);
        });
      };
      const body = JSON.stringify({ items: [{ kind: 'message', id: `pre-${shape}`, text: 'çok güzel' }] });
      const response = await send(server.url, { chunks: [body] });
      expect(response.status).toBe(200);
      expect(current.seen[0]?.body).toBe(body);
      expect(current.emitted).toEqual([`message:pre-${shape}`]);
    }
  });

  it('answers 400 (instead of hanging) when a body parser already consumed the stream', async () => {
    current = setup();
    listen = (handler, req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        // What express.json() leaves behind: a parsed object, the raw bytes gone.
        Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        void handler.node(req, res);
      });
    };
    const response = await send(server.url, { chunks: [JSON.stringify({ items: [{ kind: 'message', id: 'm1' }] })] });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'webhook_payload_invalid', message: expect.stringContaining('body parser') } });
    expect(current.parseWebhook).not.toHaveBeenCalled();
    expect(current.errors).toHaveLength(1);
    expect(current.emitted).toEqual([]);
  });
});

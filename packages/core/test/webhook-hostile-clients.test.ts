// The handler against clients that do not play by the rules: bodies cut
// short, trickled, or whose stream errors. node() and fetch() never reject.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookPayloadError, type WebhookHandler } from '@wamux/core/adapter';
import { deferred } from './support';
import { message, rawRequest, settle, track, unhandledRejectionSpy, webhookSetup, type RawClient } from './webhook-support';

const BODY = JSON.stringify({ items: [message('m1')] });
const head = (contentLength: number | string) =>
  `POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${contentLength}\r\n\r\n`;

/** A node:http server (options as `createServer` takes them) whose requests go to `handler.node`; every call's promise is kept. */
async function serve(handler: WebhookHandler, options: Parameters<typeof createServer>[0] = {}) {
  const calls: Array<Promise<void>> = [];
  const requests: IncomingMessage[] = [];
  const server: Server = createServer(options, (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req);
    const call = handler.node(req, res);
    calls.push(call);
    // The documented recipe: the promise is dropped.
    void call;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    requests,
    /** Resolves once `count` requests reached the handler. */
    async arrived(count: number) {
      while (requests.length < count) await settle(1);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('webhook handler: hostile clients on node()', () => {
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let client: RawClient | undefined;
  let spy: ReturnType<typeof unhandledRejectionSpy> | undefined;

  beforeEach(() => {
    spy = unhandledRejectionSpy();
  });
  afterEach(async () => {
    client?.socket.destroy();
    await server?.close();
    spy?.stop();
    server = client = spy = undefined;
  });

  it('a client that sends part of the body and disconnects: node() resolves, nothing is parsed, the error is reported', async () => {
    const { handler, parseWebhook, errors } = webhookSetup();
    server = await serve(handler);
    client = await rawRequest(server.url, head(1000), BODY.slice(0, 10));
    await server.arrived(1);
    client.socket.destroy();
    await expect(Promise.all(server.calls)).resolves.toEqual([undefined]);
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WebhookPayloadError);
    expect(errors[0]).toMatchObject({ status: 400, message: 'the client closed the connection before the whole webhook body arrived' });
    await settle();
    expect(spy?.seen).toEqual([]);
  });

  it("Node's requestTimeout mid-body: Node answers 408 itself, node() resolves and reports a 408", async () => {
    const { handler, parseWebhook, errors } = webhookSetup();
    server = await serve(handler, { requestTimeout: 100, connectionsCheckingInterval: 20 });
    client = await rawRequest(server.url, head(1000), BODY.slice(0, 10));
    const received = await client.closed;
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    await expect(Promise.all(server.calls)).resolves.toEqual([undefined]);
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors.map((error) => [error.status, error.message])).toEqual([[408, "the webhook body did not arrive within the server's requestTimeout"]]);
    await settle();
    expect(spy?.seen).toEqual([]);
  });

  it('a body trickled slower than bodyTimeout: 408 with a typed error, and the connection is closed', async () => {
    const { handler, parseWebhook, errors } = webhookSetup({ bodyTimeout: 50 });
    server = await serve(handler);
    client = await rawRequest(server.url, head(BODY.length), BODY.slice(0, 1));
    // One byte now and then, never the whole body: only the timeout ends it.
    const socket = client.socket;
    const trickle = setInterval(() => socket.writable && socket.write(' '), 10);
    try {
      const received = await client.closed;
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
      expect(received.toLowerCase()).toContain('connection: close');
      expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toEqual({
        error: { code: 'webhook_payload_invalid', message: 'the webhook body did not arrive within 50 ms (bodyTimeout)' },
      });
    } finally {
      clearInterval(trickle);
    }
    await expect(Promise.all(server.calls)).resolves.toEqual([undefined]);
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors.map((error) => error.status)).toEqual([408]);
  });

  it('a request stream that errors mid-body: 400 while the socket can still be written', async () => {
    const { handler, parseWebhook, errors } = webhookSetup();
    server = await serve(handler);
    client = await rawRequest(server.url, head(1000), BODY.slice(0, 10));
    await server.arrived(1);
    await settle();
    // What a decompressing or proxying layer does when its source fails.
    server.requests[0]?.emit('error', Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' }));
    const received = await client.closed;
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
    await expect(Promise.all(server.calls)).resolves.toEqual([undefined]);
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors[0]).toMatchObject({ status: 400, message: 'the webhook body could not be read' });
    expect((errors[0]?.cause as Error | undefined)?.name).toBe('Error');
  });

  it('a request already destroyed when node() is called: resolves without reading or answering', async () => {
    const { handler, parseWebhook, errors } = webhookSetup();
    const calls: Array<Promise<void>> = [];
    const raw = createServer((req, res) => {
      req.destroy();
      calls.push(handler.node(req, res));
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      client = await rawRequest(`http://127.0.0.1:${(raw.address() as AddressInfo).port}`, head(BODY.length), BODY);
      await client.closed;
      while (calls.length === 0) await settle(1);
      await expect(Promise.all(calls)).resolves.toEqual([undefined]);
      expect(parseWebhook).not.toHaveBeenCalled();
      expect(errors.map((error) => error.status)).toEqual([400]);
    } finally {
      raw.closeAllConnections();
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });

  it('a client that leaves while the listeners run: they finish, the event is recorded, nothing is thrown', async () => {
    const { handler } = webhookSetup();
    const gate = deferred();
    let finished = 0;
    handler.on('message', async () => {
      await gate.promise;
      finished += 1;
    });
    server = await serve(handler);
    client = await rawRequest(server.url, head(Buffer.byteLength(BODY)), BODY);
    let first = server.calls[0];
    while (first === undefined) {
      await settle(1);
      first = server.calls[0];
    }
    const call = track(first);
    client.socket.destroy();
    await settle();
    expect(call.settled).toBe(false);
    gate.resolve();
    await expect(call.promise).resolves.toBeUndefined();
    expect(finished).toBe(1);
    // Recorded as processed: the vendor's redelivery is a duplicate.
    expect(await handler.handle({ method: 'POST', url: 'http://x/', headers: {}, body: BODY })).toMatchObject({ status: 200, duplicates: 1 });
    expect(spy?.seen).toEqual([]);
  });

  it('waits for a slow async listener before answering over HTTP', async () => {
    const { handler } = webhookSetup();
    const gate = deferred();
    handler.on('message', () => gate.promise);
    server = await serve(handler);
    client = await rawRequest(server.url, head(Buffer.byteLength(BODY)), BODY);
    while (server.calls.length === 0) await settle(1);
    await settle();
    expect(client.received).toBe('');
    gate.resolve();
    await server.calls[0];
    while (!client.received.includes('\r\n\r\n')) await settle(1);
    expect(client.received).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('an adapter reply that is not valid HTTP: 500 configuration error instead of a throw', async () => {
    const { handler, errors } = webhookSetup();
    server = await serve(handler);
    const body = JSON.stringify({ items: [], reply: { status: 1000 } });
    client = await rawRequest(server.url, head(Buffer.byteLength(body)), body);
    while (server.calls.length === 0) await settle(1);
    await expect(server.calls[0]).resolves.toBeUndefined();
    while (!client.received.includes('\r\n\r\n')) await settle(1);
    expect(client.received).toMatch(/^HTTP\/1\.1 500 /);
    expect(errors.map((error) => [error.code, error.message])).toEqual([['configuration_invalid', 'reply: the webhook answer could not be built']]);
  });
});

describe('webhook handler: hostile bodies on fetch()', () => {
  it('a body stream that errors: a typed 400, not a rejection', async () => {
    const { handler, parseWebhook, errors } = webhookSetup();
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(new TextEncoder().encode('{"items":'));
        } else controller.error(new TypeError('terminated'));
      },
    });
    const response = await handler.fetch(new Request('https://app.test/hook', { method: 'POST', body: stream, duplex: 'half' } as RequestInit));
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toEqual({ error: { code: 'webhook_payload_invalid', message: 'the webhook body could not be read' } });
    expect(parseWebhook).not.toHaveBeenCalled();
    expect(errors[0]).toBeInstanceOf(WebhookPayloadError);
    expect((errors[0]?.cause as Error | undefined)?.name).toBe('TypeError');
  });

  it('a body trickled slower than bodyTimeout: 408, and the stream is cancelled', async () => {
    const { handler, parseWebhook, errors } = webhookSetup({ bodyTimeout: 50 });
    let cancelled = false;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    // A byte every 10 ms, never the end: only the timeout ends the read.
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            controller.enqueue(new Uint8Array([0x20]));
            resolve();
          }, 10);
          timers.add(timer);
        }),
      cancel() {
        cancelled = true;
        for (const timer of timers) clearTimeout(timer);
      },
    });
    try {
      const response = await handler.fetch(new Request('https://app.test/hook', { method: 'POST', body: stream, duplex: 'half' } as RequestInit));
      expect(response.status).toBe(408);
      await expect(response.json()).resolves.toEqual({
        error: { code: 'webhook_payload_invalid', message: 'the webhook body did not arrive within 50 ms (bodyTimeout)' },
      });
      expect(parseWebhook).not.toHaveBeenCalled();
      expect(errors.map((error) => error.status)).toEqual([408]);
      await settle();
      expect(cancelled).toBe(true);
    } finally {
      for (const timer of timers) clearTimeout(timer);
    }
  });

  it('a body that was already read (request.json() ran first): a typed 400', async () => {
    const { handler, errors } = webhookSetup();
    const request = new Request('https://app.test/hook', { method: 'POST', body: BODY });
    await request.json();
    const response = await handler.fetch(request);
    expect(response.status).toBe(400);
    expect(errors[0]).toMatchObject({ code: 'webhook_payload_invalid', status: 400 });
  });

  it('an adapter reply that is not valid HTTP: 500 instead of a rejection', async () => {
    const { handler } = webhookSetup();
    const response = await handler.fetch(new Request('https://app.test/hook', { method: 'POST', body: JSON.stringify({ items: [], reply: { status: 99 } }) }));
    expect(response.status).toBe(500);
    await expect(response.json()).resolves.toMatchObject({ error: { code: 'configuration_invalid' } });
  });
});

// Shared helpers for the webhook handler tests (not a test file itself).
import { connect, type Socket } from 'node:net';
import { runInThisContext } from 'node:vm';
import {
  createWebhookHandler,
  defineProvider,
  parseJsonBody,
  WebhookPayloadError,
  type DeliveryStatus,
  type WamuxError,
  type WebhookEvent,
  type WebhookHandlerOptions,
  type WebhookReply,
  type WebhookRequest,
} from '@wamux/core/adapter';
import { minimalDriver } from './support';

export type Item =
  | { kind: 'message'; id: string; text?: string }
  | { kind: 'status'; id: string; status: DeliveryStatus }
  | { kind: 'event'; name: string; id?: string };

/** The event an item of the fake format becomes. */
export function toEvent(item: Item): WebhookEvent {
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

/** A provider whose webhook body is `{ items: [...], reply? }`. */
export function fakeProvider() {
  const parseWebhook = jest.fn(async (request: WebhookRequest) => {
    const body = parseJsonBody(request, 'fake') as { items?: Item[]; reply?: WebhookReply };
    if (!Array.isArray(body.items)) throw new WebhookPayloadError('items is missing', { provider: 'fake', status: 422 });
    return { events: body.items.map(toEvent), reply: body.reply };
  });
  return { provider: defineProvider(minimalDriver({ parseWebhook })), parseWebhook };
}

/** A handler on the fake provider, with every `error` event collected. */
export function webhookSetup(options: WebhookHandlerOptions = {}) {
  const fake = fakeProvider();
  const handler = createWebhookHandler(fake.provider, options);
  const errors: WamuxError[] = [];
  handler.on('error', (error) => errors.push(error));
  return { ...fake, handler, errors };
}

/** A delivery of `items` as a `WebhookRequest`, for `handle()`. */
export function delivery(...items: Item[]): WebhookRequest {
  return { method: 'POST', url: 'https://app.test/hook', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) };
}

/** A delivery of `items` as a web `Request`, for `fetch()`. */
export function postRequest(...items: Item[]): Request {
  return new Request('https://app.test/hook', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
}

/** A message item. */
export const message = (id: string): Item => ({ kind: 'message', id });

/** A status item. */
export const statusOf = (id: string, status: DeliveryStatus): Item => ({ kind: 'status', id, status });

/** Lets queued microtasks and `turns` macrotasks run (no wall-clock wait). */
export async function settle(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Whether a promise has settled yet, without waiting for it. */
export function track<T>(promise: Promise<T>): { promise: Promise<T>; readonly settled: boolean } {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return {
    promise,
    get settled() {
      return settled;
    },
  };
}

/**
 * A spy on the process's `unhandledRejection` event, added by `start` and
 * removed by `stop` (call it in `finally`). Jest gives a test file its own
 * copy of `process`; the event fires on the real one, reached through the
 * outer context. Jest's own listener stays in place.
 */
export function unhandledRejectionSpy() {
  const real = runInThisContext('process') as NodeJS.Process;
  const seen: unknown[] = [];
  const listener = (reason: unknown) => {
    seen.push(reason);
  };
  real.on('unhandledRejection', listener);
  return { seen, stop: () => void real.off('unhandledRejection', listener) };
}

/** A raw TCP client to an HTTP server, for requests `node:http`'s client refuses to send (a short body, a trickle, a close mid-body). */
export interface RawClient {
  socket: Socket;
  /** Everything the server has written so far. */
  readonly received: string;
  /** Resolves once the server closed the connection (or it failed), with everything received. */
  closed: Promise<string>;
}

/** Opens a raw connection and writes `head` (request line and headers, the blank line included) and `body`. */
export async function rawRequest(url: string, head: string, body = ''): Promise<RawClient> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  const closed = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(received));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.write(head + body);
  return {
    socket,
    get received() {
      return received;
    },
    closed,
  };
}

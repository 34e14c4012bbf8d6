import {
  AuthenticationError,
  NetworkError,
  retryDelay,
  WebhookPayloadError,
  type WamuxError,
  type WebhookHandler,
  type WebhookRequest,
} from '@wamux/core/adapter';
import { GETCHAT } from '../options';
import type { TrustedRequests } from '../webhook/parse';
import { parseServerFrame, tokenMessage } from './protocol';

/** Where a live connection is. */
export type GetchatLiveState = 'connecting' | 'authenticating' | 'open' | 'reconnecting' | 'closed';

/** How a dropped connection is re-opened. */
export interface GetchatReconnectOptions {
  /** First delay in ms; doubles each failed attempt (with jitter). Default 500. */
  initialDelay?: number | undefined;
  /** Longest delay in ms. Default 30 000. */
  maxDelay?: number | undefined;
  /** Give up after this many attempts in a row. Default: never. */
  maxAttempts?: number | undefined;
}

/** Options of `getchat.live.connect()`. */
export interface GetchatLiveOptions {
  /**
   * Where events go: a handler from `createWebhookHandler(provider)`, so
   * webhook deliveries and websocket frames share one emitter and one
   * de-duplication. Default: a new handler (`connection.handler`).
   */
  handler?: WebhookHandler | undefined;
  /** Overrides the provider's websocket URL. */
  url?: string | undefined;
  /** Reconnection with exponential backoff; `false` turns it off. */
  reconnect?: GetchatReconnectOptions | false | undefined;
  /** A WebSocket implementation; the global one (Node 22+, browsers, Deno, Bun) by default. */
  WebSocket?: typeof WebSocket | undefined;
  /** Called on every state change. */
  onStateChange?: ((state: GetchatLiveState) => void) | undefined;
}

/** An open (or re-opening) live connection to the get.chat websockets server. */
export interface GetchatLiveConnection {
  /** The handler events are emitted on: `connection.handler.on('message', ...)`. */
  readonly handler: WebhookHandler;
  readonly state: GetchatLiveState;
  /** Resolves when the server accepted the token the first time; rejects if it never does. */
  readonly ready: Promise<void>;
  /** Closes the socket and stops reconnecting. */
  close(): Promise<void>;
}

/** What the client needs from the provider. */
export interface LiveClientDeps {
  url: string;
  handler: WebhookHandler;
  trusted: TrustedRequests;
  /** The token to authenticate with; `renew` asks for a fresh one after a refusal. */
  token(renew: boolean): Promise<string>;
  /** Whether a refused token can be replaced by logging in again. */
  canRenew: boolean;
  /** Scrubs credentials from text that reaches an error. */
  redact(text: string): string;
}

const DEFAULT_RECONNECT = { initialDelay: 500, maxDelay: 30_000 };

/**
 * Opens a live connection: sends the token authentication message, then
 * turns every `waba_webhook` / `getchat_webhook` frame into a request that
 * the provider's own `parseWebhook` reads (as a trusted request: the token
 * authenticated it) and the handler emits. A dropped connection is
 * re-opened with exponential backoff; a refused token is renewed once when
 * the credentials allow it, and otherwise ends the connection with an
 * `AuthenticationError` on the handler.
 */
export function openLiveConnection(deps: LiveClientDeps, options: GetchatLiveOptions): GetchatLiveConnection {
  const Socket = options.WebSocket ?? globalThis.WebSocket;
  if (typeof Socket !== 'function') throw new TypeError('no WebSocket implementation: pass options.WebSocket (Node 22+ has a global one)');
  const reconnect =
    options.reconnect === false
      ? undefined
      : {
          initialDelay: options.reconnect?.initialDelay ?? DEFAULT_RECONNECT.initialDelay,
          maxDelay: options.reconnect?.maxDelay ?? DEFAULT_RECONNECT.maxDelay,
          maxAttempts: options.reconnect?.maxAttempts,
        };
  const policy = reconnect && { limit: Number.POSITIVE_INFINITY, baseDelay: reconnect.initialDelay, maxDelay: reconnect.maxDelay, maxRetryAfter: 0 };

  let state: GetchatLiveState = 'connecting';
  let socket: WebSocket | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let renewedAfterRefusal = false;
  let everOpened = false;
  let closedByUser = false;
  // Frames are handled one after the other, in arrival order.
  let queue: Promise<unknown> = Promise.resolve();

  let settleReady: { resolve: () => void; reject: (error: unknown) => void } | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  // `ready` may never be awaited; its rejection is also emitted as an error.
  ready.catch(() => undefined);

  const setState = (next: GetchatLiveState) => {
    if (state === next) return;
    state = next;
    options.onStateChange?.(next);
  };
  const emitError = (error: WamuxError) => {
    if (deps.handler.listenerCount('error') > 0) deps.handler.emit('error', error);
  };
  const finish = (error?: WamuxError) => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    setState('closed');
    if (error) {
      emitError(error);
      settleReady?.reject(error);
    }
    settleReady = undefined;
    const current = socket;
    socket = undefined;
    if (current && current.readyState <= 1) current.close(1000);
  };

  const scheduleReconnect = (reason: string) => {
    if (closedByUser) return;
    if (!policy || (reconnect?.maxAttempts !== undefined && attempt >= reconnect.maxAttempts)) {
      finish(new NetworkError(`the get.chat websocket closed: ${reason}`, { provider: GETCHAT, retryable: true }));
      return;
    }
    setState('reconnecting');
    const delay = retryDelay(policy, attempt);
    attempt += 1;
    timer = setTimeout(() => void connect(false), delay);
  };

  const onFrame = async (text: string) => {
    const frame = parseServerFrame(text);
    if (!frame) {
      emitError(new WebhookPayloadError('a websocket frame is not a JSON object with a type', { provider: GETCHAT }));
      return;
    }
    switch (frame.type) {
      case 'token':
        if (frame.ok) {
          attempt = 0;
          renewedAfterRefusal = false;
          everOpened = true;
          setState('open');
          settleReady?.resolve();
          settleReady = undefined;
        } else if (deps.canRenew && !renewedAfterRefusal) {
          renewedAfterRefusal = true;
          // Detach first, so this socket's close does not schedule a second reconnect.
          const refused = socket;
          socket = undefined;
          refused?.close(1000);
          void connect(true);
        } else {
          finish(new AuthenticationError(`the get.chat websocket refused the token: ${deps.redact(frame.message ?? 'failed')}`, { provider: GETCHAT }));
        }
        return;
      case 'response':
        emitError(new WebhookPayloadError(`the get.chat websocket answered ${frame.status}: ${deps.redact(frame.message ?? '')}`, { provider: GETCHAT }));
        return;
      case 'webhook': {
        if (!frame.payload) {
          emitError(new WebhookPayloadError(`a ${frame.frameType} frame has no payload object`, { provider: GETCHAT }));
          return;
        }
        const request: WebhookRequest = { method: 'POST', url: deps.url, headers: { 'content-type': 'application/json' }, body: JSON.stringify(frame.payload) };
        deps.trusted.add(request);
        await deps.handler.handle(request);
        return;
      }
      case 'unknown':
        // A frame type this version does not know: skipped, as the protocol may grow.
        return;
    }
  };

  async function connect(renewToken: boolean): Promise<void> {
    if (closedByUser) return;
    setState(everOpened ? 'reconnecting' : 'connecting');
    let token: string;
    try {
      token = await deps.token(renewToken);
    } catch (error) {
      if (error instanceof AuthenticationError) finish(error);
      else scheduleReconnect(error instanceof Error ? deps.redact(error.message) : 'the token could not be obtained');
      return;
    }
    if (closedByUser) return;
    const current = new Socket(deps.url);
    socket = current;
    current.addEventListener('open', () => {
      setState('authenticating');
      current.send(tokenMessage(token));
    });
    current.addEventListener('message', (event: MessageEvent) => {
      queue = queue
        .then(async () => onFrame(await frameText(event.data)))
        .catch((error: unknown) => {
          emitError(new WebhookPayloadError('a websocket frame could not be handled', { provider: GETCHAT, cause: error }));
        });
    });
    current.addEventListener('close', (event: { code: number }) => {
      if (socket !== current) return;
      socket = undefined;
      if (!closedByUser && state !== 'closed') scheduleReconnect(`code ${event.code}`);
    });
    // An 'error' is always followed by 'close', which decides what happens next.
    current.addEventListener('error', () => undefined);
  }

  void connect(false);

  return {
    handler: deps.handler,
    get state() {
      return state;
    },
    ready,
    async close() {
      closedByUser = true;
      const current = socket;
      finish();
      if (current && current.readyState !== 3) {
        await new Promise<void>((resolve) => {
          current.addEventListener('close', () => resolve(), { once: true });
          const fallback = setTimeout(resolve, 1_000) as { unref?: () => void };
          fallback.unref?.();
        });
      }
      await queue;
    },
  };
}

async function frameText(data: unknown): Promise<string> {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  // A copy: TextDecoder takes no view over a SharedArrayBuffer.
  if (ArrayBuffer.isView(data)) return new TextDecoder().decode(Uint8Array.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text();
  return String(data);
}

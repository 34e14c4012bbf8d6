import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createWebhookHandler,
  type DedupeStore,
  type Provider,
  type StatusOrderStore,
  type WebhookEvent,
  type WebhookOutcome,
  type WamuxError,
} from '@wamux/core/adapter';
import { cliLogger } from './verbose';

/** A local webhook receiver: a node:http server around `createWebhookHandler`. */
export interface Receiver {
  url: string;
  events: WebhookEvent[];
  errors: WamuxError[];
  /** Resolves once `count` events have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts a receiver for one provider on 127.0.0.1 (port 0 = any free port). */
export async function startReceiver(
  provider: Provider,
  options: {
    port?: number;
    host?: string;
    onEvent?: (event: WebhookEvent) => void;
    onError?: (error: WamuxError) => void;
    onDelivery?: (outcome: WebhookOutcome) => void;
    /** Shared stores (`WAMUX_REDIS_URL`), so several receivers process each event once. */
    stores?: { dedupe: DedupeStore; statusOrder: StatusOrderStore } | undefined;
  } = {},
): Promise<Receiver> {
  const handler = createWebhookHandler(provider, { logger: cliLogger(), ...(options.stores ?? {}) });
  if (options.onDelivery) handler.on('delivery', options.onDelivery);
  const events: WebhookEvent[] = [];
  const errors: WamuxError[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const record = (event: WebhookEvent) => {
    events.push(event);
    options.onEvent?.(event);
    for (const waiter of waiters.splice(0)) {
      if (events.length >= waiter.count) waiter.resolve();
      else waiters.push(waiter);
    }
  };
  handler.on('message', record);
  handler.on('status', record);
  handler.on('provider_event', record);
  handler.on('error', (error) => {
    errors.push(error);
    options.onError?.(error);
  });
  const server: Server = createServer((req, res) => void handler.node(req, res));
  const host = options.host ?? '127.0.0.1';
  // A busy port rejects (EADDRINUSE) instead of crashing the process with an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/webhooks`,
    events,
    errors,
    waitFor: (count, timeoutMs = 5_000) =>
      events.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} webhook events (got ${events.length})`)), timeoutMs);
            waiters.push({
              count,
              resolve: () => {
                clearTimeout(timer);
                resolve();
              },
            });
          }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

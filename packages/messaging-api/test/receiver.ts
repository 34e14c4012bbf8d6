import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, type Provider, type WamuxError, type WebhookEvent } from '@wamux/core';

/** A webhook endpoint on 127.0.0.1 that feeds `provider` and records what it emits. */
export async function startReceiver(provider: Provider) {
  const handler = createWebhookHandler(provider, { dedupe: false });
  const events: WebhookEvent[] = [];
  const errors: WamuxError[] = [];
  handler.on('message', (event) => events.push(event));
  handler.on('status', (event) => events.push(event));
  handler.on('provider_event', (event) => events.push(event));
  handler.on('error', (error) => errors.push(error));
  const server = createServer((req, res) => void handler.node(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/api/v1/message/receive`,
    contactInfoUrl: `${origin}/api/v1/contact/info`,
    events,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

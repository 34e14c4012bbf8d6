// Receiving WhatsApp webhooks with plain node:http and the handler's Node
// `(req, res)` listener. The listener reads the raw body itself, so the
// signature is checked over exactly the bytes the vendor signed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, type Provider, type WebhookEvent, type WebhookHandler } from 'wamux';
import { listenToWebhooks, type AppOptions, type RunningApp } from '../../shared/webhook-app.ts';

/** The app: a node:http server and the webhook handler behind `POST /webhooks`. */
export interface App {
  server: Server;
  webhooks: WebhookHandler;
}

/** Creates the app for one provider. Create it once per process: the handler remembers deliveries to drop duplicates. */
export function createApp(provider: Provider, options: AppOptions = {}): App {
  const webhooks = createWebhookHandler(provider);
  listenToWebhooks(webhooks, { ...options, onEvent: options.onEvent ?? ((event) => console.log(`[${event.provider}] ${event.type}`, summarize(event))) });

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname !== '/webhooks') {
      res.writeHead(404).end('not found');
      return;
    }
    // The listener answers 405 to anything but POST, 401 to a bad signature,
    // 200 (or the vendor's expected answer) otherwise.
    webhooks.node(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return { server, webhooks };
}

/** Starts the app on `host:port` (port 0: a free one). */
export async function listen(app: App, port: number, host: string): Promise<RunningApp> {
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(port, host, resolve);
  });
  const address = app.server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => app.server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function summarize(event: WebhookEvent): string {
  switch (event.type) {
    case 'message':
      return `from ${event.message.from}: ${event.message.content.type === 'text' ? event.message.content.text : event.message.content.type}`;
    case 'status':
      return `${event.status.messageId} is ${event.status.status}`;
    case 'provider_event':
      return event.kind;
  }
}

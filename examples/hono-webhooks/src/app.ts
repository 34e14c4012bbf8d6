// Receiving WhatsApp webhooks with Hono and the handler's web-standard
// `fetch` entry: hand it the untouched `Request` (c.req.raw). Do not read
// the body first (c.req.json()): the signature is over the raw bytes.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createWebhookHandler, type Provider, type WebhookHandler } from 'wamux';
import { listenToWebhooks, type AppOptions, type RunningApp } from '../../shared/webhook-app.ts';

/** The app: a Hono app and the webhook handler behind `POST /webhooks`. */
export interface App {
  hono: Hono;
  webhooks: WebhookHandler;
}

/** Creates the app for one provider. Create it once per process: the handler remembers deliveries to drop duplicates. */
export function createApp(provider: Provider, options: AppOptions = {}): App {
  const webhooks = createWebhookHandler(provider);
  listenToWebhooks(webhooks, options);

  const hono = new Hono();
  hono.post('/webhooks', (c) => webhooks.fetch(c.req.raw));
  return { hono, webhooks };
}

/**
 * Serves the app on Node with @hono/node-server (port 0: a free one). On
 * Bun, Deno or a worker, export `app.hono` (or its `fetch`) instead.
 */
export function listen(app: App, port: number, host: string): Promise<RunningApp> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.hono.fetch, port, hostname: host }, (info) => {
      resolve({
        url: `http://${host}:${info.port}`,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
  });
}

// Receiving WhatsApp webhooks with Express 5 and the handler's Node
// `(req, res)` listener. The raw body matters: a JSON body parser that runs
// first consumes the stream and the signature can no longer be checked.
// So the webhook route is mounted BEFORE `express.json()`, with
// `express.raw()` to read the body as bytes (the listener uses `req.body`
// when it is a Buffer or a string).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { createWebhookHandler, isWamuxError, type Provider, type WebhookHandler } from 'wamux';
import { listenToWebhooks, type AppOptions, type RunningApp } from '../../shared/webhook-app.ts';

/** The app: an Express app with `POST /webhooks` and a JSON API route, `POST /send`. */
export interface App {
  express: Express;
  webhooks: WebhookHandler;
}

/** Creates the app for one provider. Create it once per process: the handler remembers deliveries to drop duplicates. */
export function createApp(provider: Provider, options: AppOptions = {}): App {
  const webhooks = createWebhookHandler(provider);
  listenToWebhooks(webhooks, options);

  const app = express();
  // 1. Webhooks first, with the body kept raw (any content type, up to 1 MiB).
  app.post('/webhooks', express.raw({ type: () => true, limit: '1mb' }), (req, res) => webhooks.node(req, res));

  // 2. Then the JSON parser, for the rest of the app.
  app.use(express.json());
  app.post('/send', async (req, res) => {
    const { to, text } = req.body as { to?: unknown; text?: unknown };
    try {
      const sent = await provider.send({ type: 'text', to: String(to), text: String(text) });
      res.status(201).json({ id: sent.id });
    } catch (error) {
      if (!isWamuxError(error)) throw error;
      res.status(error.code === 'validation_failed' ? 400 : 502).json({ error: { code: error.code, message: error.message } });
    }
  });
  return { express: app, webhooks };
}

/** Starts the app on `host:port` (port 0: a free one). */
export function listen(app: App, port: number, host: string): Promise<RunningApp> {
  return new Promise((resolve, reject) => {
    const server: Server = app.express.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      resolve({
        url: `http://${host}:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done, fail) => server.close((closeError) => (closeError ? fail(closeError) : done()))),
      });
    });
  });
}

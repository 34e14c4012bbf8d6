// The HTTP servers the suite runs beside the emulator: a webhook receiver
// (the core's handler on node:http) and a media server for \`{ url }\` media.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, type Provider, type WebhookEvent, type WebhookHandler, type WebhookReply } from '@wamux/core/adapter';
import { MEDIA } from './fixtures';

export interface Receiver {
  url: string;
  events: WebhookEvent[];
  errors: Array<{ code: string }>;
  /** The `reply` of every delivery that had one (what `parseWebhook` returned). */
  replies: WebhookReply[];
  handler: WebhookHandler;
  close(): Promise<void>;
}

export async function startReceiver(provider: Provider): Promise<Receiver> {
  const handler = createWebhookHandler(provider, { dedupe: false });
  const events: WebhookEvent[] = [];
  const errors: Array<{ code: string }> = [];
  handler.on('message', (e) => events.push(e));
  handler.on('status', (e) => events.push(e));
  handler.on('provider_event', (e) => events.push(e));
  handler.on('error', (e) => errors.push(e));
  const replies: WebhookReply[] = [];
  handler.on('delivery', (outcome) => {
    if (outcome.reply !== undefined) replies.push(outcome.reply);
  });
  const server = createServer((req, res) => void handler.node(req, res));
  const url = await listen(server, '/webhooks');
  return { url, events, errors, replies, handler, close: () => closeServer(server) };
}

export interface MediaServer {
  url(type: keyof typeof MEDIA): string;
  close(): Promise<void>;
}

/** Serves the fixture media over HTTP, for `{ url }` media. */
export async function startMediaServer(): Promise<MediaServer> {
  const server: Server = createServer((req, res) => {
    const type = (req.url ?? '').split('/').pop()?.split('.')[0] as keyof typeof MEDIA;
    const file = MEDIA[type];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': String(file.data.byteLength) }).end(file.data);
  });
  const base = await listen(server, '/media');
  return { url: (type) => `${base}/${type}.${MEDIA[type].filename.split('.').pop()}`, close: () => closeServer(server) };
}

async function listen(server: Server, path: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

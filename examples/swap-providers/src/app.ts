// One app, written once against `Provider`, run against any vendor: which
// one is decided by the config passed to `startApp`, nothing else. The app
// is a tiny support desk: it thanks every customer who writes, and keeps
// the normalized events it receives (messages, and the delivery statuses of
// its replies).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProvider, createWebhookHandler, type Environment, type Provider, type ProviderConfig, type WebhookEvent, type WebhookHandler } from 'wamux';

/** A reply the app sent. */
export interface SentReply {
  to: string;
  /** The provider's message id (what delivery statuses refer to). */
  id: string;
}

/** The app's state and behaviour, independent of any server. */
export interface App {
  provider: Provider;
  webhooks: WebhookHandler;
  /** Every normalized event handled, in order. */
  readonly events: readonly WebhookEvent[];
  /** Every reply sent, in order. */
  readonly replies: readonly SentReply[];
  /** Deliveries refused (bad signature, bad body) and replies that failed. */
  readonly errors: readonly unknown[];
  /** Resolves once every reply started so far has been sent (or failed). */
  settled(): Promise<void>;
}

/** The reply text; the customer's first words are quoted back. */
export function replyText(text: string): string {
  return `Thanks for your message ("${text.slice(0, 40)}"). An agent will answer shortly.`;
}

/** Creates the app for one provider: thanks customers, records what happens. */
export function createApp(provider: Provider): App {
  const events: WebhookEvent[] = [];
  const replies: SentReply[] = [];
  const errors: unknown[] = [];
  const pending = new Set<Promise<void>>();
  const webhooks = createWebhookHandler(provider);

  webhooks.on('message', (event) => {
    events.push(event);
    const { from, content } = event.message;
    if (content.type !== 'text' || !provider.capabilities.outbound.includes('text')) return;
    const reply = provider.send({ type: 'text', to: from, text: replyText(content.text) }).then(
      (sent) => void replies.push({ to: from, id: sent.id }),
      (error: unknown) => void errors.push(error),
    );
    pending.add(reply);
    void reply.finally(() => pending.delete(reply));
  });
  webhooks.on('status', (event) => void events.push(event));
  webhooks.on('provider_event', (event) => void events.push(event));
  webhooks.on('error', (error) => void errors.push(error));

  return {
    provider,
    webhooks,
    events,
    replies,
    errors,
    settled: async () => {
      await Promise.all([...pending]);
    },
  };
}

/** An app listening for webhooks. */
export interface RunningApp extends App {
  /** `http://host:port/webhooks`: where the vendor posts. */
  webhookUrl: string;
  close(): Promise<void>;
}

/** Options of {@link startApp}. */
export interface StartOptions {
  /** Where the config's missing secrets are read. Default `process.env`. */
  env?: Environment | undefined;
  port?: number | undefined;
  host?: string | undefined;
}

/**
 * Creates the provider `config` names and serves the app on node:http.
 * Swapping vendors is a change of `config`: the app code above is the same.
 */
export async function startApp(config: ProviderConfig, options: StartOptions = {}): Promise<RunningApp> {
  const provider = await createProvider(config, options.env ? { env: options.env } : {});
  const app = createApp(provider);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => void app.webhooks.node(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  return {
    ...app,
    webhookUrl: `http://${host}:${(server.address() as AddressInfo).port}/webhooks`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await provider.close();
    },
  };
}

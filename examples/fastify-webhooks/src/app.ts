// Receiving WhatsApp webhooks with Fastify. Fastify parses JSON bodies by
// default, and a signature is over the raw bytes: so, inside an
// encapsulated plugin (other routes keep the JSON parser), every body is
// read as a plain string, then handed to the handler's `handle()` entry
// with `webhookRequest()`.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { createWebhookHandler, isWamuxError, webhookRequest, type Provider, type WebhookHandler, type WebhookOutcome } from 'wamux';
import { listenToWebhooks, type AppOptions, type RunningApp } from '../../shared/webhook-app.ts';

/** The app: a Fastify instance with `POST /webhooks` and a JSON API route, `POST /send`. */
export interface App {
  fastify: FastifyInstance;
  webhooks: WebhookHandler;
}

const MAX_BODY_BYTES = 1024 * 1024;

/** Creates the app for one provider. Create it once per process: the handler remembers deliveries to drop duplicates. */
export function createApp(provider: Provider, options: AppOptions = {}): App {
  const webhooks = createWebhookHandler(provider, { maxBodyBytes: MAX_BODY_BYTES });
  listenToWebhooks(webhooks, options);

  const fastify = Fastify();
  void fastify.register(async (scope) => {
    // Only in this plugin's scope: any content type, kept as the raw string.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => done(null, body));

    scope.post('/webhooks', async (request, reply) => {
      const outcome = await webhooks.handle(
        webhookRequest({
          method: request.method,
          url: `${request.protocol}://${request.host}${request.url}`,
          headers: request.headers,
          body: typeof request.body === 'string' ? request.body : '',
        }),
      );
      return send(reply, outcome);
    });
  });

  // Outside the plugin, JSON bodies are parsed as usual.
  fastify.post<{ Body: { to?: unknown; text?: unknown } }>('/send', async (request, reply) => {
    try {
      const sent = await provider.send({ type: 'text', to: String(request.body.to), text: String(request.body.text) });
      return reply.code(201).send({ id: sent.id });
    } catch (error) {
      if (!isWamuxError(error)) throw error;
      return reply.code(error.code === 'validation_failed' ? 400 : 502).send({ error: { code: error.code, message: error.message } });
    }
  });
  return { fastify, webhooks };
}

/** Answers the vendor the way the handler's `fetch` and `node` entries do. */
function send(reply: FastifyReply, outcome: WebhookOutcome): FastifyReply {
  reply.code(outcome.status);
  if (outcome.reply?.headers) reply.headers(outcome.reply.headers);
  const body = outcome.reply?.body;
  if (body !== undefined) {
    // The answer a vendor expects (a challenge echo, an ack document...).
    return typeof body === 'string' ? reply.type('text/plain; charset=utf-8').send(body) : reply.type('application/json').send(JSON.stringify(body));
  }
  if (outcome.error) return reply.send({ error: { code: outcome.error.code, message: outcome.error.message } });
  return reply.send();
}

/** Starts the app on `host:port` (port 0: a free one). */
export async function listen(app: App, port: number, host: string): Promise<RunningApp> {
  await app.fastify.listen({ port, host });
  const address = app.fastify.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://${host}:${actualPort}`, close: () => app.fastify.close() };
}

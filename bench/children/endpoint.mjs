// One webhook endpoint under load, alone in its process: a node:http server
// on loopback whose request listener is one of
//   - `wamux`: `createWebhookHandler(provider).node` with the default options
//     (dedupe on, in memory) and an async listener that awaits, as an app
//     that stores the event does;
//   - `bare`: read the body, JSON.parse it, answer 200 (the floor);
//   - `whatsapp-api-js`: the peer's node:http middleware (`handle_post`),
//     signature verification on, the same awaiting listener.
// Input (argv JSON): { kind, config?, appSecret? }. Answers `stats` with the
// events its listeners stored, the errors the handler reported and the
// process's CPU time; `close` stops the server.
import { createServer } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { reportFatal, serveParent } from '../lib/children.mjs';

const spec = JSON.parse(process.argv[2]);
let stored = 0;
const errors = new Map();

/** What an app's listener does with an event: hands it to storage and waits for it. */
async function store() {
  await nextTurn();
  stored += 1;
}

/** wamux: the adapter as configured in production, behind `createWebhookHandler(provider).node`. */
async function wamuxEndpoint(config) {
  const [{ createWebhookHandler }, { createProvider }] = await Promise.all([import('@wamux/core'), import('wamux')]);
  const provider = await createProvider({ ...config, rateLimit: false });
  const handler = createWebhookHandler(provider);
  handler.on('message', store);
  handler.on('error', (error) => errors.set(error.code, (errors.get(error.code) ?? 0) + 1));
  return { listener: handler.node, close: () => provider.close() };
}

/** The floor: read the body, JSON.parse it, answer 200. */
function bareEndpoint() {
  const listener = (req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        res.statusCode = 200;
      } catch {
        res.statusCode = 400;
      }
      res.end();
    });
  };
  return { listener, close: async () => {} };
}

/** whatsapp-api-js's node:http middleware, signature verification on (its default). */
async function peerEndpoint(appSecret) {
  const { WhatsAppAPI } = await import('whatsapp-api-js/middleware/node-http');
  const api = new WhatsAppAPI({ token: 'bench-token', appSecret, webhookVerifyToken: 'bench-verify', v: 'v23.0' });
  api.on.message = store;
  const listener = async (req, res) => {
    res.statusCode = await api.handle_post(req);
    res.end();
  };
  return { listener, close: async () => {} };
}

try {
  const endpoint =
    spec.kind === 'wamux'
      ? await wamuxEndpoint(spec.config)
      : spec.kind === 'bare'
        ? bareEndpoint()
        : spec.kind === 'whatsapp-api-js'
          ? await peerEndpoint(spec.appSecret)
          : undefined;
  if (!endpoint) throw new Error(`unknown endpoint kind ${spec.kind}`);
  const { listener } = endpoint;
  const server = createServer((req, res) => {
    Promise.resolve(listener(req, res)).catch((error) => {
      errors.set('uncaught', (errors.get('uncaught') ?? 0) + 1);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
      if (errors.get('uncaught') === 1) console.error(error);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  serveParent(
    { port: server.address().port },
    {
      stats: () => ({ stored, errors: Object.fromEntries(errors), cpu: process.cpuUsage(), at: performance.now() }),
    },
    async () => {
      await new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await endpoint.close();
    },
  );
} catch (error) {
  reportFatal(error);
}

// Captures the webhook request an emulator really sends (URL with its query,
// headers with the verification secret, body), so the benchmarks feed each
// adapter exactly what its vendor delivers.
import { createServer } from 'node:http';

/** Starts a sink that records every request and answers 200. */
async function startSink() {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method, url: `http://127.0.0.1${req.url}`, headers: { ...req.headers }, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/webhooks`,
    requests,
    close: () =>
      new Promise((resolve) => {
        // The emulator's client keeps its connection alive; do not wait for it to let go.
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/**
 * Posts what `simulate` makes `emulator` send to a sink and returns that
 * request. Each capture has a sink of its own on a fresh port: a sink shared
 * across a long measurement would close the client's pooled connection
 * while it idles, and the next capture could be sent on it as it closes.
 */
async function captureOne(emulator, simulate) {
  const sink = await startSink();
  try {
    await simulate(sink.url);
    const request = sink.requests[0];
    if (!request) throw new Error(`${emulator.provider}: the emulator posted no webhook`);
    return request;
  } finally {
    await sink.close();
  }
}

/** The request `emulator` posts for one inbound text message. */
export function captureInbound(emulator) {
  return captureOne(emulator, (webhookUrl) =>
    emulator.simulateInbound(
      { from: '+905551112233', profileName: 'Ada', content: { type: 'text', text: 'Hello, I have a question about order #1001' } },
      { webhookUrl },
    ),
  );
}

/** The id of the message whose status {@link captureStatus} captures; `bodies/deliveries.mjs` replaces it per delivery. */
export const CAPTURED_STATUS_ID = 'wamid.HBgMOTA1NTUxMTEyMjMzFQIAERgSQkVOQ0hTVEFUVVMAAA==';

/** The request `emulator` posts for one `delivered` status of message {@link CAPTURED_STATUS_ID}. */
export function captureStatus(emulator) {
  return captureOne(emulator, (webhookUrl) =>
    emulator.simulateStatus({ messageId: CAPTURED_STATUS_ID, status: 'delivered', recipient: '+905551112233' }, { webhookUrl }),
  );
}

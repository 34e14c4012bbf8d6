// Captures the webhook request an emulator really sends (URL with its query,
// headers with the verification secret, body), so the ingestion benchmark
// feeds each adapter exactly what its vendor delivers.
import { createServer } from 'node:http';

/** Starts a sink that records every request and answers 200. */
export async function startSink() {
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
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The request an emulator posts for one inbound text message. */
export async function captureInbound(emulator, sink, query = '') {
  const before = sink.requests.length;
  await emulator.simulateInbound(
    { from: '+905551112233', profileName: 'Ada', content: { type: 'text', text: 'Hello, I have a question about order #1001' } },
    { webhookUrl: `${sink.url}${query}` },
  );
  const request = sink.requests[before];
  if (!request) throw new Error(`${emulator.provider}: the emulator posted no webhook`);
  return request;
}

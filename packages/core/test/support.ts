// Shared helpers for the @wamux/core tests (not a test file itself).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderCapabilities, ProviderDriver, SendResult } from '@wamux/core/adapter';

/** Capabilities that declare everything (every optional method must then be implemented). */
export const ALL_CAPABILITIES: ProviderCapabilities = {
  outbound: ['text', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'template', 'reaction'],
  interactive: ['buttons', 'list', 'location_request'],
  mediaSources: ['url', 'id', 'data'],
  inbound: ['text'],
  statuses: ['sent', 'delivered', 'read', 'failed'],
  features: [],
};

/** A minimal driver: text only, no optional feature. */
export function minimalDriver(overrides: Partial<ProviderDriver> = {}): ProviderDriver {
  return {
    specificationVersion: 'v1',
    name: 'fake',
    capabilities: { ...ALL_CAPABILITIES, outbound: ['text'], features: [] },
    send: async (): Promise<SendResult> => ({ id: 'sent-1', raw: {} }),
    parseWebhook: async () => ({ events: [] }),
    ...overrides,
  };
}

/** A promise with its resolve/reject exposed. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued microtask and one macrotask run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A real node:http server on 127.0.0.1 with an ephemeral port. */
export interface TestServer {
  server: Server;
  url: string;
  /** Requests received so far (method and path). */
  hits: Array<{ method: string; url: string }>;
  /** Closes every open connection (hung responses included). */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const hits: TestServer['hits'] = [];
  const server = createServer((req, res) => {
    hits.push({ method: req.method ?? '', url: req.url ?? '' });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    hits,
    dropConnections: () => server.closeAllConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

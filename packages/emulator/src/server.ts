import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '@wamux/core/adapter';
import { createEmulatorHandler, encode, type EmulatorHandler, type EmulatorHandlerOptions } from './handler';

/** Options of {@link createEmulatorServer}. */
export interface EmulatorServerOptions extends EmulatorHandlerOptions {
  /** Interface to listen on. Default 127.0.0.1 (tests only ever talk to loopback). */
  host?: string | undefined;
  /** The port to listen on. Default 0: any free port. A busy port rejects with {@link PortInUseError}. */
  port?: number | undefined;
}

/** A running emulator HTTP server: the {@link EmulatorHandler} behind a socket. */
export interface EmulatorServer extends EmulatorHandler {
  /** `http://127.0.0.1:<port><basePath>` */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The port listened on (the one asked for, or the free one found). */
  readonly port: number;
  /** The underlying node server (to attach a websocket server). */
  readonly httpServer: Server;
  close(): Promise<void>;
}

/**
 * The port an emulator was asked to listen on is taken. A
 * `ConfigurationError` on the field `port`, so a CLI prints it as one line
 * naming the port instead of an `EADDRINUSE` stack.
 */
export class PortInUseError extends ConfigurationError {
  static override readonly errorName: string = 'PortInUseError';
  readonly port: number;
  readonly host: string;

  constructor(port: number, host: string, cause?: unknown) {
    super('port', `${host}:${port} is already in use; choose another port, or 0 for any free one`, { cause });
    this.port = port;
    this.host = host;
  }
}

/**
 * The HTTP server every emulator is built on: {@link createEmulatorHandler}
 * on a node server. Listens on 127.0.0.1 and `port` (default: a free one);
 * rejects with {@link PortInUseError} when that port is taken.
 */
export async function createEmulatorServer(options: EmulatorServerOptions): Promise<EmulatorServer> {
  const handler = createEmulatorHandler(options);
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const host = options.host ?? '127.0.0.1';

  const httpServer = createServer((req, res) => {
    serve(handler, req, res).catch(() => res.destroy());
  });
  httpServer.keepAliveTimeout = 5_000;
  await listen(httpServer, options.port ?? 0, host);
  const { port } = httpServer.address() as AddressInfo;
  const origin = `http://${host}:${port}`;

  return {
    ...handler,
    url: `${origin}${basePath}`,
    origin,
    port,
    httpServer,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      }),
  };
}

/** Listens, turning `EADDRINUSE` into a {@link PortInUseError} (the server is left closed). */
function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host, error) : error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** One socket request through the handler; a `drop` outcome destroys the socket without an answer. */
async function serve(handler: EmulatorHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const outcome = await handler.respond({
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    headers,
    bytes: await readBody(req),
    signal: gone.signal,
  });
  if (outcome.type === 'drop') {
    req.socket.destroy();
    return;
  }
  const { status, headers: responseHeaders, body } = encode(outcome.response);
  res.writeHead(status, responseHeaders);
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

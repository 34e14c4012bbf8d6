import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './seeded-random';

/**
 * What the proxy does to a request it picked:
 *
 * - `rate_limit`: answers 429 with `Retry-After` (the request never reaches the vendor);
 * - `server_error`: answers 500 (never reaches the vendor);
 * - `unavailable`: answers 503 without `Retry-After` (never reaches the vendor);
 * - `drop_before_body`: closes the connection before reading the body (never reaches the vendor);
 * - `drop_after_processing`: forwards the request, waits for the vendor's
 *   whole answer, then closes the connection without passing it on (the
 *   vendor processed it; the client cannot know).
 */
export type FaultKind = 'rate_limit' | 'server_error' | 'unavailable' | 'drop_before_body' | 'drop_after_processing';

/** Every kind, in the order {@link FaultProxyOptions.faults} defaults to. */
export const FAULT_KINDS: readonly FaultKind[] = ['rate_limit', 'server_error', 'unavailable', 'drop_before_body', 'drop_after_processing'];

/** Options of {@link createFaultProxy}. */
export interface FaultProxyOptions {
  /** The URL of the server to put the proxy in front of (an emulator's `url`); its path is kept. */
  target: string;
  /** The share of requests that get a fault, 0 to 1. Default 0.3. */
  rate?: number | undefined;
  /** Seeds the generator that picks the faulted requests, their fault and their Retry-After. Default 1. */
  seed?: number | undefined;
  /** The faults to pick from, with equal odds. Default every {@link FaultKind}. */
  faults?: readonly FaultKind[] | undefined;
  /** `Retry-After` values (seconds) a `rate_limit` picks from. Default `[0, 1]`. */
  retryAfterSeconds?: readonly number[] | undefined;
  /** Which requests may get a fault. Default every one. */
  applies?: ((request: { method: string; path: string }) => boolean) | undefined;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string | undefined;
}

/** One request the proxy received, and what it did with it. */
export interface FaultRecord {
  method: string;
  /** Path and query, as received. */
  path: string;
  /** The fault applied, or `none` when the request was passed through. */
  fault: FaultKind | 'none';
  /** Whether the request reached the target (passed through, or `drop_after_processing`). */
  forwarded: boolean;
}

/** A running fault proxy. */
export interface FaultProxy {
  /** The proxy's URL with the target's path: configure the adapter with it instead of the target's. */
  readonly url: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** Every request received, oldest first. */
  requests(): readonly FaultRecord[];
  /** How many requests got each fault, and how many none. */
  counts(): Record<FaultKind | 'none', number>;
  /** Closes the proxy, its open connections and its connections to the target. */
  close(): Promise<void>;
}

/** Headers that belong to one hop (RFC 9110 §7.6.1), never forwarded as they are. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/**
 * Starts a loopback HTTP proxy (127.0.0.1, a free port) in front of an
 * emulator that, for a seeded share of requests, fails them the ways a real
 * network and a real vendor do: 429 + Retry-After, 500, 503, a connection
 * dropped before the request was read, and a connection dropped after the
 * vendor processed it. The rest are passed through untouched. Used to check
 * that a send is never delivered twice and that every failed send says
 * truthfully whether it may have been delivered.
 */
export async function createFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const rate = options.rate ?? 0.3;
  const faults = options.faults ?? FAULT_KINDS;
  const retryAfters = options.retryAfterSeconds ?? [0, 1];
  if (!(rate >= 0 && rate <= 1)) throw new RangeError('rate must be between 0 and 1');
  if (faults.length === 0) throw new RangeError('faults must name at least one fault');
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const agent = new Agent({ keepAlive: true });
  const records: FaultRecord[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const applies = options.applies?.({ method, path }) ?? true;
    // The generator is drawn for every request, so the sequence of decisions
    // depends only on the seed and the order requests arrive in.
    const roll = random();
    const fault: FaultKind | 'none' = applies && roll < rate ? pick(faults) : 'none';
    const record: FaultRecord = { method, path, fault, forwarded: false };
    records.push(record);

    switch (fault) {
      case 'rate_limit':
        answer(req, res, 429, { 'retry-after': String(pick(retryAfters)) }, { error: 'injected rate limit' });
        return;
      case 'server_error':
        answer(req, res, 500, {}, { error: 'injected server error' });
        return;
      case 'unavailable':
        answer(req, res, 503, {}, { error: 'injected unavailability' });
        return;
      case 'drop_before_body':
        req.socket.destroy();
        return;
      case 'drop_after_processing':
      case 'none':
        record.forwarded = true;
        forward(req, target, agent).then(
          (upstream) => {
            if (fault === 'drop_after_processing') {
              req.socket.destroy();
              return;
            }
            res.writeHead(upstream.status, { ...upstream.headers, 'content-length': String(upstream.body.byteLength) });
            res.end(upstream.body);
          },
          () => {
            if (!res.headersSent) answer(req, res, 502, {}, { error: 'the fault proxy could not reach its target' });
            else res.destroy();
          },
        );
        return;
    }
  };

  const server = createServer(handle);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}${target.pathname.replace(/\/+$/, '')}`,
    origin,
    requests: () => [...records],
    counts() {
      const counts = { none: 0, rate_limit: 0, server_error: 0, unavailable: 0, drop_before_body: 0, drop_after_processing: 0 };
      for (const record of records) counts[record.fault] += 1;
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body once the request body is read (so the client sees the answer, not a reset). */
function answer(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const text = JSON.stringify(body);
  const send = () => {
    res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
  };
  if (req.readableEnded) send();
  else req.on('end', send).resume();
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Sends the request on to the target and reads its whole answer. */
function forward(req: IncomingMessage, target: URL, agent: Agent): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...withoutHopByHop(req.headers), host: target.host }, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 502, headers: withoutHopByHop(response.headers, ['content-length']), body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    upstream.on('error', reject);
    req.on('error', (error) => upstream.destroy(error));
    req.pipe(upstream);
  });
}

function withoutHopByHop(headers: IncomingHttpHeaders, drop: readonly string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || drop.includes(name)) continue;
    out[name] = value;
  }
  return out;
}

import type { IncomingMessage } from 'node:http';

/**
 * A request body read in full, or why it was not:
 *
 * - `too_large`: more than the cap arrived;
 * - `timeout`: the whole body did not arrive within the body timeout (a
 *   client that trickles it, or stalls);
 * - `aborted`: the connection closed before the end of the body (the client
 *   went away, or Node's own `requestTimeout` ended it); `requestTimeout`
 *   tells the two apart;
 * - `failed`: the stream errored otherwise (`cause`).
 */
export type BodyRead =
  | { readonly ok: true; readonly body: string }
  | { readonly ok: false; readonly reason: 'too_large' | 'timeout' | 'failed'; readonly cause?: unknown }
  | { readonly ok: false; readonly reason: 'aborted'; readonly requestTimeout: boolean };

/** Limits of a body read. */
export interface BodyLimits {
  /** Largest body kept, in bytes. */
  maxBytes: number;
  /** How long the whole body may take to arrive, in milliseconds. */
  timeoutMs: number;
}

/**
 * Reads a web `ReadableStream` body as UTF-8 text, within `limits`. Stops
 * reading (and cancels the stream) as soon as the cap is passed or the time
 * is up. Never rejects: a stream that errors is `failed`.
 */
export async function readWebBody(stream: ReadableStream<Uint8Array> | null, limits: BodyLimits): Promise<BodyRead> {
  if (!stream) return { ok: true, body: '' };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = stream.getReader();
  } catch (cause) {
    // Locked or already read (`request.json()` ran first).
    return { ok: false, reason: 'failed', cause };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(resolve, limits.timeoutMs, 'timeout');
  });
  const stop = (result: BodyRead): BodyRead => {
    // cancel() rejects when the stream already errored: nothing more to do then.
    reader.cancel().catch(() => undefined);
    return result;
  };
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), expired]);
      if (next === 'timeout') return stop({ ok: false, reason: 'timeout' });
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limits.maxBytes) return stop({ ok: false, reason: 'too_large' });
      chunks.push(next.value);
    }
  } catch (cause) {
    return { ok: false, reason: 'failed', cause };
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, body: decode(chunks, size) };
}

/**
 * Reads a Node request body as UTF-8 text, within `limits`. Past the cap,
 * chunks are counted and dropped until the end, so the client can read the
 * 413 that follows. Never rejects: a client that disconnects, Node's own
 * `requestTimeout`, a stream error and the body timeout each end the read
 * with their reason.
 */
export function readNodeBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyRead> {
  // An IncomingMessage emits 'error' only while someone listens; this one
  // stays, so an error after the read ended is never thrown at the process.
  req.on('error', ignore);
  if (req.destroyed) return Promise.resolve(aborted(req));
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const finish = (result: BodyRead) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      if (size <= limits.maxBytes) chunks.push(chunk);
    };
    const onEnd = () => finish(size > limits.maxBytes ? { ok: false, reason: 'too_large' } : { ok: true, body: decode(chunks, size) });
    const onError = (cause: unknown) => finish(isConnectionReset(cause) ? aborted(req) : { ok: false, reason: 'failed', cause });
    // 'close' before 'end': the connection went away mid-body.
    const onClose = () => finish(aborted(req));
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

function ignore(): void {}

/** An aborted read; whether Node's `requestTimeout` (rather than the client) ended it, which Node records on the socket. */
function aborted(req: IncomingMessage): BodyRead {
  const socketError = (req.socket as { errored?: unknown } | null | undefined)?.errored;
  return { ok: false, reason: 'aborted', requestTimeout: (socketError as { code?: unknown } | null | undefined)?.code === 'ERR_HTTP_REQUEST_TIMEOUT' };
}

/** Node's "aborted" error: the connection closed before the request ended. */
function isConnectionReset(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ECONNRESET';
}

function decode(chunks: readonly Uint8Array[], size: number): string {
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(out);
}

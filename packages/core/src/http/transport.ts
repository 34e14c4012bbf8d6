import ky, { type Input } from 'ky';

/** One attempt of a request, exactly as it goes on the wire. */
export interface Attempt {
  /** The absolute URL. */
  href: string;
  method: string;
  /** Lower-case names; see {@link attemptHeaders}. */
  headers: Record<string, string>;
  /** A JSON text or a multipart form. */
  body: string | FormData | undefined;
  /** ms before ky aborts the attempt with its `TimeoutError`. */
  timeout: number;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /**
   * `manual` for an attempt that carries credentials or a body: a 3xx comes
   * back as the response, so nothing is repeated to whatever its `Location`
   * names. `follow` only for a bare request (a media download from a CDN).
   */
  redirect: 'manual' | 'follow';
}

/** Sends one attempt and resolves with the vendor's response, whatever its status. */
export type Transport = (attempt: Attempt) => Promise<Response>;

const ACCEPT = 'application/json, */*;q=0.5';

/**
 * The headers of an attempt: `accept`, the JSON content type for a JSON
 * body, then the auth headers, then the request's own, a later set
 * replacing an earlier one whatever the case of the names. A multipart body
 * carries no content type: fetch writes it with the form's boundary.
 */
export function attemptHeaders(body: Attempt['body'], ...sets: Array<Readonly<Record<string, string>> | undefined>): Record<string, string> {
  const headers: Record<string, string> = { accept: ACCEPT };
  if (typeof body === 'string') headers['content-type'] = 'application/json';
  for (const set of sets) {
    if (set === undefined) continue;
    for (const name of Object.keys(set)) headers[name.toLowerCase()] = set[name] as string;
  }
  if (body !== undefined && typeof body !== 'string') delete headers['content-type'];
  return headers;
}

/**
 * The transport every request of a client goes through: one ky instance,
 * which runs the attempt's timeout, its abort signal (the caller's combined
 * with the timeout's) and its error types around the fetch.
 *
 * ky is given only the URL, the method and the signal. Given the headers
 * and the body too, it builds a `Request` whose body is a web stream (a
 * form serialized into it), merges the headers into `Headers` objects and
 * cancels the unread stream afterwards, and fetch then builds its own
 * `Request` from the same values again: 10 to 15 µs of CPU per request on
 * loopback, for nothing. So the fetch below sends the headers and the body
 * the client built, with the signal of ky's request, which ky aborts on a
 * timeout and which follows the caller's signal.
 */
export function createTransport(fetchImpl: typeof globalThis.fetch): Transport {
  const http = ky.create({ retry: 0, throwHttpErrors: false });
  return (attempt) =>
    http(attempt.href, {
      method: attempt.method,
      timeout: attempt.timeout,
      signal: attempt.signal,
      fetch: (input: Input) =>
        fetchImpl(attempt.href, { method: attempt.method, headers: attempt.headers, body: attempt.body, redirect: attempt.redirect, signal: signalOf(input) }),
    });
}

/** The signal of ky's `Request` (duck-typed: `instanceof` fails across realms, e.g. test VMs). */
function signalOf(input: Input): AbortSignal | undefined {
  return typeof input === 'object' && 'signal' in input ? input.signal : undefined;
}

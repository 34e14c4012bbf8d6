import ky, { isNetworkError, isTimeoutError, type BeforeErrorState, type BeforeRequestState, type Options } from 'ky';
import { codeInChain } from '../errors/cause-code';
import { NetworkError, TimeoutError } from '../errors/classes';

/** One attempt of a request: what the client decided, before ky builds the `Request`. */
export interface Attempt {
  /** A path under the base URL, or an absolute URL (then the base URL is not prefixed). */
  path: string;
  method: string;
  /** Query parameters, in order; a repeated name repeats the parameter. */
  searchParams: ReadonlyArray<readonly [string, string]>;
  /** A JSON body (`undefined`: none). ky serializes it and sets the JSON content type unless the request names one. */
  json: unknown;
  /** A multipart body; fetch writes its content type with the form's boundary. */
  form: FormData | undefined;
  /** The request's own headers: they replace an auth or default header of the same name, whatever its case. */
  headers: Readonly<Record<string, string>> | undefined;
  /** The auth headers of this attempt (set by the `beforeRequest` hook). */
  auth: Readonly<Record<string, string>>;
  /** ms before ky aborts the attempt. */
  timeout: number;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /**
   * `manual` for an attempt that carries credentials or a body: a 3xx comes
   * back as the response, so nothing is repeated to whatever its `Location`
   * names. `follow` only for a bare request (a media download from a CDN).
   */
  redirect: 'manual' | 'follow';
  /** Names the attempt in the errors ky's failures become. */
  describe: AttemptDescription;
}

/** What a transport error may say of its attempt: never the query, never a credential. */
export interface AttemptDescription {
  provider: string;
  method: string;
  /** The URL's path (no query). */
  path: string;
  /** The host (and port, when not the scheme's default). */
  host: string;
  /** Values to scrub from the error. */
  secrets: () => readonly string[];
}

/** Sends one attempt and resolves with the vendor's response, whatever its status. */
export type Transport = (attempt: Attempt) => Promise<Response>;

/** What the hooks read from ky's `context`. */
interface AttemptContext {
  auth: Readonly<Record<string, string>>;
  /** The lower-case names of the request's own headers, which auth headers never replace. */
  own: ReadonlySet<string>;
  describe: AttemptDescription;
}

const ACCEPT = 'application/json, */*;q=0.5';
const NO_HEADERS: ReadonlySet<string> = new Set();

/**
 * The transport every request of a client goes through: one ky instance
 * holding what all of them share (the base URL as `prefix`, the fetch, the
 * default `accept`, the hooks). Per attempt ky gets the query as
 * `searchParams`, the body as `json` or a form, the request's own headers,
 * the `timeout`, the caller's `signal` and the `redirect` mode, builds the
 * `Request` and calls `fetch(request)`.
 *
 * Retries are not ky's (`retry: 0`, `throwHttpErrors: false`: every answer
 * comes back as a `Response`). The client repeats a send only when it can
 * prove the first attempt was not processed (a refused connection, a 429 or
 * an error body saying so, a 503 with Retry-After), which takes the socket
 * error code and the vendor's body; ky's `NetworkError` covers a request
 * never written and one lost after its body went out alike. And before every
 * attempt, repeats included, the client waits on the rate limiter, takes
 * fresh credentials and opens a telemetry attempt: ky's retries (and the
 * `afterResponse` + `ky.retry()` path a 401 refresh would take) run inside
 * one call without those, and any `retry.limit` above 0 makes ky clone every
 * request's body in advance, on the hot path, for a rare repeat.
 *
 * Hooks: `beforeRequest` sets the attempt's auth headers (not over a header
 * the request names itself); `beforeError` turns ky's `TimeoutError` and
 * `NetworkError` into core's, naming the host, never the query or a header.
 */
export function createTransport(options: { baseUrl: string; fetch: typeof globalThis.fetch }): Transport {
  const http = ky.create({
    prefix: options.baseUrl,
    fetch: options.fetch,
    retry: 0,
    throwHttpErrors: false,
    headers: { accept: ACCEPT },
    hooks: { beforeRequest: [applyAuth], beforeError: [toCoreError] },
  });
  return (attempt) => {
    const context: AttemptContext = { auth: attempt.auth, own: ownNames(attempt.headers), describe: attempt.describe };
    const isAbsolute = /^https?:\/\//i.test(attempt.path);
    const request: Options = {
      method: attempt.method,
      headers: ownHeaders(attempt.headers, attempt.form !== undefined),
      timeout: attempt.timeout,
      redirect: attempt.redirect,
      context: context as unknown as Record<string, unknown>,
    };
    // An absolute URL (a `Link` header's next page) is not under the base URL.
    if (isAbsolute) request.prefix = '';
    if (attempt.searchParams.length > 0) request.searchParams = attempt.searchParams as Array<[string, string]>;
    if (attempt.json !== undefined) request.json = attempt.json;
    else if (attempt.form !== undefined) request.body = attempt.form;
    if (attempt.signal !== undefined) request.signal = attempt.signal;
    return http(isAbsolute ? attempt.path : attempt.path.replace(/^\/+/, ''), request);
  };
}

/** `beforeRequest`: the attempt's auth headers, except where the request names the header itself. */
function applyAuth({ request, options }: BeforeRequestState): void {
  const { auth, own } = options.context as unknown as AttemptContext;
  for (const [name, value] of Object.entries(auth)) {
    if (!own.has(name.toLowerCase())) request.headers.set(name, value);
  }
}

/**
 * `beforeError`: ky's timeout and network errors as core's. The message
 * names the host and what failed (`could not reach api.example.com:
 * connection refused`); the cause keeps the code for the delivery outcome
 * (the error's constructor drops ky's `Request`, which holds the headers).
 */
function toCoreError({ error, options }: BeforeErrorState): Error {
  const { describe } = options.context as unknown as AttemptContext;
  if (isTimeoutError(error)) {
    return new TimeoutError(`${describe.method} ${describe.path} timed out`, { provider: describe.provider, retryable: true, secrets: describe.secrets() });
  }
  if (isNetworkError(error)) return unreachable(describe, error);
  return error;
}

/**
 * The {@link NetworkError} of an attempt that failed on the way: `could not
 * reach <host>: <what failed>`. Also for a failure ky does not recognise
 * (a custom fetch's own error type).
 */
export function unreachable(describe: AttemptDescription, cause: unknown): NetworkError {
  return networkError(describe, cause, `could not reach ${describe.host}`);
}

/** The {@link NetworkError} of a 2xx answer whose body broke off: `the response body from <host> broke off: <what failed>`. */
export function bodyBrokeOff(describe: AttemptDescription, cause: unknown): NetworkError {
  return networkError(describe, cause, `the response body from ${describe.host} broke off`);
}

function networkError(describe: AttemptDescription, cause: unknown, what: string): NetworkError {
  return new NetworkError(`${what}: ${failureOf(codeInChain(cause))}`, { provider: describe.provider, retryable: true, cause, secrets: describe.secrets() });
}

/** Connection error codes in words; an unknown code is named as is. */
const FAILURES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'the host name could not be resolved (temporary DNS failure)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed while sending',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

function failureOf(code: string | undefined): string {
  if (code === undefined) return 'network error';
  return FAILURES[code] ?? code;
}

function ownNames(headers: Readonly<Record<string, string>> | undefined): ReadonlySet<string> {
  return headers === undefined ? NO_HEADERS : new Set(Object.keys(headers).map((name) => name.toLowerCase()));
}

/**
 * The request's own headers with lower-case names (a later one replaces an
 * earlier one of the same name whatever its case: ky merges plain objects
 * by key, so `ACCEPT` would be sent beside the default `accept`). A
 * multipart body's content type is left out: fetch writes it, with the boundary.
 */
function ownHeaders(headers: Readonly<Record<string, string>> | undefined, multipart: boolean): Record<string, string> {
  const own: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) own[name.toLowerCase()] = value;
  if (multipart) delete own['content-type'];
  return own;
}

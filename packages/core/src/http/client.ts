import { isNetworkError as isKyNetworkError, isTimeoutError as isKyTimeoutError } from 'ky';
import * as v from 'valibot';
import { codeInChain } from '../errors/cause-code';
import { AbortError, NetworkError, TimeoutError } from '../errors/classes';
import { isWamuxError, type WamuxError } from '../errors/wamux-error';
import type { RateLimiter } from '../rate-limit/limiter';
import { sleep } from '../util/sleep';
import { createProviderError, kindFromStatus, type HttpFailure, type VendorErrorInfo } from './errors-from-response';
import { readRateLimitHeaders, type RateLimitInfo } from './response-headers';
import { defaultRetryPolicy, retryDelay, type RetryPolicy } from './retry-policy';
import { attemptHeaders, createTransport } from './transport';

/** The HTTP methods adapters use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query string value; arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Options of {@link createHttpClient}: one per provider instance. */
export interface HttpClientOptions {
  /** The adapter's name, stamped on every error. */
  provider: string;
  /** The vendor's API base URL; request paths are appended to it. */
  baseUrl: string;
  /** Headers every request carries (auth). A function, so a refreshed token is picked up. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** Values to scrub from errors besides the auth headers' values (e.g. a password). */
  secrets?: () => readonly string[];
  /**
   * A fetch implementation; the global one by default. Called as
   * `fetch(url, init)` with the absolute URL and `init` holding `method`,
   * `headers` (a plain object, lower-case names), `body` (a JSON string or
   * a `FormData`, or none) and the `signal` that the timeout or the
   * caller's signal aborts.
   */
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in ms. Default 30 000. */
  timeout?: number;
  /** Retry policy, or `false` for none. */
  retry?: Partial<RetryPolicy> | false;
  /** The client-side limiter every attempt waits on. */
  rateLimiter?: RateLimiter;
  /** Reads the vendor's error body; the HTTP status decides the rest. */
  mapError?: (failure: HttpFailure) => VendorErrorInfo | undefined;
  /**
   * Called once per request after a 401: refresh the credentials (log in
   * again) and return `true` to repeat the request with the new ones.
   */
  refreshCredentials?: () => Promise<boolean>;
}

/** One request through the shared HTTP path. */
export interface HttpRequest<TSchema extends v.GenericSchema | undefined = undefined> {
  method: HttpMethod;
  /** A path under the base URL, or an absolute URL on the same host (a `Link` header's next page). */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  /** A JSON body. */
  json?: unknown;
  /** A multipart/form-data body. */
  form?: FormData | undefined;
  /** Replace the auth headers and the defaults (`accept`, the JSON content type) of the same name, whatever its case. */
  headers?: Record<string, string> | undefined;
  /** How to read the response. Default `json`. */
  responseType?: 'json' | 'bytes' | 'text' | 'none';
  /** Validates the JSON response; a mismatch is an `unexpected_response` error. */
  schema?: TSchema;
  /**
   * Whether repeating the request is harmless. Defaults to true for GET,
   * PUT and DELETE, false for POST and PATCH. A non-idempotent request is
   * retried only when the failure proves the vendor did not accept it.
   */
  idempotent?: boolean | undefined;
  signal?: AbortSignal | undefined;
  /** Overrides the client's timeout for this request. */
  timeout?: number | undefined;
}

/** A successful response. */
export interface HttpResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  rateLimit: RateLimitInfo | undefined;
}

type ResponseData<TSchema, TType> = TType extends 'bytes'
  ? Uint8Array
  : TType extends 'text'
    ? string
    : TType extends 'none'
      ? undefined
      : TSchema extends v.GenericSchema
        ? v.InferOutput<TSchema>
        : unknown;

/** The one HTTP path every adapter sends through. */
export interface HttpClient {
  /** Sends a request with retries, rate limiting, timeouts and typed errors. */
  request<TSchema extends v.GenericSchema | undefined = undefined, TType extends HttpRequest['responseType'] = 'json'>(
    request: HttpRequest<TSchema> & { responseType?: TType },
  ): Promise<HttpResponse<ResponseData<TSchema, TType>>>;
  /** The rate-limit headers of the latest response, when the vendor sends them. */
  readonly lastRateLimit: RateLimitInfo | undefined;
  /** Scrubs this client's secrets (configured ones and the latest auth header values) from a text. */
  redact(text: string): string;
  /** The current secrets (auth header values and configured secrets). */
  secrets(): Promise<readonly string[]>;
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);
/** Connection errors raised before a byte of the request reached the vendor. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const REQUEST_ID_HEADERS = ['x-request-id', 'x-trace-id', 'x-correlation-id', 'traceid', 'x-amzn-requestid'];

/** Creates the HTTP client an adapter sends every request through. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy: RetryPolicy = options.retry === false ? { ...defaultRetryPolicy, limit: 0 } : { ...defaultRetryPolicy, ...options.retry };
  const timeout = options.timeout ?? 30_000;
  const base = options.baseUrl.replace(/\/+$/, '');
  const baseOrigin = new URL(base).origin;
  // Late-bound: a fetch mocked after the client was created (nock) is used.
  const send = createTransport(options.fetch ?? ((input, init) => globalThis.fetch(input, init)));
  let lastRateLimit: RateLimitInfo | undefined;
  let lastAuthHeaders: Record<string, string> = {};

  /**
   * The values to scrub from errors: credential-looking headers and the
   * configured secrets. Computed only when an error needs them, never on the
   * success path.
   */
  const secretsOf = (...headerSets: Array<Record<string, string> | undefined>): string[] => {
    const values: string[] = [];
    for (const headers of headerSets) {
      for (const [name, value] of Object.entries(headers ?? {})) {
        if (/auth|key|token|secret|id$/i.test(name)) values.push(value, value.replace(/^(Bearer|Token|Basic)\s+/i, ''));
      }
    }
    return [...values, ...(options.secrets?.() ?? [])].filter((value) => value.length >= 4);
  };

  const urlFor = (path: string, query?: Record<string, QueryValue>): URL => {
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${base}/${path.replace(/^\/+/, '')}`);
    // An absolute URL comes from the vendor (a Link header, a `next` field):
    // never send credentials to another origin because a response said so.
    // A client without credentials (media downloads) may go anywhere.
    if (url.origin !== baseOrigin && options.headers !== undefined) {
      throw createProviderError('unexpected_response', {
        provider: options.provider,
        message: `refusing to follow a URL on another origin (${url.origin}) with this provider's credentials`,
      });
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, String(item));
      else url.searchParams.set(key, String(value));
    }
    return url;
  };

  async function request(req: HttpRequest<v.GenericSchema | undefined>): Promise<HttpResponse<unknown>> {
    const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method);
    const url = urlFor(req.path, req.query);
    const href = url.href;
    const path = url.pathname;
    const body = req.form ?? (req.json === undefined ? undefined : JSON.stringify(req.json));
    let attempt = 0;
    let refreshed = false;

    for (;;) {
      if (req.signal?.aborted) throw new AbortError(undefined, { provider: options.provider });
      if (options.rateLimiter) await options.rateLimiter.acquire(req.signal);
      const authHeaders = options.headers ? await options.headers() : {};
      lastAuthHeaders = authHeaders;
      const secrets = () => secretsOf(authHeaders, req.headers);

      let response: Response;
      try {
        response = await send({
          href,
          method: req.method,
          headers: attemptHeaders(body, authHeaders, req.headers),
          body,
          timeout: req.timeout ?? timeout,
          signal: req.signal,
        });
      } catch (error) {
        if (req.signal?.aborted) throw new AbortError(undefined, { provider: options.provider });
        const failure = classifyTransportError(error, options.provider, secrets(), req.method, path);
        const notSent = failure.code === 'network_error' && NOT_SENT_CODES.has(codeInChain(error) ?? '');
        if ((idempotent || notSent) && attempt < policy.limit) {
          await sleep(retryDelay(policy, attempt), req.signal);
          attempt += 1;
          continue;
        }
        throw failure;
      }

      const rateLimit = readRateLimitHeaders(response.headers);
      if (rateLimit) lastRateLimit = rateLimit;
      if (rateLimit?.remaining === 0 && rateLimit.reset && options.rateLimiter) {
        // The window resets somewhere in (reset - precision, reset]. Pausing to
        // the earliest moment keeps a client that paces itself at the limit
        // from losing up to a second per window; if the window has not reset
        // yet, the vendor answers 429 + Retry-After, which proves the request
        // was not accepted and is retried.
        const earliest = rateLimit.reset.getTime() - (rateLimit.resetPrecision ?? 0);
        await options.rateLimiter.pauseUntil(Math.min(earliest, Date.now() + policy.maxRetryAfter));
      }

      if (response.ok) {
        const data = await readBody(response, req, path, options.provider, secrets);
        return { data, status: response.status, headers: response.headers, rateLimit };
      }

      const errorBody = await readErrorBody(response);
      const failure: HttpFailure = { status: response.status, body: errorBody, headers: response.headers, method: req.method, path, rateLimit };
      const info = options.mapError?.(failure) ?? {};
      const retryAfter = info.retryAfter ?? rateLimit?.retryAfter;

      if (response.status === 401 && options.refreshCredentials && !refreshed) {
        refreshed = true;
        if (await options.refreshCredentials()) continue;
      }
      if (response.status === 429 && options.rateLimiter) {
        await options.rateLimiter.pauseUntil(Date.now() + Math.min(retryAfter ?? retryDelay(policy, attempt), policy.maxRetryAfter));
      }

      // 429, and 503 with Retry-After, prove the request was not accepted.
      const notAccepted = response.status === 429 || (response.status === 503 && retryAfter !== undefined);
      const transient = [408, 500, 502, 503, 504].includes(response.status);
      const waitOk = retryAfter === undefined || retryAfter <= policy.maxRetryAfter;
      if ((notAccepted || (transient && idempotent)) && waitOk && attempt < policy.limit) {
        await sleep(retryAfter ?? retryDelay(policy, attempt), req.signal);
        attempt += 1;
        continue;
      }

      throw createProviderError(info.kind ?? kindFromStatus(response.status), {
        ...info,
        provider: options.provider,
        status: response.status,
        retryAfter,
        requestId: info.requestId ?? requestIdOf(response.headers),
        details: info.details ?? errorBody,
        message: info.message ?? `${req.method} ${path} failed with HTTP ${response.status}`,
        secrets: secrets(),
      });
    }
  }

  return {
    request: request as HttpClient['request'],
    get lastRateLimit() {
      return lastRateLimit;
    },
    redact(text) {
      let out = text;
      for (const secret of secretsOf(lastAuthHeaders)) out = out.split(secret).join('[redacted]');
      return out;
    },
    secrets: async () => secretsOf(options.headers ? await options.headers() : {}),
  };
}

async function readBody(
  response: Response,
  req: HttpRequest<v.GenericSchema | undefined>,
  path: string,
  provider: string,
  secrets: () => readonly string[],
): Promise<unknown> {
  const type = req.responseType ?? 'json';
  if (type === 'none') {
    await response.body?.cancel();
    return undefined;
  }
  if (type === 'bytes') return new Uint8Array(await response.arrayBuffer());
  const text = await response.text();
  if (type === 'text') return text;
  let data: unknown;
  try {
    data = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw createProviderError('unexpected_response', {
      provider,
      status: response.status,
      message: `${req.method} ${path}: the response is not JSON`,
      details: { body: text.slice(0, 500) },
      secrets: secrets(),
    });
  }
  if (!req.schema) return data;
  const result = v.safeParse(req.schema, data);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw createProviderError('unexpected_response', {
    provider,
    status: response.status,
    message: `the response to ${req.method} ${path} does not match the documented shape: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`,
    details: { issues: result.issues.slice(0, 5).map((i) => ({ path: v.getDotPath(i), message: i.message })) },
    secrets: secrets(),
  });
}

async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 2000);
  }
}

function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}


function classifyTransportError(error: unknown, provider: string, secrets: readonly string[], method: string, path: string): WamuxError {
  if (isWamuxError(error)) return error;
  if (isKyTimeoutError(error)) {
    return new TimeoutError(`${method} ${path} timed out`, { provider, retryable: true, secrets });
  }
  const code = codeInChain(error);
  if (isKyNetworkError(error) || error instanceof TypeError || code !== undefined) {
    return new NetworkError(`${method} ${path} failed: ${code ?? 'network error'}`, { provider, retryable: true, cause: error, secrets });
  }
  return new NetworkError(`${method} ${path} failed`, { provider, cause: error, secrets });
}

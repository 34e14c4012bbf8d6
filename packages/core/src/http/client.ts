import * as v from 'valibot';
import { codeInChain } from '../errors/cause-code';
import { AbortError, RedirectRefusedError } from '../errors/classes';
import { withDelivery, worstDelivery } from '../errors/delivery';
import { redactText } from '../errors/redact';
import { isWamuxError, type DeliveryOutcome } from '../errors/wamux-error';
import { toValidationIssues } from '../model/validate';
import type { RateLimiter } from '../rate-limit/limiter';
import { startHttpAttempt, type HttpAttempt, type HttpTarget } from '../telemetry/http-attempt';
import { instruments } from '../telemetry/instruments';
import { resolveLogger, type Logger } from '../telemetry/logger';
import { routeTemplate } from '../telemetry/mask';
import { currentSendScope, type SendScope } from '../telemetry/send-span';
import type { TelemetryOptions } from '../telemetry/options';
import { sleep } from '../util/sleep';
import { createProviderError, deliveryOfAnswer, kindFromStatus, type HttpFailure, type VendorErrorInfo } from './errors-from-response';
import { readRateLimitHeaders, type RateLimitInfo } from './response-headers';
import { resolveRetryPolicy, retryDelay, type RetryOptions } from './retry-policy';
import { bodyBrokeOff, createTransport, unreachable, type AttemptDescription } from './transport';

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
  headers?: (() => Record<string, string> | Promise<Record<string, string>>) | undefined;
  /** Values to scrub from errors besides the auth headers' values (e.g. a password). */
  secrets?: (() => readonly string[]) | undefined;
  /**
   * A fetch implementation; the global one by default. ky calls it as
   * `fetch(request, init)`: `request` is the `Request` ky built (absolute
   * URL with the query, method, headers, body, `redirect` — `manual`
   * whenever the request carries credentials or a body, so a 3xx is
   * answered to the client and never followed — and the `signal` that the
   * timeout or the caller's signal aborts); `init` holds only options
   * foreign to `Request` (usually none).
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** Per-attempt timeout in ms. Default 30 000. */
  timeout?: number | undefined;
  /** Retry policy, or `false` for none. */
  retry?: RetryOptions | false | undefined;
  /** The client-side limiter every attempt waits on. */
  rateLimiter?: RateLimiter | undefined;
  /** Reads the vendor's error body; the HTTP status decides the rest. */
  mapError?: ((failure: HttpFailure) => VendorErrorInfo | undefined) | undefined;
  /**
   * Says whether a 2xx JSON answer is in fact an error envelope (a vendor
   * that reports failures with HTTP 200). Called with the parsed body
   * (`undefined` when empty) before the request's schema; return
   * `undefined` for a success. What it returns is handled like a failed
   * status: a `rate_limit` kind is waited out (`retryAfter`, else the
   * `Retry-After` header, else backoff) and retried like a 429, since it
   * proves the request was not processed; any other kind is thrown as its
   * typed error. Runs on every successful JSON response: keep it cheap.
   */
  errorInBody?: ((answer: HttpFailure) => VendorErrorInfo | undefined) | undefined;
  /**
   * Called once per request after a 401: refresh the credentials (log in
   * again) and return `true` to repeat the request with the new ones.
   */
  refreshCredentials?: (() => Promise<boolean>) | undefined;
  /** Where retries, limiter blocks, refused redirects and limiter failures are told. Silent by default. */
  logger?: Logger | undefined;
  /** What telemetry may carry besides the defaults (personal data is left out unless opted in). */
  telemetry?: TelemetryOptions | undefined;
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
  responseType?: 'json' | 'bytes' | 'text' | 'none' | undefined;
  /** Validates the JSON response; a mismatch is an `unexpected_response` error (`delivery: 'unknown'`). */
  schema?: TSchema | undefined;
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
/** Header names that hold a credential, whatever the scheme. */
const CREDENTIAL_HEADER = /auth|key|token|secret|cookie|id$/i;
/** Statuses worth trying again when repeating the request is harmless. */
const TRANSIENT = new Set([408, 500, 502, 503, 504]);

/**
 * Creates the HTTP client an adapter sends every request through.
 *
 * Every error it throws has `delivery`: `not_sent` when nothing of the
 * request was written (a limiter refusal, an aborted wait, a failed login, a
 * refused connection) or the vendor answered that it did not process it
 * (4xx, 429, 503 with Retry-After, a 307/308 redirect, a rate-limit error
 * body); `unknown` when it may have been processed (a connection lost after
 * the request was written, a timeout, an abort in flight, a 5xx, a 301/302/303,
 * an unreadable or mismatched 2xx body). A non-idempotent request is
 * retried only after a `not_sent` failure, so retrying never sends it twice.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = resolveRetryPolicy(options.retry);
  const timeout = options.timeout ?? 30_000;
  const base = options.baseUrl.replace(/\/+$/, '');
  const baseOrigin = new URL(base).origin;
  const provider = options.provider;
  // Late-bound: a fetch mocked after the client was created (nock) is used.
  const send = createTransport({ baseUrl: base, fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)) });
  let lastRateLimit: RateLimitInfo | undefined;
  let lastAuthHeaders: Record<string, string> = {};
  const logger = resolveLogger(options.logger);
  const personalData = options.telemetry?.personalData === true;

  /**
   * The values to scrub from errors: credential-looking headers and the
   * configured secrets. Computed only when an error needs them, never on the
   * success path.
   */
  const secretsOf = (...headerSets: Array<Record<string, string> | undefined>): string[] => {
    const values: string[] = [];
    for (const headers of headerSets) {
      for (const [name, value] of Object.entries(headers ?? {})) {
        if (CREDENTIAL_HEADER.test(name)) values.push(value, value.replace(/^(Bearer|Token|Basic)\s+/i, ''));
      }
    }
    return [...values, ...(options.secrets?.() ?? [])].filter((value) => value.length >= 4);
  };

  /** The URL a request goes to (ky builds the same from the prefix and the query): for the origin check and telemetry. */
  const urlFor = (path: string, searchParams: ReadonlyArray<readonly [string, string]>): URL => {
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${base}/${path.replace(/^\/+/, '')}`);
    // An absolute URL comes from the vendor (a Link header, a `next` field):
    // never send credentials to another origin because a response said so.
    // A client without credentials (media downloads) may go anywhere.
    if (url.origin !== baseOrigin && options.headers !== undefined) {
      throw createProviderError('unexpected_response', {
        provider,
        message: `refusing to follow a URL on another origin (${url.origin}) with this provider's credentials`,
        delivery: 'not_sent',
      });
    }
    for (const [key, value] of searchParams) url.searchParams.append(key, value);
    return url;
  };

  /** One request; an attempt a hook's throw left open is ended (`error.type` `_OTHER`), so no span is left dangling. */
  async function request(req: HttpRequest<v.GenericSchema | undefined>): Promise<HttpResponse<unknown>> {
    const tracked: { latest?: HttpAttempt } = {};
    try {
      return await attempts(req, tracked);
    } finally {
      tracked.latest?.end(undefined, '_OTHER');
    }
  }

  async function attempts(req: HttpRequest<v.GenericSchema | undefined>, tracked: { latest?: HttpAttempt }): Promise<HttpResponse<unknown>> {
    const idempotent = req.idempotent ?? IDEMPOTENT.has(req.method);
    const searchParams = queryPairs(req.query);
    const url = urlFor(req.path, searchParams);
    const path = url.pathname;
    // Telemetry names the route, never the path: ids and tokens stay here.
    const target: HttpTarget = { provider, method: req.method, template: routeTemplate(path), serverAddress: url.hostname, serverPort: portOf(url) };
    const scope = currentSendScope();
    if (scope && personalData) scope.personalData = true;
    const hasBody = req.form !== undefined || req.json !== undefined;
    // A redirect is followed only by a bare request: no credentials to hand
    // to another host, no body (a send, a login's password) to post there.
    const redirect = options.headers === undefined && !hasBody && !carriesCredentials(req.headers) ? 'follow' : 'manual';
    const responseType = req.responseType ?? 'json';
    let attempt = 0;
    let refreshed = false;
    // Whether an earlier attempt may have been processed. Only an idempotent
    // request is retried after such an attempt; its final error says so.
    let earlier: DeliveryOutcome = 'not_sent';
    const fail = (error: unknown, delivery: DeliveryOutcome): unknown => withDelivery(error, worstDelivery(earlier, delivery));
    const pause = async (ms: number, delivery: DeliveryOutcome, reason: string): Promise<void> => {
      earlier = worstDelivery(earlier, delivery);
      attempt += 1;
      if (scope) scope.retries += 1;
      instruments().retries.add(1, { 'wamux.provider': provider, 'url.template': target.template, 'wamux.retry.reason': reason });
      logger.warn(`wamux: retrying ${req.method} ${target.template} in ${Math.round(ms)} ms (${reason}, retry ${attempt} of ${policy.limit})`, {
        provider,
        method: req.method,
        route: target.template,
        reason,
        delayMs: Math.round(ms),
        retry: attempt,
      });
      try {
        await sleep(ms, req.signal);
      } catch {
        throw fail(new AbortError(undefined, { provider }), 'not_sent');
      }
    };

    for (;;) {
      if (req.signal?.aborted) throw fail(new AbortError(undefined, { provider }), 'not_sent');
      let authHeaders: Record<string, string>;
      try {
        if (options.rateLimiter) await acquire(options.rateLimiter, req.signal, target, scope);
        authHeaders = options.headers ? await options.headers() : {};
      } catch (error) {
        // Nothing of this attempt was written: a full limiter queue, an
        // aborted wait, or a login that failed (whatever the login's own
        // outcome, this request never left).
        logNotSent(logger, error, target);
        throw fail(error, 'not_sent');
      }
      lastAuthHeaders = authHeaders;
      const secrets = () => secretsOf(authHeaders, req.headers);
      const describe: AttemptDescription = { provider, method: req.method, path, host: url.host, secrets };

      let response: Response;
      const current = startHttpAttempt(target, attempt);
      tracked.latest = current;
      try {
        response = await send({
          path: req.path,
          method: req.method,
          searchParams,
          json: req.json,
          form: req.form,
          headers: req.headers,
          auth: authHeaders,
          timeout: req.timeout ?? timeout,
          signal: req.signal,
          redirect,
          describe,
        });
      } catch (error) {
        // The request may have been written: an abort or a timeout in flight
        // leaves its fate open, as does a connection lost on the way.
        if (req.signal?.aborted) current.end(undefined, 'aborted');
        if (req.signal?.aborted) throw fail(new AbortError(undefined, { provider, cause: error, secrets: secrets() }), 'unknown');
        // ky's timeouts and network errors arrive as core's (its beforeError hook); anything else a custom fetch threw is a network error.
        const failure = isWamuxError(error) ? error : unreachable(describe, error);
        const delivery: DeliveryOutcome =
          failure.delivery ?? (failure.code === 'network_error' && NOT_SENT_CODES.has(codeInChain(failure.cause) ?? '') ? 'not_sent' : 'unknown');
        current.end(undefined, failure.code);
        if ((idempotent || delivery === 'not_sent') && attempt < policy.limit) {
          await pause(retryDelay(policy, attempt), delivery, failure.code);
          continue;
        }
        throw fail(failure, delivery);
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

      if (redirect === 'manual' && response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        const refused = redirectRefused(response, req.method, path, url, provider, secrets());
        current.end(response.status, refused.code);
        logger.warn(
          `wamux: ${req.method} ${target.template} was redirected (HTTP ${response.status}); not followed, since the request carries credentials or a body`,
          {
            provider,
            method: req.method,
            route: target.template,
            status: response.status,
            location: refused.location,
          },
        );
        throw fail(refused, refused.delivery ?? 'unknown');
      }

      let info: VendorErrorInfo;
      let errorBody: unknown;
      if (response.ok) {
        let data: unknown;
        try {
          if (responseType !== 'json') {
            const raw = await readRaw(response, responseType);
            current.end(response.status);
            return { data: raw, status: response.status, headers: response.headers, rateLimit };
          }
          data = await readJson(response, req.method, path, provider, secrets);
        } catch (error) {
          current.end(response.status, isWamuxError(error) ? error.code : 'network_error');
          if (isWamuxError(error)) throw fail(error, 'unknown');
          if (req.signal?.aborted) throw fail(new AbortError(undefined, { provider }), 'unknown');
          throw fail(bodyBrokeOff(describe, error), 'unknown');
        }
        const inBody = options.errorInBody?.({ status: response.status, body: data, headers: response.headers, method: req.method, path, rateLimit });
        if (inBody === undefined) {
          try {
            const valid = validate(data, req, response.status, path, provider, secrets);
            current.end(response.status);
            return { data: valid, status: response.status, headers: response.headers, rateLimit };
          } catch (error) {
            current.end(response.status, isWamuxError(error) ? error.code : 'unexpected_response');
            throw fail(error, 'unknown');
          }
        }
        info = inBody;
        errorBody = data;
      } else {
        errorBody = await readErrorBody(response);
        info = options.mapError?.({ status: response.status, body: errorBody, headers: response.headers, method: req.method, path, rateLimit }) ?? {};
      }

      const status = response.status;
      const kind = info.kind ?? kindFromStatus(status);
      const retryAfter = info.retryAfter ?? rateLimit?.retryAfter;
      const delivery = info.delivery ?? deliveryOfAnswer(status, kind, retryAfter);
      // An error status names itself (OpenTelemetry's HTTP convention); an error in a 2xx body, by its kind.
      current.end(status, response.ok ? kind : String(status));

      if (status === 401 && options.refreshCredentials && !refreshed) {
        refreshed = true;
        let renewed: boolean;
        try {
          renewed = await options.refreshCredentials();
        } catch (error) {
          // The 401 proves this request was not processed, whatever the login says of itself.
          throw fail(error, delivery);
        }
        if (renewed) {
          logger.info(`wamux: ${provider} refused the credentials (HTTP 401); logged in again, repeating ${req.method} ${target.template}`, {
            provider,
            route: target.template,
          });
          continue;
        }
      }
      const rateLimited = status === 429 || kind === 'rate_limit';
      if (rateLimited) instruments().rateLimited.add(1, { 'wamux.provider': provider, 'url.template': target.template, 'http.response.status_code': status });
      if (rateLimited && options.rateLimiter) {
        const blockMs = Math.min(retryAfter ?? retryDelay(policy, attempt), policy.maxRetryAfter);
        logger.warn(`wamux: ${provider} answered "too many requests"; the rate limiter holds every request back for ${Math.round(blockMs)} ms`, {
          provider,
          route: target.template,
          status,
          retryAfterMs: retryAfter,
          blockMs: Math.round(blockMs),
        });
        await options.rateLimiter.pauseUntil(Date.now() + blockMs);
      }

      // Proof the request was not processed: a rate limit (429 or its code,
      // whatever the status), a 503 with Retry-After, a 408.
      const notProcessed = rateLimited || (status === 503 && retryAfter !== undefined) || status === 408;
      const again = (notProcessed && delivery === 'not_sent') || (idempotent && (notProcessed || TRANSIENT.has(status)));
      const waitOk = retryAfter === undefined || retryAfter <= policy.maxRetryAfter;
      if (again && waitOk && attempt < policy.limit) {
        await pause(retryAfter ?? retryDelay(policy, attempt), delivery, rateLimited ? 'rate_limited' : `http_${status}`);
        continue;
      }

      throw createProviderError(kind, {
        ...info,
        provider,
        status,
        retryAfter,
        requestId: info.requestId ?? requestIdOf(response.headers),
        details: info.details ?? errorBody,
        message:
          info.message ??
          (response.ok ? `${req.method} ${path}: the vendor answered HTTP ${status} with an error body` : `${req.method} ${path} failed with HTTP ${status}`),
        secrets: secrets(),
        delivery: worstDelivery(earlier, delivery),
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

/**
 * Waits for the limiter and measures the wait (`wamux.rate_limit.wait.duration`,
 * and the send's limiter time when a send is traced).
 */
async function acquire(limiter: RateLimiter, signal: AbortSignal | undefined, target: HttpTarget, scope: SendScope | undefined): Promise<void> {
  const started = performance.now();
  try {
    await limiter.acquire(signal);
  } finally {
    const waited = performance.now() - started;
    if (scope) scope.limiterWaitMs += waited;
    instruments().limiterWait.record(waited / 1000, { 'wamux.provider': target.provider });
  }
}

/** Tells the logger why a request never left: a full limiter queue, a failing shared limiter store, a failed login (an abort is the caller's own doing). */
function logNotSent(logger: Logger, error: unknown, target: HttpTarget): void {
  const code = isWamuxError(error) ? error.code : undefined;
  if (code === 'aborted') return;
  const why =
    code === 'rate_limit_queue_full'
      ? 'the rate limiter queue is full'
      : code === undefined
        ? 'the rate limiter or the credentials failed'
        : `it failed before sending (${code})`;
  logger[code === 'rate_limit_queue_full' ? 'warn' : 'error'](`wamux: ${target.method} ${target.template} was not sent: ${why}`, {
    provider: target.provider,
    method: target.method,
    route: target.template,
    code: code ?? (error instanceof Error ? error.name : 'unknown'),
  });
}

/** The port a URL connects to, its scheme's default when it names none. */
function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** A 2xx body read as bytes, text, or not at all. */
async function readRaw(response: Response, type: 'bytes' | 'text' | 'none'): Promise<unknown> {
  if (type === 'none') {
    await response.body?.cancel();
    return undefined;
  }
  if (type === 'bytes') return new Uint8Array(await response.arrayBuffer());
  return response.text();
}

/** A 2xx body parsed as JSON (`undefined` when empty); anything else is an `unexpected_response` error. */
async function readJson(response: Response, method: string, path: string, provider: string, secrets: () => readonly string[]): Promise<unknown> {
  const text = await response.text();
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw createProviderError('unexpected_response', {
      provider,
      status: response.status,
      message: `${method} ${path}: the response is not JSON`,
      details: { body: text.slice(0, 500) },
      secrets: secrets(),
    });
  }
}

/**
 * Checks a 2xx JSON body against the request's schema. The error names the
 * field at fault and what was expected, never the value received: a vendor
 * answer can hold a token.
 */
function validate(
  data: unknown,
  req: HttpRequest<v.GenericSchema | undefined>,
  status: number,
  path: string,
  provider: string,
  secrets: () => readonly string[],
): unknown {
  if (!req.schema) return data;
  const result = v.safeParse(req.schema, data);
  if (result.success) return result.output;
  const issues = toValidationIssues(result.issues).slice(0, 5);
  const first = issues[0] ?? { path: '(root)', message: 'invalid' };
  throw createProviderError('unexpected_response', {
    provider,
    status,
    message: `the response to ${req.method} ${path} does not match the documented shape: ${first.path}: ${first.message}`,
    details: { issues },
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

/** True when a request's own headers carry a credential. */
function carriesCredentials(headers: Record<string, string> | undefined): boolean {
  return headers !== undefined && Object.keys(headers).some((name) => CREDENTIAL_HEADER.test(name));
}

/**
 * The error for a 3xx answered to a request that carried credentials or a
 * body. It names the status and the origin the `Location` pointed to (its
 * path and query may hold a token, so they are left out).
 */
function redirectRefused(response: Response, method: string, path: string, from: URL, provider: string, secrets: readonly string[]): RedirectRefusedError {
  const status = response.status;
  const location = originOf(response.headers.get('location'), from);
  const target = location === undefined ? 'without a usable Location' : location === from.origin ? `to the same origin (${location})` : `to ${location}`;
  const outcome = status === 307 || status === 308 ? 'it was not processed' : 'it may have been processed';
  return new RedirectRefusedError(
    `${method} ${path} was redirected (HTTP ${status}) ${target}; not followed, since the request carries credentials or a body (${outcome})`,
    {
      provider,
      status,
      location: location === undefined ? undefined : redactText(location, secrets),
      requestId: requestIdOf(response.headers),
      secrets,
    },
  );
}

/** The origin of a `Location`, resolved against the request URL; `undefined` when there is none or it is not a URL. */
function originOf(location: string | null, from: URL): string | undefined {
  if (location === null || location.trim() === '') return undefined;
  try {
    const origin = new URL(location, from).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** A request's query as ky's `searchParams` pairs: `null` and `undefined` left out, an array repeating its name. */
function queryPairs(query: Record<string, QueryValue> | undefined): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) pairs.push([key, String(item)]);
    else pairs.push([key, String(value)]);
  }
  return pairs;
}

import { AuthenticationError, NotFoundError, ProviderServerError, RateLimitError, RequestRejectedError, TimeoutError } from '../errors/classes';
import type { DeliveryOutcome, WamuxError } from '../errors/wamux-error';
import type { RateLimitInfo } from './response-headers';

/** The normalized kinds of vendor failure an adapter can name. */
export type ProviderErrorKind = 'authentication' | 'permission' | 'rate_limit' | 'rejected' | 'not_found' | 'timeout' | 'server' | 'unexpected_response';

/**
 * A vendor response as the adapter's error hooks see it: a failed one
 * (`mapError`), or a 2xx JSON one that may be an error envelope
 * (`errorInBody`).
 */
export interface HttpFailure {
  status: number;
  /** The body: parsed JSON when it was JSON, else the text (possibly empty). */
  body: unknown;
  headers: Headers;
  method: string;
  /** The path that was called (no query string, no host). */
  path: string;
  rateLimit?: RateLimitInfo | undefined;
}

/** What an adapter knows about a vendor error body. Every field is optional. */
export interface VendorErrorInfo {
  /** Overrides the kind the HTTP status implies (e.g. a 400 whose code means "not found"). */
  kind?: ProviderErrorKind | undefined;
  message?: string | undefined;
  vendorCode?: string | undefined;
  details?: unknown;
  requestId?: string | undefined;
  retryAfter?: number | undefined;
  /**
   * Whether the vendor may have processed the request, when the body says
   * so better than the status does. By default a 4xx, a 408, a 429, a 503
   * with `Retry-After`, a rate-limit kind and a refusal inside a 2xx body are
   * `not_sent`; anything else is `unknown`.
   */
  delivery?: DeliveryOutcome | undefined;
}

/** The kind an HTTP status implies when the adapter says nothing more. */
export function kindFromStatus(status: number): ProviderErrorKind {
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limit';
  if (status >= 500) return 'server';
  return 'rejected';
}

/** The kinds by which a vendor says it refused the request rather than failed while processing it. */
const REFUSALS: ReadonlySet<ProviderErrorKind> = new Set(['authentication', 'permission', 'rate_limit', 'rejected', 'not_found']);

/**
 * Whether a vendor's answer proves the request was not processed. A 4xx
 * refuses it (408 and 429 included: the vendor did not act on it), a 503
 * with `Retry-After` says "not now", and a rate-limit code says so in any
 * status. A 2xx error envelope is a refusal when its kind is one. Anything
 * else (a 5xx, a timeout or server kind in a 2xx) may follow processing.
 */
export function deliveryOfAnswer(status: number, kind: ProviderErrorKind, retryAfter: number | undefined): DeliveryOutcome {
  if (kind === 'rate_limit' || (status >= 400 && status < 500)) return 'not_sent';
  if (status === 503 && retryAfter !== undefined) return 'not_sent';
  if (status < 300) return REFUSALS.has(kind) ? 'not_sent' : 'unknown';
  return 'unknown';
}

/** Everything {@link createProviderError} needs. */
export interface ProviderErrorInput extends VendorErrorInfo {
  provider: string;
  status?: number | undefined;
  secrets?: readonly string[] | undefined;
  cause?: unknown;
}

/**
 * Builds the typed error for a vendor failure. The HTTP path uses it for
 * non-2xx responses; adapters use it for failures a vendor reports inside a
 * 2xx body (an error envelope with HTTP 200).
 */
export function createProviderError(kind: ProviderErrorKind, input: ProviderErrorInput): WamuxError {
  const status = input.status;
  const message = input.message ?? defaultMessage(kind, status);
  const options = {
    provider: input.provider,
    status,
    vendorCode: input.vendorCode,
    details: input.details,
    requestId: input.requestId,
    retryAfter: input.retryAfter,
    delivery: input.delivery,
    secrets: input.secrets,
    cause: input.cause,
  };
  switch (kind) {
    case 'authentication':
      return new AuthenticationError(message, options);
    case 'permission':
      return new AuthenticationError(message, { ...options, code: 'permission_denied' });
    case 'rate_limit':
      return new RateLimitError(message, options);
    case 'not_found':
      return new NotFoundError(message, options);
    case 'timeout':
      // A 408 is the vendor saying it did not get the whole request in time.
      return new TimeoutError(message, { ...options, retryable: true, delivery: input.delivery ?? (status === 408 ? 'not_sent' : undefined) });
    case 'server':
      return new ProviderServerError(message, { ...options, retryable: status === undefined || status >= 500 });
    case 'unexpected_response':
      return new ProviderServerError(message, { ...options, code: 'unexpected_response' });
    case 'rejected':
      return new RequestRejectedError(message, options);
  }
}

function defaultMessage(kind: ProviderErrorKind, status: number | undefined): string {
  const suffix = status === undefined ? '' : ` (HTTP ${status})`;
  switch (kind) {
    case 'authentication':
      return `the provider rejected the credentials${suffix}`;
    case 'permission':
      return `the credentials are not allowed to do this${suffix}`;
    case 'rate_limit':
      return `the provider's rate limit was exceeded${suffix}`;
    case 'not_found':
      return `not found${suffix}`;
    case 'timeout':
      return `the provider timed out${suffix}`;
    case 'server':
      return `the provider failed${suffix}`;
    case 'unexpected_response':
      return `the provider answered in an unexpected shape${suffix}`;
    case 'rejected':
      return `the provider rejected the request${suffix}`;
  }
}

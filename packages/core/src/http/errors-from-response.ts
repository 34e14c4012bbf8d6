import {
  AuthenticationError,
  NotFoundError,
  ProviderServerError,
  RateLimitError,
  RequestRejectedError,
  TimeoutError,
} from '../errors/classes';
import type { WamuxError } from '../errors/wamux-error';
import type { RateLimitInfo } from './response-headers';

/** The normalized kinds of vendor failure an adapter can name. */
export type ProviderErrorKind =
  | 'authentication'
  | 'permission'
  | 'rate_limit'
  | 'rejected'
  | 'not_found'
  | 'timeout'
  | 'server'
  | 'unexpected_response';

/** A failed vendor response, as the adapter's error hook sees it. */
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
      return new TimeoutError(message, { ...options, retryable: true });
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

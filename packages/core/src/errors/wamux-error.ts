import { redactText, redactValue } from './redact';
import { codeInChain } from './cause-code';

/**
 * Marks every wamux error. A registered Symbol (not a module-local one) so an
 * error thrown by one copy of `@wamux/core` is recognised by another copy, as
 * happens when two adapters resolve different versions.
 */
export const WAMUX_ERROR = Symbol.for('wamux.error');

/** Normalized error codes, the same across every provider. */
export type WamuxErrorCode =
  | 'authentication_failed'
  | 'permission_denied'
  | 'rate_limited'
  | 'rate_limit_queue_full'
  | 'validation_failed'
  | 'request_rejected'
  | 'not_found'
  | 'provider_error'
  | 'unexpected_response'
  | 'redirect_refused'
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'unsupported_feature'
  | 'webhook_verification_failed'
  | 'webhook_payload_invalid'
  | 'webhook_listener_failed'
  | 'configuration_invalid'
  | 'store_unavailable'
  | 'window_closed';

/**
 * Whether a failed send may have reached the customer.
 *
 * - `not_sent`: certainly not delivered. The request was refused before it
 *   was written (validation, capabilities, an aborted wait, a connection
 *   refused), or the vendor answered that it did not process it (429, 503
 *   with Retry-After, a 4xx refusal). Sending again cannot duplicate it.
 * - `unknown`: the request may have been processed (the connection was lost
 *   after the request was written, a timeout, a 5xx, an unreadable answer).
 *   Sending again may deliver the message twice: settle it first (a status
 *   webhook, the vendor's history).
 */
export type DeliveryOutcome = 'not_sent' | 'unknown';

/**
 * Whether a failed send may have reached the customer: the error's own
 * `delivery` when it has one, else `unknown`, the answer that never leads
 * to a message sent twice. Works on anything a send can throw.
 */
export function deliveryOf(error: unknown): DeliveryOutcome {
  const delivery = typeof error === 'object' && error !== null ? (error as { delivery?: unknown }).delivery : undefined;
  return delivery === 'not_sent' || delivery === 'unknown' ? delivery : 'unknown';
}

/** What every wamux error carries besides its message. */
export interface WamuxErrorOptions {
  /** The adapter's name (`desk360`, `getchat`, ...), when a provider raised it. */
  provider?: string | undefined;
  /** HTTP status of the vendor response, when there was one. */
  status?: number | undefined;
  /** Whether the same call may succeed if made again later. */
  retryable?: boolean | undefined;
  /** How long to wait before retrying, in milliseconds, when the vendor said. */
  retryAfter?: number | undefined;
  /** For a failed send: whether the message may have been delivered. See {@link DeliveryOutcome}. */
  delivery?: DeliveryOutcome | undefined;
  /** The vendor's own error code (`failed_validation`, `FAILD`, ...). */
  vendorCode?: string | undefined;
  /** Vendor details (error body, field errors, trace id), already scrubbed of secrets. */
  details?: unknown;
  /** The request id or trace id the vendor returned, for support tickets. */
  requestId?: string | undefined;
  /** The underlying error. Never a Request object (it would carry auth headers). */
  cause?: unknown;
  /** Secret values to scrub from the message and details. */
  secrets?: readonly string[] | undefined;
}

/**
 * The base class of every error wamux throws or emits.
 *
 * Use {@link isWamuxError} or `instanceof` (which also works across two copies
 * of the package) and switch on `code`, not on the message.
 */
export class WamuxError extends Error {
  /**
   * The class's name as a string literal, so recognition survives minifiers
   * that rename classes. Every subclass sets its own.
   */
  static readonly errorName: string = 'WamuxError';
  declare readonly [WAMUX_ERROR]: true;
  readonly code: WamuxErrorCode;
  readonly provider: string | undefined;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfter: number | undefined;
  /**
   * For an error a send threw: whether the message may have been delivered
   * (`not_sent` or `unknown`). Every error `Provider.send` throws has it;
   * other calls set it when the HTTP path knows. Retry a send only when it
   * is `not_sent`.
   */
  readonly delivery: DeliveryOutcome | undefined;
  readonly vendorCode: string | undefined;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(code: WamuxErrorCode, message: string, options: WamuxErrorOptions = {}) {
    const secrets = options.secrets ?? [];
    super(redactText(message, secrets), options.cause === undefined ? undefined : { cause: sanitizeCause(options.cause, secrets) });
    Object.defineProperty(this, WAMUX_ERROR, { value: true, enumerable: false });
    this.name = (new.target as typeof WamuxError).errorName;
    this.code = code;
    this.provider = options.provider;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
    this.retryAfter = options.retryAfter;
    this.delivery = options.delivery;
    this.vendorCode = options.vendorCode === undefined ? undefined : redactText(options.vendorCode, secrets);
    this.details = options.details === undefined ? undefined : redactValue(options.details, secrets);
    this.requestId = options.requestId === undefined ? undefined : redactText(options.requestId, secrets);
  }

  /** Recognises wamux errors from any copy of the package, by marker and `errorName`. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (!isWamuxError(value)) return false;
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of `instanceof`, often a subclass
    const wanted = (this as typeof WamuxError).errorName;
    if (wanted === WamuxError.errorName) return true;
    let proto: unknown = Object.getPrototypeOf(value);
    while (proto !== null && typeof proto === 'object') {
      if ((proto as { constructor?: { errorName?: string } }).constructor?.errorName === wanted) return true;
      proto = Object.getPrototypeOf(proto);
    }
    return false;
  }

  /** A plain, secret-free object for logs and JSON responses. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      provider: this.provider,
      status: this.status,
      retryable: this.retryable,
      retryAfter: this.retryAfter,
      delivery: this.delivery,
      vendorCode: this.vendorCode,
      requestId: this.requestId,
      details: this.details,
    };
  }
}

/** True for any error thrown by any copy of wamux. */
export function isWamuxError(value: unknown): value is WamuxError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[WAMUX_ERROR] === true;
}

/**
 * Keeps only what is safe of a cause: its name, message (scrubbed) and code.
 * A fetch `TypeError` carries the Request, whose headers hold credentials.
 */
function sanitizeCause(cause: unknown, secrets: readonly string[]): unknown {
  if (isWamuxError(cause)) return cause;
  if (cause instanceof Error) {
    const safe = new Error(redactText(cause.message, secrets));
    safe.name = cause.name;
    const code = codeInChain(cause);
    if (code !== undefined) Object.assign(safe, { code });
    safe.stack = `${safe.name}: ${safe.message}`;
    return safe;
  }
  return typeof cause === 'string' ? redactText(cause, secrets) : undefined;
}

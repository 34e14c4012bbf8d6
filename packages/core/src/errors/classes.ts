import type { WebhookEvent } from '../model/events';
import { redactText } from './redact';
import { WamuxError, type WamuxErrorOptions } from './wamux-error';

type Options = WamuxErrorOptions;

/** Credentials missing, wrong or expired (401), or not allowed to do this (403). The vendor refused it: `delivery` defaults to `not_sent`. */
export class AuthenticationError extends WamuxError {
  static override readonly errorName: string = 'AuthenticationError';
  constructor(message: string, options: Options & { code?: 'authentication_failed' | 'permission_denied' } = {}) {
    super(options.code ?? 'authentication_failed', message, { ...options, delivery: options.delivery ?? 'not_sent' });
  }
}

/**
 * Too many requests: from the vendor (429, or a rate-limit error body) or
 * from the client-side limiter's full queue. Either way the request was not
 * processed: `delivery` defaults to `not_sent`.
 */
export class RateLimitError extends WamuxError {
  static override readonly errorName: string = 'RateLimitError';
  constructor(message: string, options: Options & { code?: 'rate_limited' | 'rate_limit_queue_full' } = {}) {
    super(options.code ?? 'rate_limited', message, { retryable: true, ...options, delivery: options.delivery ?? 'not_sent' });
  }
}

/** One problem with one field of the input. */
export interface ValidationIssue {
  /** Dotted path of the field at fault, e.g. `message.interactive.buttons.3.title`. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

/**
 * Input rejected before anything was sent (`delivery: 'not_sent'`). `field`
 * names the first field at fault; `issues` lists every one.
 */
export class ValidationError extends WamuxError {
  static override readonly errorName: string = 'ValidationError';
  readonly field: string;
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], options: Options = {}) {
    const secrets = options.secrets ?? [];
    const scrubbed = issues.map((issue) => ({ path: redactText(issue.path, secrets), message: redactText(issue.message, secrets) }));
    const first = scrubbed[0] ?? { path: '(root)', message: 'invalid input' };
    const more = scrubbed.length > 1 ? ` (and ${scrubbed.length - 1} more)` : '';
    super('validation_failed', `${first.path}: ${first.message}${more}`, { ...options, delivery: options.delivery ?? 'not_sent' });
    this.field = first.path;
    this.issues = scrubbed;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, issues: this.issues };
  }
}

/** The vendor refused the request as malformed or not allowed (400, 405, 409, 415, 422): `delivery` defaults to `not_sent`. */
export class RequestRejectedError extends WamuxError {
  static override readonly errorName: string = 'RequestRejectedError';
  constructor(message: string, options: Options = {}) {
    super('request_rejected', message, { ...options, delivery: options.delivery ?? 'not_sent' });
  }
}

/** The resource (message, media, template, chat...) does not exist: `delivery` defaults to `not_sent`. */
export class NotFoundError extends WamuxError {
  static override readonly errorName: string = 'NotFoundError';
  constructor(message: string, options: Options = {}) {
    super('not_found', message, { ...options, delivery: options.delivery ?? 'not_sent' });
  }
}

/** The vendor failed (5xx) or answered with something that is not its documented shape. */
export class ProviderServerError extends WamuxError {
  static override readonly errorName: string = 'ProviderServerError';
  constructor(message: string, options: Options & { code?: 'provider_error' | 'unexpected_response' } = {}) {
    super(options.code ?? 'provider_error', message, options);
  }
}

/** The request never got a response: DNS failure, connection refused or reset. */
export class NetworkError extends WamuxError {
  static override readonly errorName: string = 'NetworkError';
  constructor(message: string, options: Options = {}) {
    super('network_error', message, options);
  }
}

/** No response within the configured timeout. */
export class TimeoutError extends WamuxError {
  static override readonly errorName: string = 'TimeoutError';
  constructor(message: string, options: Options = {}) {
    super('timeout', message, options);
  }
}

/** The caller's AbortSignal fired. */
export class AbortError extends WamuxError {
  static override readonly errorName: string = 'AbortError';
  constructor(message = 'the operation was aborted', options: Options = {}) {
    super('aborted', message, options);
  }
}

/** The provider does not offer this message type or feature; thrown before any network I/O (`delivery: 'not_sent'`). */
export class UnsupportedFeatureError extends WamuxError {
  static override readonly errorName: string = 'UnsupportedFeatureError';
  readonly feature: string;

  constructor(feature: string, options: Options = {}) {
    super('unsupported_feature', `${options.provider ?? 'this provider'} does not support ${feature}`, {
      ...options,
      delivery: options.delivery ?? 'not_sent',
    });
    this.feature = feature;
  }
}

/** A webhook request failed its signature, shared-secret or token check. */
export class WebhookVerificationError extends WamuxError {
  static override readonly errorName: string = 'WebhookVerificationError';
  constructor(message: string, options: Options = {}) {
    super('webhook_verification_failed', message, options);
  }
}

/**
 * A webhook body is not JSON, too large, or not in the vendor's documented
 * shape. `field` names the path of the first field at fault (`entry.0.changes.0.value.messages.0.id`),
 * or `(body)` when the body as a whole is at fault.
 */
export class WebhookPayloadError extends WamuxError {
  static override readonly errorName: string = 'WebhookPayloadError';
  readonly field: string;

  constructor(message: string, options: Options & { field?: string | undefined } = {}) {
    super('webhook_payload_invalid', message, options);
    this.field = options.field ?? '(body)';
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field };
  }
}

/** A provider configuration (options, config file, environment) is invalid. Raised before any I/O: `delivery` defaults to `not_sent`. */
export class ConfigurationError extends WamuxError {
  static override readonly errorName: string = 'ConfigurationError';
  readonly field: string;

  constructor(field: string, message: string, options: Options = {}) {
    super('configuration_invalid', `${field}: ${message}`, { ...options, delivery: options.delivery ?? 'not_sent' });
    this.field = field;
  }
}

/**
 * A listener of the app threw, rejected or missed the listener deadline. The
 * delivery was answered with a 5xx, so the vendor redelivers it, and the
 * event was not recorded as seen, so the redelivery runs it again. `event`
 * is the event whose listener failed.
 */
export class WebhookListenerError extends WamuxError {
  static override readonly errorName: string = 'WebhookListenerError';
  readonly event: WebhookEvent | undefined;

  constructor(message: string, options: Options & { event?: WebhookEvent | undefined } = {}) {
    super('webhook_listener_failed', message, options);
    this.event = options.event;
  }
}

/**
 * The vendor answered a request that carried credentials with a redirect
 * (3xx). The HTTP path never follows one: the credentials, and a send's
 * body, would go to whatever the `Location` names. `status` is the 3xx and
 * `location` the origin it pointed to (never its path or query).
 *
 * `delivery` defaults from the status: 307 and 308 say "repeat this request
 * there", so it was not processed (`not_sent`); a 301, 302 or 303 may follow
 * processing (`unknown`). Never retried.
 */
export class RedirectRefusedError extends WamuxError {
  static override readonly errorName: string = 'RedirectRefusedError';
  readonly location: string | undefined;

  constructor(message: string, options: Options & { location?: string | undefined } = {}) {
    super('redirect_refused', message, {
      ...options,
      delivery: options.delivery ?? (options.status === 307 || options.status === 308 ? 'not_sent' : 'unknown'),
    });
    this.location = options.location;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), location: this.location };
  }
}

/**
 * A shared store (Redis, a database) that wamux keeps state in did not
 * answer in time or failed: the rate limit, webhook dedupe or status order
 * could not be consulted. `store` names which. Nothing was done on its
 * behalf: a send refused for it was not sent (`delivery: 'not_sent'`), a
 * webhook delivery refused for it is answered 503 so the vendor redelivers.
 * Retryable when the store looked unreachable rather than misused.
 */
export class StoreUnavailableError extends WamuxError {
  static override readonly errorName: string = 'StoreUnavailableError';
  readonly store: string;

  constructor(message: string, options: Options & { store: string }) {
    super('store_unavailable', message, { retryable: true, ...options });
    this.store = options.store;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), store: this.store };
  }
}

import { redactText } from './redact';
import { WamuxError, type WamuxErrorOptions } from './wamux-error';

type Options = WamuxErrorOptions;

/** Credentials missing, wrong or expired (401), or not allowed to do this (403). */
export class AuthenticationError extends WamuxError {
  static override readonly errorName: string = 'AuthenticationError';
  constructor(message: string, options: Options & { code?: 'authentication_failed' | 'permission_denied' } = {}) {
    super(options.code ?? 'authentication_failed', message, options);
  }
}

/** Too many requests: from the vendor (429) or from the client-side limiter's full queue. */
export class RateLimitError extends WamuxError {
  static override readonly errorName: string = 'RateLimitError';
  constructor(message: string, options: Options & { code?: 'rate_limited' | 'rate_limit_queue_full' } = {}) {
    super(options.code ?? 'rate_limited', message, { retryable: true, ...options });
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
 * Input rejected before anything was sent. `field` names the first field at
 * fault; `issues` lists every one.
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
    super('validation_failed', `${first.path}: ${first.message}${more}`, options);
    this.field = first.path;
    this.issues = scrubbed;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, issues: this.issues };
  }
}

/** The vendor refused the request as malformed or not allowed (400, 405, 409, 415, 422). */
export class RequestRejectedError extends WamuxError {
  static override readonly errorName: string = 'RequestRejectedError';
  constructor(message: string, options: Options = {}) {
    super('request_rejected', message, options);
  }
}

/** The resource (message, media, template, chat...) does not exist. */
export class NotFoundError extends WamuxError {
  static override readonly errorName: string = 'NotFoundError';
  constructor(message: string, options: Options = {}) {
    super('not_found', message, options);
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

/** The provider does not offer this message type or feature; thrown before any network I/O. */
export class UnsupportedFeatureError extends WamuxError {
  static override readonly errorName: string = 'UnsupportedFeatureError';
  readonly feature: string;

  constructor(feature: string, options: Options = {}) {
    super('unsupported_feature', `${options.provider ?? 'this provider'} does not support ${feature}`, options);
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

/** A webhook body is not JSON, too large, or not in the vendor's documented shape. */
export class WebhookPayloadError extends WamuxError {
  static override readonly errorName: string = 'WebhookPayloadError';
  constructor(message: string, options: Options = {}) {
    super('webhook_payload_invalid', message, options);
  }
}

/** A provider configuration (options, config file, environment) is invalid. */
export class ConfigurationError extends WamuxError {
  static override readonly errorName: string = 'ConfigurationError';
  readonly field: string;

  constructor(field: string, message: string, options: Options = {}) {
    super('configuration_invalid', `${field}: ${message}`, options);
    this.field = field;
  }
}

/** A webhook listener of the app threw; the delivery itself was fine and was answered 200. */
export class WebhookListenerError extends WamuxError {
  static override readonly errorName: string = 'WebhookListenerError';

  constructor(message: string, options: Options = {}) {
    super('webhook_listener_failed', message, options);
  }
}

import { deliveryOf as coreDeliveryOf, isWamuxError, redactText, type DeliveryOutcome, type WamuxErrorCode } from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import type { JournalError } from './journal';

/** Connection errors raised before a byte of the request left (the core's HTTP path does not retry sends otherwise). */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Whether a failed send may still have reached the customer: the error's
 * own `delivery`, which every error of a core provider's `send` carries
 * (the HTTP path knows whether the request was written and what the vendor
 * answered). An error without one (a provider built on another copy of the
 * core) is judged by its code: those that prove the vendor refused it
 * (validation, auth, 4xx, 429, unsupported, a refused connection, a 307/308)
 * are `not_sent`, safe to send again; those that leave it open (a timeout, a
 * reset connection, a 5xx, a reply in an unexpected shape, anything else)
 * are `unknown`, not resent unless asked.
 */
export function deliveryOf(error: unknown): DeliveryOutcome {
  if (!isWamuxError(error)) return coreDeliveryOf(error);
  if (error.delivery !== undefined) return error.delivery;
  return (
    match<WamuxErrorCode, DeliveryOutcome>(error.code)
      .with(
        'validation_failed',
        'unsupported_feature',
        'configuration_invalid',
        'authentication_failed',
        'permission_denied',
        'rate_limited',
        'rate_limit_queue_full',
        'store_unavailable',
        'request_rejected',
        'not_found',
        // Outside the customer service window: refused, and sendable again once the customer writes.
        'window_closed',
        () => 'not_sent',
      )
      .with('network_error', () => (NOT_CONNECTED.has(causeCode(error) ?? '') ? 'not_sent' : 'unknown'))
      .with('redirect_refused', () => (error.status === 307 || error.status === 308 ? 'not_sent' : 'unknown'))
      // An abort can land while the request is on the wire.
      .with(
        'aborted',
        'timeout',
        'provider_error',
        'unexpected_response',
        'webhook_verification_failed',
        'webhook_payload_invalid',
        'webhook_listener_failed',
        () => 'unknown',
      )
      .exhaustive()
  );
}

/**
 * The error as the journal records it: code, message, and the vendor's
 * code, HTTP status and request id when known (the request id is what the
 * vendor's support needs to settle an unknown outcome).
 */
export function journalError(error: unknown): JournalError {
  if (isWamuxError(error)) {
    return {
      code: error.code,
      message: error.message,
      ...(error.vendorCode ? { vendorCode: error.vendorCode } : {}),
      ...(error.status ? { status: error.status } : {}),
      ...(error.requestId ? { requestId: error.requestId } : {}),
    };
  }
  return { code: 'error', message: redactText(error instanceof Error ? error.message : String(error)) };
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

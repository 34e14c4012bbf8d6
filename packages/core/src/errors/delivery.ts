import type { DeliveryOutcome } from './wamux-error';

/** `unknown` when either is: one attempt that may have been processed makes the whole request so. */
export function worstDelivery(a: DeliveryOutcome, b: DeliveryOutcome): DeliveryOutcome {
  return a === 'unknown' || b === 'unknown' ? 'unknown' : 'not_sent';
}

/**
 * Records on an error what became known after it was built: the HTTP path
 * learns that a rate-limiter refusal or a failed login kept a request from
 * being written, `defineProvider` that a driver's error left the outcome
 * open. An error is built for one failure; callers that share one (a login
 * they all waited on) share its outcome too. With `keep`, an outcome the
 * error already states is left alone. Returns the error, or an `Error` wrapping a thrown
 * non-object so that it can carry the field.
 */
export function withDelivery(error: unknown, delivery: DeliveryOutcome, options: { keep?: boolean } = {}): unknown {
  const target = typeof error === 'object' && error !== null ? error : new Error(String(error));
  const current = (target as { delivery?: unknown }).delivery;
  if (options.keep && (current === 'not_sent' || current === 'unknown')) return target;
  try {
    Object.defineProperty(target, 'delivery', { value: delivery, enumerable: true, writable: true, configurable: true });
  } catch {
    // A frozen object cannot carry it; deliveryOf() reads it as unknown.
  }
  return target;
}

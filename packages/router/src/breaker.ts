import type { WamuxErrorCode } from '@wamux/core/adapter';

/** A provider's circuit: `up` (closed), `down` (open: skipped while others can send) or `probing` (half-open: one trial send). */
export type CircuitState = 'up' | 'down' | 'probing';

/** Options of the circuit breaker each provider of a router has. */
export interface BreakerOptions {
  /** Consecutive failures of the provider that open its circuit. Default 3. */
  failureThreshold?: number | undefined;
  /** How long an open circuit stays open before one trial send, in ms. Default 30 000. */
  cooldown?: number | undefined;
}

/**
 * Failures that say something about the provider rather than the message:
 * it could not be reached, timed out, failed, refused our credentials or
 * limited us. A refusal of the message itself (validation, a 4xx about its
 * content, a missing template) leaves the circuit as it is.
 */
const PROVIDER_FAULTS: ReadonlySet<WamuxErrorCode> = new Set<WamuxErrorCode>([
  'network_error',
  'timeout',
  'provider_error',
  'unexpected_response',
  'redirect_refused',
  'authentication_failed',
  'permission_denied',
  'rate_limited',
  'rate_limit_queue_full',
]);

/** What a breaker reports when its state changes. */
export interface BreakerTransition {
  to: CircuitState;
  /** When `down`: the time the trial send becomes possible. */
  retryAt?: Date | undefined;
}

/** The circuit breaker of one provider. Time comes from `clock`, so tests drive it without sleeping. */
export interface Breaker {
  /** The state now (an open circuit whose cool-down is over reads `probing`). */
  state(): CircuitState;
  /** True when a send may go to this provider now: up, or probing with no trial in flight. */
  available(): boolean;
  /** Marks the start of a send; in `probing`, it becomes the trial. */
  begin(): void;
  /** The send succeeded. */
  success(): BreakerTransition | undefined;
  /** The send failed with `error`. */
  failure(error: { code?: unknown; retryAfter?: unknown }): BreakerTransition | undefined;
  /** Consecutive provider failures since the last success. */
  failures(): number;
  /** When an open circuit allows its trial send. */
  retryAt(): Date | undefined;
}

/** Creates a {@link Breaker}. */
export function createBreaker(options: BreakerOptions, clock: () => number): Breaker {
  const threshold = options.failureThreshold ?? 3;
  const cooldown = options.cooldown ?? 30_000;
  let open = false;
  let openUntil = 0;
  let trial = false;
  let consecutive = 0;

  const state = (): CircuitState => (!open ? 'up' : clock() >= openUntil ? 'probing' : 'down');
  const trip = (wait: number): BreakerTransition => {
    open = true;
    trial = false;
    openUntil = clock() + wait;
    return { to: 'down', retryAt: new Date(openUntil) };
  };

  return {
    state,
    available: () => {
      const now = state();
      return now === 'up' || (now === 'probing' && !trial);
    },
    begin() {
      if (state() === 'probing') trial = true;
    },
    success() {
      consecutive = 0;
      trial = false;
      if (!open) return undefined;
      open = false;
      return { to: 'up' };
    },
    failure(error) {
      const code = error.code as WamuxErrorCode;
      const wasTrial = trial;
      trial = false;
      if (!PROVIDER_FAULTS.has(code)) return undefined;
      consecutive += 1;
      // A rate-limit block opens the circuit at once, for as long as the vendor asked.
      if (code === 'rate_limited' || code === 'rate_limit_queue_full') {
        const asked = typeof error.retryAfter === 'number' && error.retryAfter > 0 ? error.retryAfter : cooldown;
        return trip(asked);
      }
      if (wasTrial || (open && state() === 'probing')) return trip(cooldown);
      if (!open && consecutive >= threshold) return trip(cooldown);
      return undefined;
    },
    failures: () => consecutive,
    retryAt: () => (open ? new Date(openUntil) : undefined),
  };
}

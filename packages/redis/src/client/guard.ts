import { StoreUnavailableError, type DeliveryOutcome } from '@wamux/core/adapter';
import type { EventEmitter } from 'eventemitter3';
import type { RedisPort } from './port';
import { classifyRedisError, redisErrorCode } from './redis-errors';

/** The events every Redis store emits. */
export interface RedisStoreEvents {
  /**
   * Redis failed this store: emitted once when an outage starts (a call
   * failed or did not answer within `timeout`), and for every call Redis
   * refused (a misconfiguration, such as a key of another type under the
   * prefix). Without a listener nothing is thrown.
   */
  error: [error: StoreUnavailableError];
  /** Redis answers again after an outage: the store uses it again. */
  recovered: [];
}

/** Settings of a {@link StoreGuard}. */
export interface GuardSettings {
  /** Which store, for error messages and `StoreUnavailableError.store`. */
  store: string;
  /** How long one call may take, retries included, in ms. */
  timeout: number;
  /** While Redis is down, how often to check whether it is back, in ms. */
  retryInterval: number;
  /** Stamped on every error (a limiter's refusal means nothing was sent). */
  delivery?: DeliveryOutcome | undefined;
}

/**
 * Every Redis call of a store goes through its guard, which turns an
 * outage into one clear state instead of a stall per call:
 *
 * - a call gets `timeout` ms in all; a connection error is retried within
 *   it when the call is idempotent. A client that queues commands while it
 *   reconnects (both do by default) would otherwise hold callers for as
 *   long as Redis is away.
 * - the first failure marks Redis down and emits one `error`; while down,
 *   calls fail at once (`available` is false), and at most once per
 *   `retryInterval` a PING checks, in the background, whether it is back.
 *   Only calls trigger that check: an idle store holds no timer.
 */
export interface StoreGuard {
  /** False from a failure until a PING succeeds again. */
  readonly available: boolean;
  /**
   * Runs `call` under the deadline; rejects with a `StoreUnavailableError`.
   * A call given up on may still reach Redis (clients queue commands while
   * they reconnect): `late` then gets its answer, to undo it.
   */
  run<T>(what: string, call: () => Promise<T>, options: { idempotent: boolean; late?: ((value: T) => void) | undefined }): Promise<T>;
  /** While Redis is down: starts a background PING if none ran for `retryInterval`. */
  probe(): void;
  /** Reports a failure that happened outside {@link run} (never throws). */
  report(error: StoreUnavailableError): void;
}

const TIMED_OUT = Symbol('timed out');

/** Creates the {@link StoreGuard} of one store. */
export function createStoreGuard(port: RedisPort, settings: GuardSettings, emitter: EventEmitter<RedisStoreEvents>): StoreGuard {
  let down = false;
  let probing = false;
  let nextProbeAt = 0;

  const unavailable = (message: string, cause?: unknown, retryable = true) =>
    new StoreUnavailableError(message, { store: settings.store, retryable, cause, delivery: settings.delivery });

  const report = (error: StoreUnavailableError) => {
    emitter.emit('error', error);
  };

  const markDown = (error: StoreUnavailableError) => {
    nextProbeAt = Date.now() + settings.retryInterval;
    if (down) return;
    down = true;
    report(error);
  };

  const probe = () => {
    if (!down || probing || Date.now() < nextProbeAt) return;
    probing = true;
    nextProbeAt = Date.now() + settings.retryInterval;
    withTimeout(port.send(['PING']), settings.timeout)
      .then((reply) => {
        if (reply === TIMED_OUT || !down) return;
        down = false;
        emitter.emit('recovered');
      })
      .catch(() => undefined)
      .finally(() => {
        probing = false;
      });
  };

  return {
    get available() {
      return !down;
    },
    probe,
    report,
    async run<T>(what: string, call: () => Promise<T>, { idempotent, late }: { idempotent: boolean; late?: ((value: T) => void) | undefined }): Promise<T> {
      if (down) {
        probe();
        throw unavailable(`Redis is unreachable (${settings.store}): ${what} was not attempted; retrying in the background`);
      }
      const deadline = Date.now() + settings.timeout;
      for (let attempt = 0; ; attempt += 1) {
        let result: T | typeof TIMED_OUT;
        const pending = call();
        try {
          result = await withTimeout(pending, deadline - Date.now());
        } catch (cause) {
          if (classifyRedisError(cause) === 'refused') {
            const error = unavailable(`Redis refused to ${what} (${settings.store}): ${redisErrorCode(cause) ?? 'error reply'}`, cause, false);
            report(error);
            throw error;
          }
          const backoff = Math.min(200, 25 * 2 ** attempt);
          if (idempotent && Date.now() + backoff < deadline) {
            await new Promise((resolve) => setTimeout(resolve, backoff));
            continue;
          }
          const error = unavailable(`Redis is unreachable (${settings.store}): could not ${what}`, cause);
          markDown(error);
          throw error;
        }
        if (result === TIMED_OUT) {
          if (late) pending.then(late, () => undefined);
          const error = unavailable(`Redis did not answer within ${settings.timeout} ms (${settings.store}): could not ${what}`);
          markDown(error);
          throw error;
        }
        return result;
      }
    },
  };
}

/** `work`'s value, or {@link TIMED_OUT} after `ms`. A late rejection of `work` is swallowed. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  work.catch(() => undefined);
  if (ms <= 0) return Promise.resolve(TIMED_OUT);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMED_OUT);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

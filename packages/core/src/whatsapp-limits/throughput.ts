import { createRateLimiter, type RateLimiter } from '../rate-limit/limiter';
import type { RateLimitStore } from '../rate-limit/store';

/** Settings of {@link createThroughputLimiter}. */
export interface ThroughputSettings {
  /** Messages per second the number may send. */
  messagesPerSecond: number;
  /** Messages that may go at once after an idle period. */
  burst: number;
  /** Sends allowed to wait at once; one more is refused (`rate_limit_queue_full`). */
  maxQueue: number;
  /** Where the bucket lives; shared by every process sending from the number when it is a shared store. */
  store: RateLimitStore | undefined;
  /** The bucket's key: the business number. */
  key: string;
}

/**
 * WhatsApp's throughput limit of one business number: a FIFO limiter at
 * the number's messages per second, whose rate follows the throughput
 * events the vendor sends.
 */
export interface ThroughputLimiter {
  /** Resolves when one more message may go; rejects as the core's {@link RateLimiter} does. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Sets a new rate (a throughput event). Callers already waiting keep the rate they queued at. */
  update(messagesPerSecond: number): void;
  /** The rate in force. */
  readonly messagesPerSecond: number;
}

/** Creates a {@link ThroughputLimiter}. */
export function createThroughputLimiter(settings: ThroughputSettings): ThroughputLimiter {
  let rate = settings.messagesPerSecond;
  // Without a store the limiter keeps its own in memory (and serves an idle
  // bucket without a queue hop); a change of rate then starts a fresh
  // schedule, which lets at most `burst` messages go early once.
  const limiterAt = (messagesPerSecond: number): RateLimiter =>
    createRateLimiter({
      requests: messagesPerSecond,
      interval: 1_000,
      burst: settings.burst,
      maxQueue: settings.maxQueue,
      key: settings.key,
      ...(settings.store === undefined ? {} : { store: settings.store }),
    });
  let limiter = limiterAt(rate);
  return {
    acquire: (signal) => limiter.acquire(signal),
    update(messagesPerSecond) {
      if (messagesPerSecond === rate) return;
      rate = messagesPerSecond;
      limiter = limiterAt(rate);
    },
    get messagesPerSecond() {
      return rate;
    },
  };
}

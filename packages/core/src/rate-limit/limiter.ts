import { AbortError, RateLimitError } from '../errors/classes';
import { sleep } from '../util/sleep';
import { createMemoryRateLimitStore, gridGrace, type RateLimitStore, type TokenBucketRule } from './store';

/** How fast a provider instance may call its vendor. */
export interface RateLimitOptions {
  /** Requests allowed per `interval`. */
  requests: number;
  /** The window, in ms. */
  interval: number;
  /**
   * Tokens that may be spent at once after an idle period. The default, 1,
   * spaces requests evenly, which never exceeds `requests` in any window of
   * `interval` (a larger burst can, against a vendor that counts a rolling window).
   */
  burst?: number | undefined;
  /**
   * Spacing added to every request, as a fraction of the nominal spacing,
   * so network jitter cannot make the vendor count one request too many in
   * a window. Default 0.01 (1%: the limiter runs at 99% of `requests`).
   */
  margin?: number | undefined;
  /** Callers allowed to wait at once; one more that would have to wait gets a `rate_limit_queue_full` error. Default 10 000. */
  maxQueue?: number | undefined;
  /** Where the bucket lives; in memory by default. */
  store?: RateLimitStore | undefined;
  /** The bucket's key in the store; share a key to share a limit. */
  key?: string | undefined;
}

/** A client-side rate limiter: FIFO, bounded, abortable. */
export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  acquire(signal?: AbortSignal | undefined): Promise<void>;
  /** Sends nothing until `until` (epoch ms): the vendor said to wait. */
  pauseUntil(until: number): Promise<void>;
  /** Callers waiting now. */
  readonly pending: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal | undefined;
  onAbort?: (() => void) | undefined;
}

/** Creates a token-bucket {@link RateLimiter}. */
export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  if (!(options.requests > 0) || !(options.interval > 0)) {
    throw new RangeError('rateLimit.requests and rateLimit.interval must be positive numbers');
  }
  const margin = Math.max(0, options.margin ?? 0.01);
  const emission = (options.interval * (1 + margin)) / options.requests;
  const rule: TokenBucketRule = {
    capacity: Math.max(1, options.burst ?? 1),
    refillPerMs: 1 / emission,
    // A timer that fires late may keep its slot as long as the slots caught up
    // stay within the margin's spare time: at 1,000/s with the 1% margin that
    // is 9 ms, where one emission interval (1 ms) lost a slot to nearly every
    // late timer of a busy process. Never less than one interval.
    grace: Math.max(gridGrace(emission), options.interval * margin - emission),
  };
  const store = options.store ?? createMemoryRateLimitStore();
  const syncStore = options.store === undefined;
  const key = options.key ?? `limiter:${Math.random().toString(36).slice(2)}`;
  const maxQueue = options.maxQueue ?? 10_000;
  const queue: Waiter[] = [];
  let pumping = false;
  // Wakes the pump from its wait when the last waiter leaves, so an idle
  // limiter holds no timer (and never keeps a process alive).
  let idle: AbortController | undefined;

  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const wait = await store.take(key, rule, Date.now());
        if (wait > 0) {
          idle = new AbortController();
          await sleep(wait, idle.signal).catch(() => undefined);
          continue;
        }
        const waiter = queue.shift();
        if (!waiter) break;
        waiter.signal?.removeEventListener('abort', waiter.onAbort as () => void);
        waiter.resolve();
      }
    } catch (error) {
      // A failing shared store must not strand callers: fail them all.
      for (const waiter of queue.splice(0)) waiter.reject(error);
    } finally {
      pumping = false;
    }
  };

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(new AbortError());
      // Nobody waiting and a token at hand: go now, so only a caller that
      // would have to wait counts against the queue bound. Only the in-memory
      // store answers synchronously; a shared store always goes through the queue.
      if (queue.length === 0 && !pumping && syncStore && store.take(key, rule, Date.now()) === 0) return Promise.resolve();
      if (queue.length >= maxQueue) {
        return Promise.reject(new RateLimitError(`the rate limiter queue is full (${maxQueue} callers waiting)`, { code: 'rate_limit_queue_full' }));
      }
      return new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject, signal };
        if (signal) {
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            if (queue.length === 0) idle?.abort();
            reject(new AbortError());
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        void pump();
      });
    },
    async pauseUntil(until) {
      await store.blockUntil(key, until);
    },
    get pending() {
      return queue.length;
    },
  };
}

/** A token bucket: `capacity` tokens, refilled continuously at `refillPerMs`. */
export interface TokenBucketRule {
  capacity: number;
  refillPerMs: number;
  /**
   * How late, in ms, a waiting caller may take its slot and keep the
   * schedule on its grid (see {@link gridGrace}, the default). The limiter
   * sets it from its margin, so slots caught up after late timers can never
   * add up to more than the vendor's limit in any window.
   */
  grace?: number | undefined;
}

/**
 * Where limiter state lives. The store does the bucket arithmetic itself so
 * that a shared store (Redis, a database) can do it atomically for many
 * processes; the in-memory default serves one process.
 */
export interface RateLimitStore {
  /**
   * Takes one token from bucket `key` if it has one and returns 0, or takes
   * nothing and returns how many ms until a token will be there.
   */
  take(key: string, rule: TokenBucketRule, now: number): number | Promise<number>;
  /** Holds bucket `key` empty until `until` (epoch ms), after a vendor said to wait. */
  blockUntil(key: string, until: number): void | Promise<void>;
}

interface BucketState {
  /** Theoretical arrival time: when the bucket will next be full enough for one more request. */
  tat: number;
  blockedUntil: number;
}

/** How late, at least, a timer may fire without the caller it wakes losing its slot, in ms. */
const TIMER_GRACE_MS = 4;

/**
 * How late a caller may take its slot and keep the schedule on its grid,
 * in ms: one emission interval, or a few milliseconds when the interval is
 * shorter. Timers fire a millisecond or more late; at 1,000 requests per
 * second (an emission every 1.01 ms) a grace of one interval would restart
 * the schedule at nearly every wake-up and halve the rate. Slots caught up
 * after a late timer are bounded by this grace, which the limiter's margin
 * absorbs. Shared stores use the same value so every store behaves alike.
 */
export function gridGrace(emission: number): number {
  return Math.max(emission, TIMER_GRACE_MS);
}

/**
 * The in-memory {@link RateLimitStore}: one bucket per key, in this process.
 *
 * The bucket is kept as GCRA (the "virtual scheduling" form of a token
 * bucket): one timestamp instead of a token count. It allows exactly what a
 * bucket of `capacity` tokens refilled at `refillPerMs` allows, but a timer
 * that fires late does not push every later request back: the schedule
 * stays on its grid, so a long run reaches the configured rate.
 */
export function createMemoryRateLimitStore(): RateLimitStore {
  const buckets = new Map<string, BucketState>();
  const bucketOf = (key: string): BucketState => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { tat: 0, blockedUntil: 0 };
      buckets.set(key, bucket);
    }
    return bucket;
  };
  return {
    take(key, rule, now) {
      const bucket = bucketOf(key);
      if (bucket.blockedUntil > now) return Math.ceil(bucket.blockedUntil - now);
      const emission = 1 / rule.refillPerMs;
      const tolerance = (rule.capacity - 1) * emission;
      const allowedAt = bucket.tat - tolerance;
      if (now >= allowedAt) {
        // A caller that was waiting for this slot and is served a little late
        // keeps the slot: the schedule stays on its grid instead of drifting
        // by every timer's lateness. After a longer idle, it restarts at now.
        const onGrid = now - bucket.tat < (rule.grace ?? gridGrace(emission));
        bucket.tat = (onGrid ? Math.max(bucket.tat, allowedAt) : now) + emission;
        return 0;
      }
      return Math.max(1, Math.ceil(allowedAt - now));
    },
    blockUntil(key, until) {
      const bucket = bucketOf(key);
      bucket.blockedUntil = Math.max(bucket.blockedUntil, until);
      // After the pause the schedule restarts from the pause's end, not with a burst of saved-up tokens.
      bucket.tat = Math.max(bucket.tat, until);
    },
  };
}

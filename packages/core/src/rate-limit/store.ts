/** A token bucket: `capacity` tokens, refilled continuously at `refillPerMs`. */
export interface TokenBucketRule {
  capacity: number;
  refillPerMs: number;
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
  tokens: number;
  updatedAt: number;
  blockedUntil: number;
}

/** The in-memory {@link RateLimitStore}: one bucket per key, in this process. */
export function createMemoryRateLimitStore(): RateLimitStore {
  const buckets = new Map<string, BucketState>();
  const state = (key: string, rule: TokenBucketRule, now: number): BucketState => {
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { tokens: rule.capacity, updatedAt: now, blockedUntil: 0 };
      buckets.set(key, bucket);
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(rule.capacity, bucket.tokens + elapsed * rule.refillPerMs);
    bucket.updatedAt = now;
    return bucket;
  };
  return {
    take(key, rule, now) {
      const bucket = state(key, rule, now);
      if (bucket.blockedUntil > now) return bucket.blockedUntil - now;
      // A hair of tolerance: float refills land on 0.9999999 instead of 1.
      if (bucket.tokens >= 1 - 1e-9) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / rule.refillPerMs));
    },
    blockUntil(key, until) {
      const bucket = buckets.get(key);
      if (bucket) {
        bucket.blockedUntil = Math.max(bucket.blockedUntil, until);
        bucket.tokens = 0;
      } else {
        buckets.set(key, { tokens: 0, updatedAt: Date.now(), blockedUntil: until });
      }
    },
  };
}

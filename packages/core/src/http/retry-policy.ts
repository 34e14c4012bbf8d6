/** When and how long the HTTP path waits before trying a request again. */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  limit: number;
  /** First backoff delay in ms; doubles each retry. Default 300. */
  baseDelay: number;
  /** Longest backoff delay in ms. Default 10 000. */
  maxDelay: number;
  /** A `Retry-After` longer than this (ms) is not waited for: the error is thrown with `retryAfter` set. Default 60 000. */
  maxRetryAfter: number;
}

/**
 * A retry policy as callers give it: any field may be left out (or
 * `undefined`, as an optional option parsed from config is) and takes its
 * default.
 */
export type RetryOptions = { [K in keyof RetryPolicy]?: RetryPolicy[K] | undefined };

/** The defaults of {@link RetryPolicy}. */
export const defaultRetryPolicy: RetryPolicy = { limit: 2, baseDelay: 300, maxDelay: 10_000, maxRetryAfter: 60_000 };

/**
 * The policy a client runs: `false` retries nothing; a field left out or
 * `undefined` takes its default.
 */
export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { ...defaultRetryPolicy, limit: 0 };
  const policy = { ...defaultRetryPolicy };
  for (const key of Object.keys(policy) as Array<keyof RetryPolicy>) {
    const value = options?.[key];
    if (value !== undefined) policy[key] = value;
  }
  return policy;
}

/** Exponential backoff with equal jitter (half fixed, half random), so many clients do not retry in step. */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

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

export const defaultRetryPolicy: RetryPolicy = { limit: 2, baseDelay: 300, maxDelay: 10_000, maxRetryAfter: 60_000 };

/** Exponential backoff with equal jitter (half fixed, half random), so many clients do not retry in step. */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

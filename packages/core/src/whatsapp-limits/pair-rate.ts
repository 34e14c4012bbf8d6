import { RateLimitError } from '../errors/classes';
import { customerKey, type CustomerAddress } from '../model/customer';
import type { RateLimitStore, TokenBucketRule } from '../rate-limit/store';
import { maskPhone } from '../telemetry/mask';
import { AbortError } from '../errors/classes';
import { sleep } from '../util/sleep';

/** Settings of {@link createPairRateLimiter}. */
export interface PairRateSettings {
  store: RateLimitStore;
  /** Prefixed to every key: the business number the pair starts from. */
  scope: string;
  /** The provider's name, for errors. */
  provider: string;
  /** One message per this many ms to the same customer. */
  interval: number;
  /** Messages to one customer that may go at once (they borrow later slots). */
  burst: number;
  /** The longest a send waits for its slot, in ms; a longer wait is refused at once. */
  maxWait: number;
  now: () => number;
}

/**
 * WhatsApp's pair rate: how often one business number may message the same
 * customer. One token bucket per pair, in the shared {@link RateLimitStore},
 * so every process sending from the number counts against the same bucket.
 */
export interface PairRateLimiter {
  /**
   * Resolves when a message to `to` may go: at once, or after a wait of at
   * most `maxWait`. Rejects with a `RateLimitError` (`retryAfter` set,
   * `delivery: 'not_sent'`) when the slot is further away, and with an
   * `AbortError` when `signal` fires during the wait.
   */
  acquire(to: CustomerAddress, signal?: AbortSignal): Promise<void>;
}

/** The margin the client-side limiter adds too: 1% slower than the nominal rate, so jitter cannot trip the vendor's count. */
const MARGIN = 0.01;

/** Creates a {@link PairRateLimiter}. */
export function createPairRateLimiter(settings: PairRateSettings): PairRateLimiter {
  const rule: TokenBucketRule = { capacity: settings.burst, refillPerMs: 1 / (settings.interval * (1 + MARGIN)) };
  return {
    async acquire(to, signal) {
      const key = `${settings.scope}:pair:${customerKey(to)}`;
      let waited = 0;
      for (;;) {
        const wait = await settings.store.take(key, rule, settings.now());
        if (wait <= 0) return;
        if (waited + wait > settings.maxWait) {
          throw new RateLimitError(
            `another message to ${maskPhone(to)} now would exceed WhatsApp's pair rate (one message every ${settings.interval / 1000} s to the same customer); retry in ${Math.ceil(wait)} ms`,
            { provider: settings.provider, retryAfter: Math.ceil(wait), delivery: 'not_sent' },
          );
        }
        // A send that was aborted while it waited for its turn never went out.
        await sleep(wait, signal).catch(() => {
          throw new AbortError('the send was aborted while it waited for a WhatsApp limit', { delivery: 'not_sent' });
        });
        waited += wait;
      }
    },
  };
}

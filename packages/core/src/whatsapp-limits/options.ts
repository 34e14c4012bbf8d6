import * as v from 'valibot';
import { PhoneNumberSchema } from '../model/phone';
import type { RateLimitStore } from '../rate-limit/store';
import type { CustomerWindowStore } from './customer-window-store';

/** Options of the throughput limit: `true` for Meta's default (80 messages per second), a number of messages per second, or this. */
export interface ThroughputOptions {
  /** Messages per second. Default 80 (Meta's default; numbers Meta upgraded have 1,000, coexistence numbers 20). Throughput events change it. */
  messagesPerSecond?: number | undefined;
  /** Messages that may go at once after an idle period. Default 1 (even spacing). */
  burst?: number | undefined;
  /** Sends allowed to wait at once, at least 1; one more is refused with `rate_limit_queue_full`. Default 10 000. */
  maxQueue?: number | undefined;
}

/** Options of the pair rate limit: `true` for Meta's documented rate, or this. */
export interface PairRateOptions {
  /** One message to the same customer per this many ms. Default 6 000 (Meta: about one every 6 seconds). */
  interval?: number | undefined;
  /** Messages to one customer that may go at once, borrowing later slots. Default 45 (Meta's burst). */
  burst?: number | undefined;
  /** The longest a send waits for its slot, in ms; a send that would wait longer is refused with a `RateLimitError` and `retryAfter`. Default 6 000; 0 never waits. */
  maxWait?: number | undefined;
}

/** Options of the customer service window: `true` for an in-memory tracker, or this. */
export interface CustomerWindowOptions {
  /** Where customers' last messages are kept. In memory by default; `createRedisCustomerWindowStore` shares them between processes. */
  store?: CustomerWindowStore | undefined;
}

/**
 * WhatsApp's own limits, enforced by `defineProvider` before the vendor is
 * called. Each is off unless set; `whatsappLimits: true` turns all three on
 * with Meta's defaults. See docs/whatsapp-limits.md.
 */
export interface WhatsAppLimitsOptions {
  /**
   * The business number this provider sends from (E.164). It keys the limits
   * in a shared store, so providers of any adapter sending from one number
   * share them, and it picks the throughput events that concern this number.
   */
  phoneNumber?: string | undefined;
  /** Messages per second from the business number (Meta's throughput). */
  throughput?: boolean | number | ThroughputOptions | undefined;
  /** Messages per customer over time (Meta's pair rate). */
  pairRate?: boolean | PairRateOptions | undefined;
  /** Refuse free-form messages to a customer whose 24-hour window is known to be closed. */
  customerWindow?: boolean | CustomerWindowOptions | undefined;
  /** Where the throughput and pair rate buckets live; in memory by default. A `RedisRateLimitStore` shares them between processes. */
  store?: RateLimitStore | undefined;
  /** The clock (epoch ms) of the pair rate and the window, for tests. `Date.now` by default. */
  clock?: (() => number) | undefined;
}

/** What the `whatsappLimits` option takes: the options, or `true` for all three limits with Meta's defaults. */
export type WhatsAppLimitsOption = boolean | WhatsAppLimitsOptions;

const hasMethods = (value: unknown, names: readonly string[]): boolean =>
  typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');

/**
 * A value checked by `test`, typed `T`. A check (not a `v.custom` schema) so
 * that a failure inside the options object is reported at its own field
 * rather than as "the whole option is not a boolean nor an object".
 */
const checked = <T>(test: (value: unknown) => boolean, message: string) =>
  v.pipe(
    v.custom<T>(() => true),
    v.check<T, string>((value) => test(value), message),
  );

const RateLimitStoreSchema = checked<RateLimitStore>((value) => hasMethods(value, ['take', 'blockUntil']), 'must be a RateLimitStore ({ take, blockUntil })');
const CustomerWindowStoreSchema = checked<CustomerWindowStore>(
  (value) => hasMethods(value, ['record', 'lastInbound']),
  'must be a CustomerWindowStore ({ record, lastInbound })',
);
const Rate = v.pipe(
  v.number('must be a number of messages per second'),
  v.finite('must be a finite number'),
  v.minValue(1, 'must be at least 1 message per second'),
);
const Count = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'));
const Milliseconds = (min: number) =>
  v.pipe(v.number('must be a number of ms'), v.integer('must be a whole number of ms'), v.minValue(min, `must be at least ${min} ms`));

/** The valibot schema of {@link WhatsAppLimitsOption}; `commonProviderOptionsEntries` includes it as `whatsappLimits`. */
export const WhatsAppLimitsOptionSchema = v.union([
  v.boolean('must be true, false or an object'),
  v.strictObject({
    phoneNumber: v.optional(PhoneNumberSchema),
    throughput: v.optional(
      v.union([v.boolean(), Rate, v.strictObject({ messagesPerSecond: v.optional(Rate), burst: v.optional(Count), maxQueue: v.optional(Count) })]),
    ),
    pairRate: v.optional(
      v.union([v.boolean(), v.strictObject({ interval: v.optional(Milliseconds(1)), burst: v.optional(Count), maxWait: v.optional(Milliseconds(0)) })]),
    ),
    customerWindow: v.optional(v.union([v.boolean(), v.strictObject({ store: v.optional(CustomerWindowStoreSchema) })])),
    store: v.optional(RateLimitStoreSchema),
    clock: v.optional(checked<() => number>((value) => typeof value === 'function', 'must be a function returning epoch ms')),
  }),
]);

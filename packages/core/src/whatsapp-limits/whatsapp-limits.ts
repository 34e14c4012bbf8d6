import * as v from 'valibot';
import { ConfigurationError } from '../errors/classes';
import { withDelivery } from '../errors/delivery';
import type { OutboundMessage } from '../model/outbound';
import { toValidationIssues } from '../model/validate';
import type { WebhookParseResult } from '../provider/contract';
import { createMemoryRateLimitStore } from '../rate-limit/store';
import { createCustomerWindowTracker, type CustomerWindowTracker } from './customer-window';
import { createMemoryCustomerWindowStore } from './customer-window-store';
import { DEFAULT_MESSAGES_PER_SECOND, DEFAULT_PAIR_RATE_BURST, DEFAULT_PAIR_RATE_INTERVAL, DEFAULT_PAIR_RATE_MAX_WAIT } from './defaults';
import { WhatsAppLimitsOptionSchema, type WhatsAppLimitsOption, type WhatsAppLimitsOptions } from './options';
import { createPairRateLimiter, type PairRateLimiter } from './pair-rate';
import { isThroughputEvent } from './throughput-event';
import { createThroughputLimiter, type ThroughputLimiter } from './throughput';

/** Who the limits belong to: the provider, and the sending identity its adapter knows (a phone number id). */
export interface WhatsAppLimitsContext {
  provider: string;
  /** The adapter's sending identity (Meta's phone number id...), used in keys when `phoneNumber` is not given. */
  sender?: string | undefined;
}

/** WhatsApp's limits of one provider, as `defineProvider` applies them. */
export interface WhatsAppLimits {
  /**
   * Waits for, or refuses, one outbound message: the window first (a
   * refusal), then the pair rate, then the throughput. Every error it
   * throws has `delivery: 'not_sent'`.
   */
  beforeSend(message: OutboundMessage, signal: AbortSignal | undefined): Promise<void>;
  /** Feeds a parsed webhook delivery: inbound messages open windows, throughput events set the rate. */
  observe(result: WebhookParseResult): Promise<void>;
  /** The throughput limiter, when on. */
  readonly throughput: ThroughputLimiter | undefined;
}

/**
 * Builds the limits `option` asks for, or `undefined` when it asks for
 * none. A bad option is a `ConfigurationError` naming the field
 * (`whatsappLimits.pairRate.interval`).
 */
export function createWhatsAppLimits(option: WhatsAppLimitsOption | undefined, context: WhatsAppLimitsContext): WhatsAppLimits | undefined {
  if (option === undefined || option === false) return undefined;
  const parsed = v.safeParse(WhatsAppLimitsOptionSchema, option);
  if (!parsed.success) {
    const [issue] = toValidationIssues(parsed.issues, 'whatsappLimits');
    throw new ConfigurationError(issue?.path ?? 'whatsappLimits', issue?.message ?? 'invalid', { provider: context.provider });
  }
  const options: WhatsAppLimitsOptions = option === true ? { throughput: true, pairRate: true, customerWindow: true } : option;
  const now = options.clock ?? Date.now;
  const scope = options.phoneNumber !== undefined ? `wa:${options.phoneNumber}` : `wa:${context.provider}:${context.sender ?? 'default'}`;
  const store = options.store ?? createMemoryRateLimitStore();

  const throughput = throughputOf(options, scope);
  const pairRate = pairRateOf(options, { scope, provider: context.provider, now, store });
  const window = windowOf(options, { scope, provider: context.provider, now });
  if (!throughput && !pairRate && !window) return undefined;

  return {
    throughput,
    async beforeSend(message, signal) {
      try {
        await window?.check(message);
        await pairRate?.acquire(message.to, signal);
        await throughput?.acquire(signal);
      } catch (error) {
        // Nothing went to the vendor yet, whatever the error says.
        throw withDelivery(error, 'not_sent');
      }
    },
    async observe(result) {
      for (const event of result.events) {
        if (event.type === 'message') await window?.observe(event.message);
        else if (throughput && isThroughputEvent(event)) {
          const { phoneNumber, messagesPerSecond } = event.payload;
          // An event about another number of the same account leaves this one alone; unknown on either side, it applies.
          if (phoneNumber === undefined || options.phoneNumber === undefined || phoneNumber === options.phoneNumber) throughput.update(messagesPerSecond);
        }
      }
    },
  };
}

function throughputOf(options: WhatsAppLimitsOptions, scope: string): ThroughputLimiter | undefined {
  const option = options.throughput;
  if (option === undefined || option === false) return undefined;
  const settings = typeof option === 'object' ? option : {};
  return createThroughputLimiter({
    messagesPerSecond: typeof option === 'number' ? option : (settings.messagesPerSecond ?? DEFAULT_MESSAGES_PER_SECOND),
    burst: settings.burst ?? 1,
    maxQueue: settings.maxQueue ?? 10_000,
    store: options.store,
    key: `${scope}:throughput`,
  });
}

function pairRateOf(
  options: WhatsAppLimitsOptions,
  context: { scope: string; provider: string; now: () => number; store: NonNullable<WhatsAppLimitsOptions['store']> },
): PairRateLimiter | undefined {
  const option = options.pairRate;
  if (option === undefined || option === false) return undefined;
  const settings = typeof option === 'object' ? option : {};
  return createPairRateLimiter({
    ...context,
    interval: settings.interval ?? DEFAULT_PAIR_RATE_INTERVAL,
    burst: settings.burst ?? DEFAULT_PAIR_RATE_BURST,
    maxWait: settings.maxWait ?? DEFAULT_PAIR_RATE_MAX_WAIT,
  });
}

function windowOf(options: WhatsAppLimitsOptions, context: { scope: string; provider: string; now: () => number }): CustomerWindowTracker | undefined {
  const option = options.customerWindow;
  if (option === undefined || option === false) return undefined;
  const store = (typeof option === 'object' ? option.store : undefined) ?? createMemoryCustomerWindowStore({ now: context.now });
  return createCustomerWindowTracker({ ...context, store });
}

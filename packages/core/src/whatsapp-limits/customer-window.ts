import { customerKey } from '../model/customer';
import type { InboundMessage } from '../model/inbound';
import type { OutboundMessage } from '../model/outbound';
import { maskPhone } from '../telemetry/mask';
import { CustomerWindowClosedError } from './customer-window-closed-error';
import type { CustomerWindowStore } from './customer-window-store';
import { CUSTOMER_SERVICE_WINDOW } from './defaults';

/** Settings of {@link createCustomerWindowTracker}. */
export interface CustomerWindowTrackerSettings {
  store: CustomerWindowStore;
  /** Prefixed to every key: the business number (a BSUID is scoped to one business portfolio). */
  scope: string;
  /** The provider's name, for errors. */
  provider: string;
  now: () => number;
}

/**
 * Tracks the 24-hour customer service window of each customer: opened (or
 * renewed) by every message the customer sends, closed 24 hours later.
 * Outside it WhatsApp takes only template messages.
 */
export interface CustomerWindowTracker {
  /** Records an inbound message: the customer's window runs from its timestamp. */
  observe(message: InboundMessage): Promise<void>;
  /**
   * Throws a {@link CustomerWindowClosedError} when `message` is not a
   * template and the window with its recipient is known to be closed. A
   * customer the store does not know is let through: WhatsApp decides.
   */
  check(message: OutboundMessage): Promise<void>;
}

/** Creates a {@link CustomerWindowTracker} over `settings.store`. */
export function createCustomerWindowTracker(settings: CustomerWindowTrackerSettings): CustomerWindowTracker {
  const { store, scope, provider, now } = settings;
  const keyOf = (id: string) => `${scope}:${id}`;
  return {
    async observe(message) {
      const sent = message.timestamp.getTime();
      // A vendor clock ahead of ours must not stretch the window past 24 hours from now.
      const at = Number.isFinite(sent) ? Math.min(sent, now()) : now();
      const { phone, bsuid, parentBsuid } = message.customer;
      // Every identifier, so a reply addressed by phone number or by BSUID finds the same window.
      const ids = [phone, bsuid, parentBsuid].filter((id): id is string => id !== undefined);
      await Promise.all(ids.map((id) => store.record(keyOf(id), at)));
    },
    async check(message) {
      if (message.type === 'template') return;
      let last: number | undefined;
      try {
        last = await store.lastInbound(keyOf(customerKey(message.to)));
      } catch {
        // A store that cannot answer knows nothing: WhatsApp still refuses a message outside the window (131047).
        return;
      }
      if (last === undefined) return;
      const closedAt = last + CUSTOMER_SERVICE_WINDOW;
      if (now() < closedAt) return;
      throw new CustomerWindowClosedError(
        `the 24-hour customer service window with ${maskPhone(message.to)} closed at ${new Date(closedAt).toISOString()}: WhatsApp takes only a template message now; send an approved template (the window opens again when the customer writes)`,
        { provider, closedAt: new Date(closedAt) },
      );
    },
  };
}

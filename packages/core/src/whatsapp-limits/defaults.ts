// WhatsApp's own limits, as Meta documents them for the Cloud API
// (https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput
// and the pair rate section of the same guide). Every adapter whose vendor
// relays Cloud API traffic meets them, whatever the vendor's own API limits.

/** Messages per second a business phone number may send by default (Meta's default throughput). */
export const DEFAULT_MESSAGES_PER_SECOND = 80;

/** The highest throughput Meta grants a number (after its automatic upgrade). */
export const MAX_MESSAGES_PER_SECOND = 1_000;

/** Meta's pair rate: about one message every 6 seconds from one business number to the same user, in ms. */
export const DEFAULT_PAIR_RATE_INTERVAL = 6_000;

/**
 * Messages to one user that may go at once before the pair rate spacing
 * applies. Meta allows bursts of up to 45 that borrow from later slots: after
 * a burst of n, the next message to that user waits about n × 6 s.
 */
export const DEFAULT_PAIR_RATE_BURST = 45;

/** How long a send waits for a pair rate slot before it is refused with a `RateLimitError`, in ms: one interval. */
export const DEFAULT_PAIR_RATE_MAX_WAIT = DEFAULT_PAIR_RATE_INTERVAL;

/** The customer service window: 24 hours after the customer's last message, in ms. */
export const CUSTOMER_SERVICE_WINDOW = 24 * 60 * 60 * 1_000;

/**
 * How long a window store remembers a customer's last message, in ms: well
 * past the window, so that a closed window stays known to be closed (a
 * forgotten customer is "unknown", which is never refused). 30 days.
 */
export const DEFAULT_CUSTOMER_WINDOW_TTL = 30 * 24 * 60 * 60 * 1_000;

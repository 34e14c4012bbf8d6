import type { InboundMessage } from './inbound';
import type { StatusUpdate } from './status';

/** A customer message arrived. */
export interface MessageEvent {
  type: 'message';
  /** The adapter's name. */
  provider: string;
  message: InboundMessage;
  /** The vendor payload item this event came from, untouched. */
  raw: unknown;
}

/** A sent message changed state. */
export interface StatusEvent {
  type: 'status';
  provider: string;
  status: StatusUpdate;
  raw: unknown;
}

/**
 * Something with no cross-vendor meaning (a chat assignment, a session
 * routed, an agent's message from the vendor's inbox...). Adapters export a
 * typed union of their kinds and payloads.
 */
export interface ProviderEvent<Kind extends string = string, Payload = unknown> {
  type: 'provider_event';
  provider: string;
  kind: Kind;
  /** A stable id for de-duplication, when the vendor gives one. */
  id?: string | undefined;
  payload: Payload;
  raw: unknown;
}

/** Everything a webhook delivery can turn into, a union on `type`. */
export type WebhookEvent = MessageEvent | StatusEvent | ProviderEvent;

/** The `type` of a webhook event. */
export type WebhookEventType = WebhookEvent['type'];

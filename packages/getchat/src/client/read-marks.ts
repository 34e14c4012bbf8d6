import { createRecentMap, NotFoundError, type WebhookEvent } from '@wamux/core/adapter';
import type { GetchatContext } from './context';
import { markAsReceived, retrieveMessage } from './messages';
import type { GetchatMessage } from '../map/message';
import { GETCHAT } from '../options';

/**
 * Where a message sits: its chat (the customer's wa_id, or their E.164
 * number as webhook events carry it) and its time, which is what get.chat
 * marks by.
 */
interface MessageLocation {
  customer: string;
  at: Date;
}

/**
 * `markRead(messageId)` for get.chat, which marks a chat as received up to a
 * timestamp (`createReceivedMessageMark`) rather than one message by id. The
 * chat and timestamp of messages the provider has seen (webhooks, websocket
 * frames, history walks) are remembered, so marking one costs one request;
 * an unknown id is looked up with `retrieveMessage` first.
 */
export interface ReadMarker {
  /** Remembers where the messages of these events sit. */
  rememberEvents(events: readonly WebhookEvent[]): void;
  /** Remembers where a listed message sits. */
  rememberMessage(message: GetchatMessage): void;
  markRead(messageId: string, signal: AbortSignal | undefined): Promise<void>;
}

/** Creates a {@link ReadMarker} remembering the last `capacity` messages. */
export function createReadMarker(ctx: GetchatContext, capacity = 10_000): ReadMarker {
  // Two maps written in step rather than one of {customer, at} objects: a
  // write per webhook item then stores references and allocates nothing.
  const customers = createRecentMap<string, string>(capacity);
  const times = createRecentMap<string, Date>(capacity);
  const remember = (id: string | undefined, customer: string, at: Date) => {
    if (id === undefined) return;
    customers.set(id, customer);
    times.set(id, at);
  };
  const locate = (id: string): MessageLocation | undefined => {
    const customer = customers.get(id);
    const at = times.get(id);
    return customer === undefined || at === undefined ? undefined : { customer, at };
  };
  const rememberMessage = (message: GetchatMessage) => {
    if (message.customerWaId === undefined || message.timestamp === undefined) return;
    remember(message.whatsappMessageId, message.customerWaId, message.timestamp);
    remember(message.getchatId, message.customerWaId, message.timestamp);
  };

  return {
    rememberEvents(events) {
      for (const event of events) {
        // The wa_id and POSIX seconds are worked out when a message is marked.
        if (event.type === 'message') remember(event.message.id, event.message.from, event.message.timestamp);
      }
    },
    rememberMessage,
    async markRead(messageId, signal) {
      let location = locate(messageId);
      if (!location) {
        const message = await retrieveMessage(ctx, messageId, { signal });
        rememberMessage(message);
        location =
          message.customerWaId === undefined || message.timestamp === undefined ? undefined : { customer: message.customerWaId, at: message.timestamp };
        if (!location) throw new NotFoundError(`message ${messageId} has no chat or timestamp to mark as received`, { provider: GETCHAT });
      }
      const customerWaId = location.customer.startsWith('+') ? location.customer.slice(1) : location.customer;
      await markAsReceived(ctx, { customerWaId, timestamp: Math.floor(location.at.getTime() / 1000) }, { signal });
    },
  };
}

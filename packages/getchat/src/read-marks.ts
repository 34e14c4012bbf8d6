import { e164Digits, NotFoundError, type WebhookEvent } from '@wamux/core';
import type { GetchatMessagesOperations } from './messages/operations';
import type { GetchatMessage } from './messages/schema';
import { PROVIDER } from './options';

/** Where a message sits: its chat and its timestamp, which is what get.chat marks by. */
interface MessageLocation {
  customerWaId: string;
  timestamp: number;
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
export function createReadMarker(messages: GetchatMessagesOperations, capacity = 10_000): ReadMarker {
  const locations = new Map<string, MessageLocation>();
  const remember = (id: string | undefined, location: MessageLocation) => {
    if (id === undefined) return;
    locations.delete(id);
    locations.set(id, location);
    // Maps iterate in insertion order: the first key is the oldest.
    if (locations.size > capacity) locations.delete(locations.keys().next().value as string);
  };
  const locate = (message: GetchatMessage): MessageLocation | undefined =>
    message.customerWaId === undefined || message.timestamp === undefined
      ? undefined
      : { customerWaId: message.customerWaId, timestamp: Math.floor(message.timestamp.getTime() / 1000) };
  const rememberMessage = (message: GetchatMessage) => {
    const location = locate(message);
    if (!location) return;
    remember(message.whatsappMessageId, location);
    remember(message.getchatId, location);
  };

  return {
    rememberEvents(events) {
      for (const event of events) {
        if (event.type !== 'message') continue;
        const { id, from, timestamp } = event.message;
        remember(id, { customerWaId: e164Digits(from), timestamp: Math.floor(timestamp.getTime() / 1000) });
      }
    },
    rememberMessage,
    async markRead(messageId, signal) {
      let location = locations.get(messageId);
      if (!location) {
        const message = await messages.retrieve(messageId, { signal });
        rememberMessage(message);
        location = locate(message);
        if (!location) throw new NotFoundError(`message ${messageId} has no chat or timestamp to mark as received`, { provider: PROVIDER });
      }
      await messages.markAsReceived({ customerWaId: location.customerWaId, timestamp: location.timestamp }, { signal });
    },
  };
}

import { createRecentMap, type PhoneNumber } from '@wamux/core';

/**
 * Remembers who sent recent inbound messages. Desk360's read receipt wants
 * the customer's number besides the message id, and the normalized
 * `markRead(messageId)` has only the id. Bounded, oldest forgotten first.
 */
export interface SenderMemory {
  remember(messageId: string, from: PhoneNumber): void;
  senderOf(messageId: string): PhoneNumber | undefined;
}

/** A {@link SenderMemory} of (at least) the last `capacity` messages. */
export function createSenderMemory(capacity = 10_000): SenderMemory {
  const senders = createRecentMap<string, PhoneNumber>(capacity);
  return {
    remember: (messageId, from) => senders.set(messageId, from),
    senderOf: (messageId) => senders.get(messageId),
  };
}

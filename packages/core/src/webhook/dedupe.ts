import type { WebhookEvent } from '../model/events';

/**
 * Remembers recently seen keys. `add` returns false for a key already seen.
 * Bounded, so memory stays flat however many events pass; a shared store
 * (Redis SET with TTL) can implement it for several processes.
 */
export interface DedupeStore {
  add(key: string): boolean | Promise<boolean>;
}

/** An in-memory {@link DedupeStore} holding the last `capacity` keys (insertion order). */
export function createMemoryDedupeStore(capacity = 10_000): DedupeStore {
  const keys = new Set<string>();
  return {
    add(key) {
      if (keys.has(key)) return false;
      keys.add(key);
      if (keys.size > capacity) {
        // Sets iterate in insertion order: the first key is the oldest.
        const oldest = keys.values().next().value as string;
        keys.delete(oldest);
      }
      return true;
    },
  };
}

/**
 * The identity of an event for de-duplication: a message by its id, a status
 * by message id and state (a message is delivered once, read once), a
 * provider event by the id its adapter gave it (none: never deduplicated).
 */
export function dedupeKey(event: WebhookEvent): string | undefined {
  switch (event.type) {
    case 'message':
      return `${event.provider}:m:${event.message.id}`;
    case 'status':
      return `${event.provider}:s:${event.status.messageId}:${event.status.status}`;
    case 'provider_event':
      return event.id === undefined ? undefined : `${event.provider}:p:${event.kind}:${event.id}`;
  }
}

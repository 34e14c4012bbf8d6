import { trimOldest } from './trim-oldest';

/**
 * A bounded map of recent entries: what adapters remember about messages
 * they parsed (who sent one, where it sits) for a later call that has only
 * the message id, such as `markRead(id)`.
 */
export interface RecentMap<K, V> {
  /** The value last set for `key`, if it is among the most recent keys. */
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

/** Creates a {@link RecentMap} that remembers at least the last `capacity` keys set. */
export function createRecentMap<K, V>(capacity: number): RecentMap<K, V> {
  const entries = new Map<K, V>();
  return {
    get: (key) => entries.get(key),
    set(key, value) {
      // Re-inserted, so the map stays in the order of the last set.
      entries.delete(key);
      entries.set(key, value);
      trimOldest(entries, capacity);
    },
  };
}

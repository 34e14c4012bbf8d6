/**
 * A bounded map of recent entries: what adapters remember about messages
 * they parsed (who sent one, where it sits) for a later call that has only
 * the message id, such as `markRead(id)`.
 */
export interface RecentMap<K, V> {
  /** The newest value set for `key` among the last `capacity` sets. */
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

/**
 * Creates a {@link RecentMap} of the last `capacity` sets. Writes happen on
 * every webhook item and reads only when an app calls something like
 * `markRead`, so it is a ring buffer: a write stores two references (no
 * hashing, no allocation), and a read scans from the newest entry back
 * (10 000 comparisons take tens of microseconds, next to an HTTP call).
 */
export function createRecentMap<K, V>(capacity: number): RecentMap<K, V> {
  const keys = new Array<K | undefined>(capacity);
  const values = new Array<V | undefined>(capacity);
  let next = 0;
  let size = 0;
  return {
    get(key) {
      for (let n = 0, i = next - 1; n < size; n += 1, i -= 1) {
        if (i < 0) i = capacity - 1;
        if (keys[i] === key) return values[i];
      }
      return undefined;
    },
    set(key, value) {
      keys[next] = key;
      values[next] = value;
      next = next + 1 === capacity ? 0 : next + 1;
      if (size < capacity) size += 1;
    },
  };
}

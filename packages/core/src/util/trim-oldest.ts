/**
 * Forgets the oldest entries of an insertion-ordered `Set` or `Map` once it
 * holds a sixteenth more than `capacity`, down to `capacity`. One pass over
 * the oldest keys costs a fraction of a microsecond per entry; deleting one
 * entry per insert through a fresh iterator gets slower as deleted slots
 * pile up at the front, which made a full dedupe store the largest cost of
 * a webhook delivery.
 */
export function trimOldest(collection: Set<unknown> | Map<unknown, unknown>, capacity: number): void {
  if (collection.size <= capacity + Math.max(1, capacity >> 4)) return;
  let excess = collection.size - capacity;
  for (const key of collection.keys()) {
    if (excess <= 0) break;
    collection.delete(key);
    excess -= 1;
  }
}

/**
 * Drops the `undefined` fields of a record, so a mapped object carries only
 * what the vendor sent (and compares equal to what an app sent).
 */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

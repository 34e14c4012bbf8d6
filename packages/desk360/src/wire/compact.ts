/** A copy of `record` without its `undefined` values, so mapped objects hold only what was there. */
export function compact<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

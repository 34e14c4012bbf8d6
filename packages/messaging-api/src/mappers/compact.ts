/**
 * Drops the keys whose value is `undefined`, so mapped objects carry only
 * what the vendor said (and compare equal to objects built without them).
 */
export function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

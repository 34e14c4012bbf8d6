/**
 * A copy of `record` without its `undefined` fields: what adapters use to
 * build vendor payloads (strict in what they send: no `"x": undefined` keys)
 * and normalized objects. A plain loop, since it runs for every field group
 * of every webhook item.
 */
export function compact<T extends Record<string, unknown>>(record: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}

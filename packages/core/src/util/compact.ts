/**
 * `T` without `undefined` values: a field that may be `undefined` becomes
 * optional (and absent when it was `undefined`), the others stay required.
 */
export type Compacted<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * A copy of `record` without its `undefined` fields: what adapters use to
 * build vendor payloads (strict in what they send: no `"x": undefined` keys)
 * and normalized objects. A plain loop, since it runs for every field group
 * of every webhook item.
 */
export function compact<T extends Record<string, unknown>>(record: T): Compacted<T> {
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  return out as Compacted<T>;
}

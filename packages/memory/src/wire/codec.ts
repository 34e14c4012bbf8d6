/**
 * The memory vendor's wire format is the normalized model itself, as JSON:
 * the reference adapter shows the contract, not a vendor's quirks. Bytes
 * travel as base64 (`{ base64 }`), timestamps as ISO strings. This file is
 * that encoding, both ways.
 */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };

/** Encodes a value for the wire: `Uint8Array` → `{ base64 }`, `Date` → ISO string, `undefined` fields left out. */
export function toWire(value: unknown): WireValue {
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, WireValue> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toWire(item);
    return out;
  }
  return value as WireValue;
}

/** Decodes `{ base64 }` back into bytes (the inverse of {@link toWire}, dates aside: schemas revive those). */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && typeof record.base64 === 'string') return new Uint8Array(Buffer.from(record.base64, 'base64'));
    return Object.fromEntries(keys.map((key) => [key, fromWire(record[key])]));
  }
  return value;
}

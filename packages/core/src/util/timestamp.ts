/**
 * Reads a vendor timestamp into a `Date`: epoch seconds or milliseconds, as a
 * number or as decimal text (spaces around allowed), or an ISO 8601 text.
 * A number whose magnitude is at least `millisecondsFrom` is read as
 * milliseconds, a smaller one as seconds (10^11 ms is 1973 while 10^11 s is
 * the year 5138, so any threshold between them never mixes up real dates).
 * Returns `undefined` for anything else, never an invalid Date.
 */
export function dateFromTimestamp(value: unknown, millisecondsFrom = 1e11): Date | undefined {
  let epoch: number;
  if (typeof value === 'number') epoch = value;
  else if (typeof value === 'string') {
    epoch = decimalText(value);
    if (Number.isNaN(epoch)) {
      const parsed = Date.parse(value);
      return Number.isNaN(parsed) ? undefined : new Date(parsed);
    }
  } else return undefined;
  if (!Number.isFinite(epoch)) return undefined;
  const date = new Date(Math.abs(epoch) >= millisecondsFrom ? epoch : epoch * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const SPACE = /\s/;

/** `\s`, with the ASCII cases answered without a regular expression. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return code >= 160 && SPACE.test(String.fromCharCode(code));
}

/**
 * The number `text` spells as digits with an optional fraction (`"1795286711"`,
 * `" 12.5 "`), or NaN. A character loop: it runs for every webhook item, and
 * `Number()` alone would also take `"0x1f"`, `"1e3"` and `""`.
 */
function decimalText(text: string): number {
  // The common case first: bare digits (`"1795286711"`), summed as they are
  // checked (exact up to 15 digits, past which Number() reads the text).
  let value = 0;
  let bare = text.length > 0;
  for (let i = 0; i < text.length && bare; i += 1) {
    const code = text.charCodeAt(i);
    bare = code >= 48 && code <= 57;
    value = value * 10 + (code - 48);
  }
  if (bare) return text.length <= 15 ? value : Number(text);
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start += 1;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
  let digits = 0;
  let dot = -1;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += 1;
    else if (code === 46 && dot === -1 && digits > 0) dot = i;
    else return Number.NaN;
  }
  // Digits before the dot, and at least one after it when there is one.
  if (digits === 0 || dot === end - 1) return Number.NaN;
  return Number(start === 0 && end === text.length ? text : text.slice(start, end));
}

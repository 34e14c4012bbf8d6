import * as v from 'valibot';

/** An E.164 phone number: `+`, a country code that does not start with 0, 7 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** Whether `text` from index `start` is 7 to 15 digits, the first not 0: a loop, as it runs for every webhook item. */
function isCountryCodeAndNumber(text: string, start: number): boolean {
  const length = text.length - start;
  if (length < 7 || length > 15) return false;
  const first = text.charCodeAt(start);
  if (first < 49 || first > 57) return false;
  for (let i = start + 1; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Schema for an E.164 phone number as the model carries it (`+905551112233`). */
export const PhoneNumberSchema = v.pipe(
  v.string('must be a string'),
  v.regex(E164_PATTERN, 'must be an E.164 phone number with a leading + (e.g. +905551112233)'),
);

/** An E.164 phone number with its leading `+`. */
export type PhoneNumber = v.InferOutput<typeof PhoneNumberSchema>;

/**
 * Turns a vendor's phone number (`905551112233`, `+90 555 111 22 33`,
 * `0090...`, or a number) into E.164, or returns `undefined` when it cannot
 * be one. Liberal on purpose: vendors send numbers, spaces and dashes.
 */
export function toE164(value: unknown): PhoneNumber | undefined {
  // Fast path for what vendors send most: bare digits or E.164 already.
  if (typeof value === 'string') {
    if (value.charCodeAt(0) === 43 /* + */) {
      if (isCountryCodeAndNumber(value, 1)) return value;
    } else if (isCountryCodeAndNumber(value, 0)) return `+${value}`;
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') return undefined;
  let text = String(value)
    .trim()
    .replace(/[\s().-]/g, '');
  if (text.startsWith('00')) text = `+${text.slice(2)}`;
  if (!text.startsWith('+')) text = `+${text}`;
  return E164_PATTERN.test(text) ? text : undefined;
}

/** The digits of an E.164 number without the `+`, the form most vendor APIs want. */
export function e164Digits(phone: PhoneNumber): string {
  return phone.startsWith('+') ? phone.slice(1) : phone;
}

// A phone number typed by a person (a CLI flag, a CSV cell, a form) becomes
// E.164 only when its country is certain. Unlike `toE164` (liberal, for
// what vendors send), a guess here sends a real message to another country:
// `5551112233` is not "+55 51112233 in Brazil" just because the digits allow it.
//
// The metadata is libphonenumber-js's `mobile` set: the smallest one that
// tells a valid mobile number from a possible one (`min` only checks
// lengths and leading digits), which is what decides whether bare digits
// are an international number as WhatsApp writes them. It adds about 138 KB
// minified (35 KB gzipped) to a bundle that calls this function; `min`
// would add 123 KB (30 KB gzipped).
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber as ParsedNumber,
} from 'libphonenumber-js/mobile';
import { ConfigurationError, ValidationError } from '../errors/classes';
import type { PhoneNumber } from './phone';

/** Options of {@link parsePhoneInput}. */
export interface PhoneInputOptions {
  /**
   * ISO 3166-1 alpha-2 code (`US`, `TR`, `DE`) of the country a national
   * number (`(555) 111-2233`, `0555 111 22 33`) belongs to. Without it a
   * national number is refused.
   */
  defaultCountry?: string | undefined;
  /** The field named in errors. Default `to`. */
  field?: string | undefined;
  /** Where the user sets a default country, for the error's advice. Default `the defaultCountry option`. */
  defaultCountryHint?: string | undefined;
}

/** What a phone number may contain besides digits: a leading `+`, spaces and the usual punctuation. */
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]+$/;

/**
 * Turns a phone number a person typed into E.164, accepting it only when
 * its country is certain:
 *
 * - with `+` or `00` (`+90 555 111 22 33`, `0090...`): its length must be possible for that country;
 * - bare digits (no spaces or punctuation) that form a valid international
 *   mobile number, as WhatsApp writes them (`905551112233`);
 * - a national number (`(555) 111-2233`, `0555 111 22 33`) when
 *   `defaultCountry` is given: its length must be possible for that country.
 *
 * When bare digits are both a valid international number and a valid
 * national number of `defaultCountry`, and the two differ, the number is
 * refused as ambiguous. Throws a {@link ValidationError} naming `field` and
 * saying how to fix the number, or a {@link ConfigurationError} naming
 * `defaultCountry` when that is not a known country code. The number as
 * typed is not repeated in the error (it is personal data that logs keep);
 * only an ambiguous one shows its two readings, so the user can pick.
 */
export function parsePhoneInput(input: string, options: PhoneInputOptions = {}): PhoneNumber {
  const field = options.field ?? 'to';
  const fail = (message: string): never => {
    throw new ValidationError([{ path: field, message }]);
  };
  const country = defaultCountryOf(options.defaultCountry);
  const text = input.trim();
  if (text === '') return fail('is empty: give a phone number with its country code, e.g. +905551112233');
  if (!PHONE_CHARACTERS.test(text)) return fail('is not a phone number: use digits with a leading + and the country code, e.g. +905551112233');
  const digits = text.replace(/\D/g, '');

  if (text.startsWith('+') || digits.startsWith('00')) {
    return international(`+${text.startsWith('+') ? digits : digits.slice(2)}`, fail);
  }

  // Only bare digits may be an international number without `+`: that is how
  // WhatsApp writes them; spaces or brackets are how people write national ones.
  const asInternational = /^\d+$/.test(text) ? parsePhoneNumberFromString(`+${digits}`) : undefined;
  const validInternational = asInternational?.isValid() === true ? asInternational : undefined;
  if (country === undefined) {
    if (validInternational) return validInternational.number as PhoneNumber;
    const advice = `set a default country (${options.defaultCountryHint ?? 'the defaultCountry option'})`;
    return fail(
      `has no country code and is not a valid international number: write it with + and the country code (e.g. +14155550123 for a US number), or ${advice}`,
    );
  }

  const asNational = parsePhoneNumberFromString(text, country);
  const possibleNational = asNational?.isPossible() ? asNational : undefined;
  if (validInternational && possibleNational?.isValid() && validInternational.number !== possibleNational.number) {
    return fail(
      `is ambiguous: a national number of ${country} (${possibleNational.number}) or an international one (${validInternational.number}); write it with + and the country code`,
    );
  }
  if (validInternational) return validInternational.number as PhoneNumber;
  if (possibleNational) return possibleNational.number as PhoneNumber;
  return fail(`is not a possible phone number in ${country} (${lengthProblem(text, country)}): check the digits, or write it with + and the country code`);
}

/** A number given with `+` or `00`: the country is certain, the length must fit it. */
function international(e164: string, fail: (message: string) => never): PhoneNumber {
  const parsed: ParsedNumber | undefined = parsePhoneNumberFromString(e164);
  if (parsed === undefined) return fail(`is not a phone number: ${lengthProblem(e164)}; check the country code and the digits`);
  if (!parsed.isPossible())
    return fail(`is not a possible phone number for country code +${parsed.countryCallingCode} (${lengthProblem(e164)}): check the digits`);
  return parsed.number as PhoneNumber;
}

/** Why a number's length is wrong, in words. */
function lengthProblem(text: string, country?: CountryCode): string {
  const problem = validatePhoneNumberLength(text, country);
  switch (problem) {
    case 'TOO_SHORT':
      return 'too short';
    case 'TOO_LONG':
      return 'too long';
    case 'INVALID_COUNTRY':
      return 'unknown country code';
    case 'NOT_A_NUMBER':
      return 'not a number';
    default:
      return 'wrong length';
  }
}

/** Checks the default country: an ISO 3166-1 alpha-2 code known to the metadata, any case. */
function defaultCountryOf(value: string | undefined): CountryCode | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const code = value.trim().toUpperCase();
  if (!isSupportedCountry(code)) throw new ConfigurationError('defaultCountry', 'must be a two-letter ISO 3166-1 country code, e.g. US, TR or DE');
  return code;
}

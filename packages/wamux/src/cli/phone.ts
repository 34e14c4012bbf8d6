import { isBsuid, parsePhoneInput, type CustomerAddress } from '@wamux/core/adapter';

/** The environment variable that sets the country of national numbers (`--country` and the config's `defaultCountry` win over it). */
export const DEFAULT_COUNTRY_VARIABLE = 'WAMUX_DEFAULT_COUNTRY';

/** Where a CLI user sets the default country, for error messages. */
const COUNTRY_HINT = `--country <code>, ${DEFAULT_COUNTRY_VARIABLE} or "defaultCountry" in the config file`;

/**
 * A recipient as the CLI takes it (`--to`, a CSV phone cell): a WhatsApp
 * business-scoped user ID passes as it is; a phone number becomes E.164 only
 * when its country is certain (see `parsePhoneInput`: `+` or `00`, digits as
 * WhatsApp writes them, or a national number with a default country).
 * Throws a `ValidationError` naming `field` and saying how to fix it.
 */
export function recipientFromInput(value: string, options: { defaultCountry?: string | undefined; field: string }): CustomerAddress {
  const trimmed = value.trim();
  if (isBsuid(trimmed)) return trimmed;
  // A bad default country is a ConfigurationError naming `defaultCountry`; the CLI's error line says where it is set.
  return parsePhoneInput(trimmed, { defaultCountry: options.defaultCountry, field: options.field, defaultCountryHint: COUNTRY_HINT });
}

import { ConfigurationError, ValidationError } from '../src/errors/classes';
import { parsePhoneInput } from '../src/model/phone-input';

// A number a person typed is sent only when its country is certain: the
// issue "first hour" #2, where `5551112233` went to Brazil (+55).

describe('parsePhoneInput', () => {
  it.each<[string, string]>([
    ['+905551112233', '+905551112233'],
    ['+90 (555) 111-22-33', '+905551112233'],
    ['0090 555 111 22 33', '+905551112233'],
    ['905551112233', '+905551112233'], // as WhatsApp writes it (wa_id)
    ['4915112345678', '+4915112345678'],
    ['+15551112233', '+15551112233'], // + makes the country certain: a possible length is enough
  ])('accepts %p as %p', (input, expected) => {
    expect(parsePhoneInput(input)).toBe(expected);
  });

  it.each<[string]>([['5551112233'], ['(555) 111-2233'], ['5551234567'], ['0555 111 22 33'], ['90 555 111 22 33']])(
    'refuses the national number %p without a default country',
    (input) => {
      const error = catchError(() => parsePhoneInput(input, { defaultCountryHint: '--country <code>' }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('to');
      expect((error as ValidationError).message).toMatch(/^to: has no country code .*\+14155550123.*--country <code>/);
    },
  );

  it('reads a national number in the default country', () => {
    expect(parsePhoneInput('(555) 111-2233', { defaultCountry: 'US' })).toBe('+15551112233');
    expect(parsePhoneInput('0555 111 22 33', { defaultCountry: 'tr' })).toBe('+905551112233');
    expect(parsePhoneInput('+4915112345678', { defaultCountry: 'US' })).toBe('+4915112345678');
  });

  it('refuses digits that are a valid number both in the default country and internationally', () => {
    // 6582016861: a US number, or +65 8201 6861 in Singapore.
    expect(() => parsePhoneInput('6582016861', { defaultCountry: 'US' })).toThrow(
      /^to: is ambiguous: a national number of US \(\+16582016861\) or an international one \(\+6582016861\)/,
    );
    expect(parsePhoneInput('+1 658 201 6861', { defaultCountry: 'US' })).toBe('+16582016861');
    expect(parsePhoneInput('(658) 201-6861', { defaultCountry: 'US' })).toBe('+16582016861');
  });

  it.each<[string, RegExp]>([
    ['abc', /^to: is not a phone number/],
    ['', /^to: is empty/],
    ['+90 555', /^to: is not a possible phone number for country code \+90 \(too short\)/],
    ['tel:+905551112233', /^to: is not a phone number/],
  ])('refuses %p, naming the field', (input, message) => {
    expect(() => parsePhoneInput(input)).toThrow(message);
  });

  it('names the field it is given and does not repeat the number', () => {
    const error = catchError(() => parsePhoneInput('5551112233', { field: 'phone (row 3)' })) as ValidationError;
    expect(error.field).toBe('phone (row 3)');
    expect(error.message).not.toContain('5551112233');
  });

  it('refuses an unknown default country as a configuration error', () => {
    const error = catchError(() => parsePhoneInput('+905551112233', { defaultCountry: 'XX' }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('defaultCountry');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

import * as v from 'valibot';
import { E164_PATTERN, e164Digits, PhoneNumberSchema, toE164 } from '@wamux/core/adapter';

describe('toE164', () => {
  it.each<[unknown, string]>([
    ['905551112233', '+905551112233'],
    ['+905551112233', '+905551112233'],
    ['+90 555 111 22 33', '+905551112233'],
    ['  +90 (555) 111-22-33  ', '+905551112233'],
    ['90.555.111.22.33', '+905551112233'],
    ['00905551112233', '+905551112233'],
    ['0049 30 1234567', '+49301234567'],
    [905551112233, '+905551112233'],
    [BigInt('14155550123'), '+14155550123'],
    ['1234567', '+1234567'], // 7 digits: the shortest allowed
    ['123456789012345', '+123456789012345'], // 15 digits: the longest allowed
  ])('%p becomes %p', (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each<[unknown]>([
    [''],
    ['   '],
    ['+'],
    ['123456'], // too short
    ['1234567890123456'], // 16 digits: too long
    ['0555 111 22 33'], // national format, a trunk 0 is not a country code
    ['+0905551112233'],
    ['+90 555 ABC 22 33'],
    ['90+5551112233'],
    ['++905551112233'],
    [Number.NaN],
    [1e21],
    [null],
    [undefined],
    [{ phone: '905551112233' }],
    [['905551112233']],
  ])('rejects %p', (input) => {
    expect(toE164(input)).toBeUndefined();
  });

  it('always returns something the model accepts', () => {
    for (const input of ['905551112233', '0049 30 1234567', 14155550123]) {
      const phone = toE164(input) as string;
      expect(E164_PATTERN.test(phone)).toBe(true);
      expect(v.is(PhoneNumberSchema, phone)).toBe(true);
    }
  });
});

describe('e164Digits', () => {
  it('drops the leading +', () => {
    expect(e164Digits('+905551112233')).toBe('905551112233');
  });

  it('leaves digits without + alone', () => {
    expect(e164Digits('905551112233')).toBe('905551112233');
  });

  it('round-trips with toE164', () => {
    expect(toE164(e164Digits('+14155550123'))).toBe('+14155550123');
  });
});

describe('PhoneNumberSchema', () => {
  it('accepts only E.164 with a +', () => {
    expect(v.is(PhoneNumberSchema, '+905551112233')).toBe(true);
    expect(v.is(PhoneNumberSchema, '905551112233')).toBe(false);
    expect(v.is(PhoneNumberSchema, '+90 555 111 22 33')).toBe(false);
    expect(v.is(PhoneNumberSchema, 905551112233)).toBe(false);
  });
});

describe('toE164 fast path', () => {
  it('agrees with E164_PATTERN on digit strings of every length, with and without +, leading 0 or not', () => {
    for (let length = 0; length <= 17; length += 1) {
      for (const first of ['0', '1', '9']) {
        const digits = length === 0 ? '' : first + '5'.repeat(length - 1);
        const expected = E164_PATTERN.test(`+${digits}`) ? `+${digits}` : undefined;
        expect({ digits, bare: toE164(digits) }).toEqual({ digits, bare: expected });
        expect({ digits, plus: toE164(`+${digits}`) }).toEqual({ digits, plus: expected });
      }
    }
  });
});

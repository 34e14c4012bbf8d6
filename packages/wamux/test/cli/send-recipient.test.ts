import { messageFromFlags, recipient } from '../../src/cli/send/message-from-flags';

// `--to` takes a phone number in any common form, or a WhatsApp
// business-scoped user ID (BSUID) for a customer who hides their number.

describe('wamux send --to', () => {
  it('normalizes phone numbers to E.164', () => {
    expect(recipient('905551112233')).toBe('+905551112233');
    expect(recipient('+90 555 111 22 33')).toBe('+905551112233');
  });

  it('passes a BSUID or parent BSUID as it is (never read as a number)', async () => {
    expect(recipient(' US.13491208655302741918 ')).toBe('US.13491208655302741918');
    expect(recipient('US.ENT.11815799212886844830')).toBe('US.ENT.11815799212886844830');
    expect(await messageFromFlags({ to: 'BR.1502576394655843', text: 'Olá' })).toEqual({ type: 'text', to: 'BR.1502576394655843', text: 'Olá' });
  });
});

describe('wamux send --to: the country must be certain', () => {
  it('refuses a national number without a default country, naming --to and how to fix it', () => {
    expect(() => recipient('5551112233')).toThrow(
      /^--to: has no country code .* \(--country <code>, WAMUX_DEFAULT_COUNTRY or "defaultCountry" in the config file\)$/,
    );
  });

  it('reads a national number in the default country', () => {
    expect(recipient('(555) 111-2233', 'US')).toBe('+15551112233');
  });
});

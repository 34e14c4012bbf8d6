import { contactCardToWhatsApp, ContactCardSchema, type ContactCard } from '@wamux/core/adapter';
import * as v from 'valibot';

describe('contactCardToWhatsApp', () => {
  it('renames every field WhatsApp spells differently and keeps the rest', () => {
    const card: ContactCard = v.parse(ContactCardSchema, {
      name: { formatted: 'Dr. Ada King Lovelace', first: 'Ada', last: 'Lovelace', middle: 'King', prefix: 'Dr.', suffix: 'PhD' },
      phones: [{ phone: '+441234567890', type: 'WORK', waId: '441234567890' }],
      emails: [{ email: 'ada@example.com', type: 'WORK' }],
      addresses: [{ street: '1 St James Sq', city: 'London', zip: 'SW1Y', country: 'United Kingdom', countryCode: 'GB', type: 'HOME' }],
      org: { company: 'Analytical Engines', title: 'Programmer' },
      urls: [{ url: 'https://example.com', type: 'WORK' }],
      birthday: '1815-12-10',
    });
    expect(contactCardToWhatsApp(card)).toEqual({
      name: { formatted_name: 'Dr. Ada King Lovelace', first_name: 'Ada', last_name: 'Lovelace', middle_name: 'King', prefix: 'Dr.', suffix: 'PhD' },
      phones: [{ phone: '+441234567890', type: 'WORK', wa_id: '441234567890' }],
      emails: [{ email: 'ada@example.com', type: 'WORK' }],
      addresses: [{ street: '1 St James Sq', city: 'London', zip: 'SW1Y', country: 'United Kingdom', country_code: 'GB', type: 'HOME' }],
      org: { company: 'Analytical Engines', title: 'Programmer' },
      urls: [{ url: 'https://example.com', type: 'WORK' }],
      birthday: '1815-12-10',
    });
  });

  it('sends no undefined fields', () => {
    const wire = contactCardToWhatsApp({ name: { formatted: 'Ada', first: undefined }, phones: [{ phone: '+441234567890', type: undefined }] });
    expect(wire).toStrictEqual({ name: { formatted_name: 'Ada' }, phones: [{ phone: '+441234567890' }] });
  });
});

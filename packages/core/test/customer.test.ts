import {
  BSUID_PATTERN,
  customerAddress,
  customerFrom,
  customerKey,
  CustomerSchema,
  inboundSender,
  InboundMessageSchema,
  isBsuid,
  isParentBsuid,
  OutboundMessageSchema,
  parseInput,
  StatusUpdateSchema,
  toE164,
  ValidationError,
} from '@wamux/core/adapter';
import fc from 'fast-check';
import * as v from 'valibot';

// The identifiers of Meta's "Business-scoped user IDs" page (WhatsApp
// Business Platform docs): the BSUID and parent BSUID of its examples, and
// 360dialog's "Usernames & BSUID" example BSUID.
const BSUID = 'US.13491208655302741918';
const PARENT = 'US.ENT.11815799212886844830';
const BSUID_360DIALOG = 'BR.1502576394655843';
const PHONE = '+16505551234';

const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const country = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')))
  .map(([a, b]) => a + b);
const tail = fc.array(alnum, { minLength: 1, maxLength: 128 }).map((chars) => chars.join(''));
const bsuids = fc.tuple(country, fc.boolean(), tail).map(([cc, parent, rest]) => `${cc}.${parent ? 'ENT.' : ''}${rest}`);
const phones = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 14 }))
  .map(([first, rest]) => `+${first}${rest.join('')}`);

describe('BSUIDs', () => {
  it.each([BSUID, PARENT, BSUID_360DIALOG, `US.${'x'.repeat(128)}`, 'US.1'])('accepts %s', (value) => {
    expect(isBsuid(value)).toBe(true);
    expect(v.is(CustomerSchema, { bsuid: value })).toBe(true);
  });

  it.each([
    ['a 129-character tail', `US.${'x'.repeat(129)}`],
    ['a lowercase country code', 'us.13491208655302741918'],
    ['a one-letter country code', 'U.1349'],
    ['no dot', 'US13491208655302741918'],
    ['nothing after the dot', 'US.'],
    ['a phone number', PHONE],
    ['digits only', '16505551234'],
    ['a second dot that is not ENT', 'US.ABC.123'],
    ["the pre-launch 'user.<hex>' form of an older revision of Meta's page", 'user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6'],
    ['surrounding spaces', ` ${BSUID}`],
    ['an empty string', ''],
  ])('refuses %s', (_what, value) => {
    expect(isBsuid(value)).toBe(false);
  });

  it('tells the parent form by its ENT', () => {
    expect(isParentBsuid(PARENT)).toBe(true);
    expect(isParentBsuid(BSUID)).toBe(false);
    // A regular BSUID whose alphanumerics start with ENT and no dot is not a parent one.
    expect(isParentBsuid('US.ENTERPRISE1')).toBe(false);
  });

  it('accepts every well-formed BSUID, and no BSUID is ever read as a phone number', () => {
    fc.assert(
      fc.property(bsuids, (value) => {
        expect(BSUID_PATTERN.test(value)).toBe(true);
        expect(toE164(value)).toBeUndefined();
        expect(isParentBsuid(value)).toBe(value.slice(2, 7) === '.ENT.');
      }),
    );
  });

  it('no E.164 number is ever a BSUID', () => {
    fc.assert(fc.property(phones, (value) => expect(isBsuid(value)).toBe(false)));
  });
});

describe('CustomerSchema', () => {
  it('needs at least one identifier; a username or a name alone is not one', () => {
    const result = v.safeParse(CustomerSchema, { username: 'realsheenanelson', name: 'Sheena Nelson' });
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe('needs at least one identifier: phone, bsuid or parentBsuid');
  });

  it('names the field at fault', () => {
    expect(() => parseInput(CustomerSchema, { bsuid: '12345' }, { root: 'customer' })).toThrow(ValidationError);
    try {
      parseInput(CustomerSchema, { bsuid: '12345' }, { root: 'customer' });
    } catch (error) {
      expect((error as ValidationError).field).toBe('customer.bsuid');
    }
  });

  it('the identifiers before a change need one identifier too', () => {
    expect(v.is(CustomerSchema, { bsuid: BSUID, previous: { bsuid: 'US.1' } })).toBe(true);
    expect(v.is(CustomerSchema, { bsuid: BSUID, previous: {} })).toBe(false);
  });
});

describe('customerAddress and customerKey', () => {
  it('replies to the phone number when known, else the BSUID, else the parent BSUID', () => {
    expect(customerAddress({ phone: PHONE, bsuid: BSUID, parentBsuid: PARENT })).toBe(PHONE);
    expect(customerAddress({ bsuid: BSUID, parentBsuid: PARENT })).toBe(BSUID);
    expect(customerAddress({ parentBsuid: PARENT })).toBe(PARENT);
  });

  it('keys on the BSUID first, so the key survives the phone number disappearing from later webhooks', () => {
    const withPhone = { phone: PHONE, bsuid: BSUID, username: 'pablomorales' };
    const withoutPhone = { bsuid: BSUID, username: 'pablomorales' };
    expect(customerKey(withPhone)).toBe(BSUID);
    expect(customerKey(withoutPhone)).toBe(customerKey(withPhone));
    expect(customerKey({ parentBsuid: PARENT, phone: PHONE })).toBe(PARENT);
  });

  it('keeps the phone number as the key of a customer known only by one (vendors without BSUIDs)', () => {
    expect(customerKey({ phone: PHONE, name: 'Ada' })).toBe(PHONE);
  });

  it('ignores the username and the identifiers before a change', () => {
    expect(customerKey({ bsuid: BSUID, username: 'a', previous: { bsuid: 'US.1' } })).toBe(customerKey({ bsuid: BSUID, username: 'b' }));
  });

  it('an address is its own key', () => {
    expect(customerKey(PHONE)).toBe(PHONE);
    expect(customerKey(BSUID)).toBe(BSUID);
  });

  it('keys of different identifiers never collide', () => {
    fc.assert(fc.property(bsuids, phones, (bsuid, phone) => expect(customerKey({ bsuid })).not.toBe(customerKey({ phone }))));
  });
});

describe('customerFrom (liberal, for adapters)', () => {
  it('normalizes a vendor phone number and keeps the rest', () => {
    expect(customerFrom({ phone: '16505551234', bsuid: BSUID, parentBsuid: PARENT, username: '@pablomorales', name: 'Pablo M.' })).toEqual({
      phone: PHONE,
      bsuid: BSUID,
      parentBsuid: PARENT,
      username: '@pablomorales',
      name: 'Pablo M.',
    });
  });

  it('reads a BSUID given where the phone number goes as the BSUID', () => {
    expect(customerFrom({ phone: BSUID })).toEqual({ bsuid: BSUID });
    expect(customerFrom({ phone: PARENT })).toEqual({ parentBsuid: PARENT });
    expect(customerFrom({ phone: 'US.1', bsuid: BSUID })).toEqual({ bsuid: BSUID });
  });

  it('reads the parent form given as the BSUID as the parent BSUID', () => {
    expect(customerFrom({ bsuid: PARENT })).toEqual({ parentBsuid: PARENT });
  });

  it('leaves out empty strings (an older revision sent `"wa_id": ""`) and values of no known form', () => {
    expect(customerFrom({ phone: '', bsuid: BSUID, username: '', name: '' })).toEqual({ bsuid: BSUID });
    expect(customerFrom({ phone: 'not a number', bsuid: 'nope' })).toBeUndefined();
    expect(customerFrom({ username: 'someone' })).toBeUndefined();
  });

  it('keeps the identifiers before a change only when they differ', () => {
    expect(customerFrom({ bsuid: BSUID, previous: { bsuid: 'US.1' } })).toEqual({ bsuid: BSUID, previous: { bsuid: 'US.1' } });
    expect(customerFrom({ bsuid: BSUID, previous: { bsuid: BSUID } })).toEqual({ bsuid: BSUID });
    expect(customerFrom({ bsuid: BSUID, previous: { phone: '' } })).toEqual({ bsuid: BSUID });
  });

  it('always returns a valid customer or undefined, whatever it is given', () => {
    const anything = fc.oneof(fc.string(), bsuids, phones, fc.integer(), fc.constant(undefined), fc.constant(null));
    fc.assert(
      fc.property(anything, anything, anything, anything, (phone, bsuid, parentBsuid, username) => {
        const customer = customerFrom({ phone, bsuid, parentBsuid, username });
        if (customer !== undefined) expect(v.safeParse(CustomerSchema, customer).issues).toBeUndefined();
      }),
    );
  });
});

describe('inbound messages and statuses', () => {
  const base = { id: 'wamid.1', timestamp: new Date(0), content: { type: 'text', text: 'hi' } };

  it('a message from a username user has the BSUID as from', () => {
    const customer = { bsuid: BSUID, parentBsuid: PARENT, username: 'realsheenanelson', name: 'Sheena Nelson' };
    const message = { ...base, ...inboundSender(customer) };
    expect(message).toMatchObject({ from: BSUID, profileName: 'Sheena Nelson', customer });
    expect(v.safeParse(InboundMessageSchema, message).issues).toBeUndefined();
  });

  it('refuses a from that is not the customer address, naming from', () => {
    const result = v.safeParse(InboundMessageSchema, { ...base, from: BSUID, customer: { phone: PHONE, bsuid: BSUID } });
    expect(result.success).toBe(false);
    expect(v.getDotPath(result.issues?.[0] as v.BaseIssue<unknown>)).toBe('from');
  });

  it('refuses a profileName that is not customer.name, naming profileName', () => {
    const result = v.safeParse(InboundMessageSchema, { ...base, from: PHONE, profileName: 'A', customer: { phone: PHONE, name: 'B' } });
    expect(v.getDotPath(result.issues?.[0] as v.BaseIssue<unknown>)).toBe('profileName');
  });

  it('refuses a message with no customer', () => {
    expect(v.is(InboundMessageSchema, { ...base, from: PHONE })).toBe(false);
  });

  it("a status's recipient, when it has a customer, is the customer's address", () => {
    expect(v.is(StatusUpdateSchema, { messageId: 'm', status: 'read', recipient: BSUID, customer: { bsuid: BSUID } })).toBe(true);
    expect(v.is(StatusUpdateSchema, { messageId: 'm', status: 'read', recipient: PHONE, customer: { bsuid: BSUID } })).toBe(false);
    expect(v.is(StatusUpdateSchema, { messageId: 'm', status: 'read', recipient: '48123123123' })).toBe(true);
  });
});

describe('outbound to', () => {
  it('takes an E.164 number or a BSUID', () => {
    expect(v.is(OutboundMessageSchema, { type: 'text', to: PHONE, text: 'x' })).toBe(true);
    expect(v.is(OutboundMessageSchema, { type: 'text', to: BSUID, text: 'x' })).toBe(true);
    expect(v.is(OutboundMessageSchema, { type: 'reaction', to: PARENT, messageId: 'm', emoji: '' })).toBe(true);
  });

  it('refuses anything else, naming message.to and both accepted forms', () => {
    for (const to of ['905551112233', 'us.123', 'realsheenanelson', '']) {
      let error: unknown;
      try {
        parseInput(OutboundMessageSchema, { type: 'text', to, text: 'x' }, { root: 'message' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('message.to');
      expect((error as ValidationError).message).toMatch(/E\.164.*business-scoped user ID/);
    }
  });
});

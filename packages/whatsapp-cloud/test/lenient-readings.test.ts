import type { WebhookEvent } from '@wamux/core';
import { inboundFromCloud, LenientBoolean, messageTypeOf, parseCloudWebhook, statusFromCloud, StatusItemSchema, valueContacts } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';

// What vendors that forward Meta's payloads (get.chat, 360dialog) send
// beside Meta's examples: each is read, or loses only the field at fault.

const parse = (value: Record<string, unknown>) =>
  parseCloudWebhook({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value }] }] }, { provider: 'cloud-api' });

const only = <T extends WebhookEvent['type']>(events: WebhookEvent[], type: T) => {
  expect(events.map((event) => event.type)).toEqual([type]);
  return events[0] as Extract<WebhookEvent, { type: T }>;
};

const text = (fields: Record<string, unknown> = {}) => ({
  from: '16505551234',
  id: 'wamid.1',
  timestamp: '1739321024',
  type: 'text',
  text: { body: 'hi' },
  ...fields,
});
const NO_CONTACTS = valueContacts([]);

describe('LenientBoolean', () => {
  it.each([
    [true, true],
    ['true', true],
    ['True', true],
    ['1', true],
    [1, true],
    [false, false],
    ['false', false],
    ['False', false],
    ['0', false],
    [0, false],
  ])('reads %p as %p', (input, expected) => expect(v.parse(LenientBoolean, input)).toBe(expected));

  it('refuses other values', () => {
    for (const input of ['yes', 2, null]) expect(v.safeParse(LenientBoolean, input).success).toBe(false);
  });
});

describe('a message', () => {
  it('reads the quoted message from context.message_id when context.id is missing', () => {
    const event = only(parse({ messages: [text({ context: { message_id: 'wamid.quoted', forwarded: 'True', frequently_forwarded: 0 } })] }), 'message');
    expect(event.message.context).toEqual({ messageId: 'wamid.quoted', forwarded: true });
  });

  it('keeps the message when type, errors or context.referred_product are malformed', () => {
    const event = only(parse({ messages: [text({ type: 5, errors: 'not a list', context: { id: 'wamid.q', referred_product: 'x' } })] }), 'message');
    expect(event.message).toMatchObject({ content: { type: 'text', text: 'hi' }, context: { messageId: 'wamid.q' } });
  });

  it('names a payload with only a template by its content key', () => {
    expect(messageTypeOf({ to: '16505551234', template: { name: 'welcome' } })).toBe('template');
  });

  it('reads a system message whose identity fields are malformed, keeping its body', () => {
    const event = only(
      parse({ messages: [text({ type: 'system', text: undefined, system: { body: 'Number changed', wa_id: { bad: true }, type: 7 } })] }),
      'message',
    );
    expect(event.message.content).toEqual({ type: 'unsupported', originalType: 'system', text: 'Number changed' });
  });
});

describe("the vendor's fallback sender", () => {
  const noSender = { id: 'wamid.2', timestamp: '1739321024', type: 'text', text: { body: 'hi' } };

  it('names the sender a payload leaves out, with the name', () => {
    const result = inboundFromCloud(noSender, { contacts: NO_CONTACTS, fallback: { phone: '16505551234', name: 'Sheena' } });
    expect(result).toMatchObject({ ok: true, message: { from: '+16505551234', customer: { phone: '+16505551234', name: 'Sheena' } } });
  });

  it("comes after a contact-request card's number, whose blank wa_id falls back to its phone", () => {
    const payload = {
      ...noSender,
      type: 'contacts',
      text: undefined,
      origin: 'contact_request',
      from_user_id: 'US.13491208655302741918',
      contacts: [{ name: { formatted_name: 'Ada' }, phones: [{ phone: '+48 123 123 123', wa_id: ' ' }] }],
    };
    const result = inboundFromCloud(payload, { contacts: NO_CONTACTS, fallback: { phone: 'US.13491208655302741918' } });
    expect(result).toMatchObject({ ok: true, message: { customer: { phone: '+48123123123', bsuid: 'US.13491208655302741918' } } });
  });
});

describe('a status', () => {
  const item = (fields: Record<string, unknown>) => ({ id: 'wamid.1', status: 'read', timestamp: '1739321025', recipient_id: '16505551234', ...fields });

  it('keeps a status whose pricing, conversation, callback data or error href are malformed', () => {
    const status = item({
      pricing: { billable: 'maybe' },
      conversation: 'x',
      biz_opaque_callback_data: 5,
      status: 'failed',
      errors: [{ code: 131026, title: 'Undeliverable', href: 42 }],
    });
    const event = only(parse({ statuses: [status] }), 'status');
    expect(event.status).toMatchObject({ messageId: 'wamid.1', status: 'failed', errors: [{ code: '131026', title: 'Undeliverable' }] });
  });

  it("maps a vendor's own words through the extra vocabulary, keeping the word", () => {
    const parsed = v.parse(StatusItemSchema, item({ status: 'Pending' }));
    expect(statusFromCloud(parsed, NO_CONTACTS)).toBeUndefined();
    expect(statusFromCloud(parsed, NO_CONTACTS, new Map([['pending', 'queued']]))).toMatchObject({ status: 'queued', vendorStatus: 'Pending' });
  });
});

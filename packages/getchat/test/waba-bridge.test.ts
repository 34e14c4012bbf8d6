import type { WebhookEvent } from '@wamux/core';
import * as v from 'valibot';
import { MessageWire } from '../src/map/message';
import { eventsFromPayload } from '../src/webhook/payload';

// get.chat's WhatsApp payloads are read by @wamux/whatsapp-cloud; these are
// the ways get.chat's copies differ from the Cloud API's shapes, each read as
// the adapter always read it (the shared reader, map/inbound.ts, map/status.ts).

const BSUID = 'US.13491208655302741918';
const GETCHAT_ID = '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0';

const only = <T extends WebhookEvent['type']>(events: WebhookEvent[], type: T) => {
  expect(events.map((event) => event.type)).toEqual([type]);
  return events[0] as Extract<WebhookEvent, { type: T }>;
};

const text = (fields: Record<string, unknown>) => ({
  from: '48123123123',
  id: 'wamid.1',
  timestamp: '1700000000',
  type: 'text',
  text: { body: 'hi' },
  ...fields,
});

describe('WhatsApp payloads as get.chat forwards them', () => {
  it('reads a quoted message named by context.message_id, and forwarded flags as text or 0/1', () => {
    const event = only(
      eventsFromPayload({ messages: [text({ context: { message_id: 'wamid.quoted', forwarded: '1', frequently_forwarded: 0 } })] }),
      'message',
    );
    expect(event.message.context).toEqual({ messageId: 'wamid.quoted', forwarded: true });
  });

  it('names the type by the content key when `type` is not text, and ignores unreadable errors', () => {
    const event = only(eventsFromPayload({ messages: [text({ type: 5, errors: 'not a list' })] }), 'message');
    expect(event.message.content).toEqual({ type: 'text', text: 'hi' });
  });

  it('keeps a status whose pricing or conversation is malformed (the mapping reads neither)', () => {
    const event = only(
      eventsFromPayload({
        statuses: [{ id: 'wamid.1', recipient_id: '48123123123', status: 'read', timestamp: '1700000000', pricing: { billable: 'maybe' }, conversation: 'x' }],
      }),
      'status',
    );
    expect(event.status).toMatchObject({ messageId: 'wamid.1', status: 'read', recipient: '+48123123123' });
  });

  it("reads get.chat's queue words and ids: pending is queued, getchat_id is the message id", () => {
    const event = only(
      eventsFromPayload({ statuses: [{ id: 'wamid.1', getchat_id: GETCHAT_ID, recipient_id: '48123123123', status: 'pending', timestamp: 1700000000 }] }),
      'status',
    );
    expect(event.status).toEqual({
      messageId: GETCHAT_ID,
      whatsappMessageId: 'wamid.1',
      status: 'queued',
      vendorStatus: 'pending',
      recipient: '+48123123123',
      timestamp: new Date(1_700_000_000_000),
    });
  });
});

describe('get.chat message objects', () => {
  const incoming = (payload: Record<string, unknown>, fields: Record<string, unknown> = {}) => ({
    incoming_messages: [
      {
        id: GETCHAT_ID,
        from_us: false,
        customer_wa_id: '48123123123',
        contact: { wa_id: '48123123123', initials: 'AL', waba_payload: { profile: { name: 'Ada Lovelace' } } },
        waba_payload: payload,
        ...fields,
      },
    ],
  });

  it("fills what the payload leaves out: get.chat's id, the chat's number, the contact's name", () => {
    const event = only(eventsFromPayload(incoming({ timestamp: '1700000000', type: 'text', text: { body: 'hi' } })), 'message');
    expect(event.message).toMatchObject({
      id: GETCHAT_ID,
      from: '+48123123123',
      profileName: 'Ada Lovelace',
      customer: { phone: '+48123123123', name: 'Ada Lovelace' },
    });
  });

  it("takes a contact-request answer's number before the chat's BSUID", () => {
    const card = { name: { formatted_name: 'Ada' }, phones: [{ phone: '+48 123 123 123', wa_id: '48123123123' }] };
    const payload = { from_user_id: BSUID, id: 'wamid.2', origin: 'contact_request', timestamp: '1700000000', type: 'contacts', contacts: [card] };
    const event = only(eventsFromPayload(incoming(payload, { customer_wa_id: BSUID, contact: undefined })), 'message');
    expect(event.message.customer).toEqual({ phone: '+48123123123', bsuid: BSUID });
  });

  it("names a stored send's type by its `template` key when it has no `type`", () => {
    const parsed = v.parse(MessageWire, {
      id: GETCHAT_ID,
      from_us: true,
      waba_payload: { to: '48123123123', template: { name: 'welcome', language: { code: 'en' } } },
    });
    expect(parsed).toMatchObject({ type: 'template', content: { type: 'unsupported', originalType: 'template' } });
  });
});

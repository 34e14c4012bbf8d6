import { inspect } from 'node:util';
import { ConfigurationError, createWebhookHandler, webhookRequest, WebhookPayloadError, WebhookVerificationError, type WebhookEvent } from '@wamux/core';
import { createGetchatProvider, isGetchatProviderEvent, type GetchatProviderEvent } from '../src';
import {
  chatTaggingExample,
  cloudApiStatusWithGetchatId,
  listMessagesVideoResult,
  messageTaggingExample,
  onPremiseInboundMessage,
  onPremiseStatusWithGetchatId,
  outgoingMessagesExample,
} from './fixtures/document-webhooks';

const SECRET = 'hook-shared-secret-42';
const HEADER_VALUE = 'Token 1234567890qwertyuiop';

const provider = createGetchatProvider({
  baseUrl: 'https://acme.inbox.getchat.360dialog.io/api/v1',
  token: 'api-token-not-used-here',
  webhookSecret: SECRET,
  webhookHeaders: { Authorization: HEADER_VALUE },
});

const deliver = (body: unknown, { auth = SECRET, header = HEADER_VALUE }: { auth?: string | null; header?: string | null } = {}) =>
  provider.parseWebhook(
    webhookRequest({
      url: auth === null ? 'https://bot.example/hook' : `https://bot.example/hook?auth=${encodeURIComponent(auth)}`,
      headers: header === null ? {} : { authorization: header },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );

const providerEvents = (events: WebhookEvent[]): GetchatProviderEvent[] => events.filter(isGetchatProviderEvent);

describe('parseWebhook: the document examples', () => {
  it('on-premise statuses: getchat_id becomes messageId, WhatsApp id whatsappMessageId', async () => {
    const { events } = await deliver(onPremiseStatusWithGetchatId);
    expect(events).toEqual([
      {
        type: 'status',
        provider: 'getchat',
        status: {
          messageId: '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0',
          whatsappMessageId: 'gBEGkFO33SUyAgm0lj123TmE5lc',
          status: 'read',
          vendorStatus: 'read',
          recipient: '+48123123123',
          timestamp: new Date(1634833334 * 1000),
        },
        raw: onPremiseStatusWithGetchatId.statuses[0],
      },
    ]);
  });

  it('Cloud API statuses: the same status event from entry[].changes[].value', async () => {
    const cloud = await deliver(cloudApiStatusWithGetchatId);
    const onPremise = await deliver(onPremiseStatusWithGetchatId);
    expect(cloud.events).toEqual(onPremise.events);
  });

  it('on-premise messages: contacts give the profile name, context and voice notes are kept, system messages are unsupported', async () => {
    const { events } = await deliver(onPremiseInboundMessage);
    expect(events.map((e) => e.type)).toEqual(['message', 'message', 'message']);
    const [image, voice, system] = events as Array<Extract<WebhookEvent, { type: 'message' }>>;
    expect(image?.message).toEqual({
      id: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh',
      from: '+48123123123',
      profileName: 'Konrad Tester',
      customer: { phone: '+48123123123', name: 'Konrad Tester' },
      timestamp: new Date(1612544982 * 1000),
      content: {
        type: 'image',
        media: {
          id: 'b1c68f38-8734-4ad3-b4a1-ef0c10d0d683',
          url: 'https://acme.inbox.getchat.360dialog.io/api/v1/media/b1c68f38-8734-4ad3-b4a1-ef0c10d0d683',
          mimeType: 'image/jpeg',
          sha256: '29ed500fa64eb55fc19dc4124acb300e5dcc54a0f822a301ae99944db',
          caption: 'Check out my new phone!',
        },
      },
      context: { messageId: 'gBGGSFEBeRJ_AglpKKJ1s123123', from: '48500500500', forwarded: true },
    });
    expect(voice?.message.content).toEqual({
      type: 'audio',
      media: { id: 'a7c6c8e2-07b9-4c31-bd47-7e4d3a1a0f11', mimeType: 'audio/ogg; codecs=opus', sha256: 'checksum', voice: true },
    });
    expect(system?.message.content).toEqual({ type: 'unsupported', originalType: 'system', text: 'Customer changed their number' });
    expect(system?.raw).toEqual(onPremiseInboundMessage.messages[2]);
  });

  it("outgoing_messages: inbox agents' messages are outgoing_message provider events, never customer messages", async () => {
    const { events } = await deliver(outgoingMessagesExample);
    expect(events.every((e) => e.type === 'provider_event')).toBe(true);
    const outgoing = providerEvents(events);
    expect(outgoing.map((e) => e.kind)).toEqual(['outgoing_message', 'outgoing_message']);
    const first = outgoing[0];
    if (first?.kind !== 'outgoing_message') throw new Error('expected an outgoing message');
    expect(first.id).toBe('8e04bff7-9a07-486b-90a4-09c2e5d85e69');
    expect(first.payload).toMatchObject({
      getchatId: '8e04bff7-9a07-486b-90a4-09c2e5d85e69',
      whatsappMessageId: 'gBGGSFEBeRJ_AglpKKJ1s123123',
      customerWaId: '48123123123',
      fromUs: true,
      timestamp: new Date(1612372697 * 1000),
      content: { type: 'image', media: { url: 'http://{YOUR_STACK_NAME}.inbox.getchat.360dialog.io/api/v1/media/e4b60f1d-1847-4233-8a88-58e123123123' } },
      sender: { id: 1, username: 'konrad', firstName: 'Konrad', lastName: 'Tester' },
      contact: { waId: '48123123123', name: 'Konrad Tester' },
    });
    expect(first.raw).toEqual(outgoingMessagesExample.outgoing_messages[0]);
  });

  it("the same body under assigned_messages: an assigned_message event each (these are the agent's own)", async () => {
    const { events } = await deliver({ assigned_messages: outgoingMessagesExample.outgoing_messages });
    expect(providerEvents(events).map((e) => e.kind)).toEqual(['assigned_message', 'outgoing_message', 'assigned_message', 'outgoing_message']);
  });

  it("message_tagging under `results` (the document's example): a message_tagging event", async () => {
    const { events } = await deliver(messageTaggingExample);
    const [event] = providerEvents(events);
    expect(event?.kind).toBe('message_tagging');
    expect(event?.payload).toMatchObject({
      action: 'added',
      messageId: 'string',
      tag: { id: 0, name: 'string', webInboxColor: 'string' },
      timestamp: new Date(0),
    });
  });

  it('chat_tagging (an array, where the prose says an object): a chat_tagging event; groups [{}] are tolerated', async () => {
    const { events } = await deliver(chatTaggingExample);
    const [event] = providerEvents(events);
    expect(event?.kind).toBe('chat_tagging');
    expect(event?.payload).toMatchObject({ action: 'added', waId: 'string', doneBy: { id: 0, username: 'string', groups: [] } });
  });

  it('a /messages/ result (the getting-started example) under incoming_messages: a customer message', async () => {
    const { events } = await deliver({ incoming_messages: [listMessagesVideoResult] });
    const [event] = events;
    expect(event?.type).toBe('message');
    if (event?.type !== 'message') return;
    expect(event.message).toMatchObject({
      id: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh',
      from: '+48123123123',
      timestamp: new Date(1612544982 * 1000),
      content: { type: 'video', media: { id: '20854d67-189e-4e78-a8ac-123sdf234ad', mimeType: 'video/mp4' } },
    });
  });
});

describe('parseWebhook: mixed and extended deliveries', () => {
  const customerMessage = { from: '905551119988', id: 'wamid.A1', timestamp: 1700000000, type: 'text', text: { body: 'hi' } };

  it('a message in both messages and incoming_messages becomes one event; every other item its own', async () => {
    const body = {
      contacts: [{ profile: { name: 'Ada' }, wa_id: '905551119988' }],
      messages: [customerMessage],
      statuses: [{ id: 'wamid.S1', getchat_id: 'gc-1', recipient_id: '905551112233', status: 'delivered', timestamp: '1700000001' }],
      incoming_messages: [{ id: 'gc-in-1', waba_payload: customerMessage, from_us: false, customer_wa_id: '905551119988' }],
      chat_assignment: {
        wa_id: '905551119988',
        timestamp: 1700000002,
        assigned_to_user_set: { id: 3, username: 'bot' },
        done_by: { id: 1, username: 'admin' },
      },
      tagged_chats: [{ timestamp: 1700000003, action: 'removed', tag: { id: 7, name: 'vip' }, chat: '905551119988' }],
    };
    const { events } = await deliver(body);
    expect(events.map((e) => (e.type === 'provider_event' ? e.kind : e.type))).toEqual(['message', 'status', 'chat_assignment', 'chat_tagging']);
    const message = events[0];
    expect(message?.type === 'message' && message.message.profileName).toBe('Ada');
    const assignment = providerEvents(events)[0];
    expect(assignment?.payload).toMatchObject({ waId: '905551119988', assignedToUserSet: { id: 3, username: 'bot' } });
  });

  it('the same tagging in message_tagging and the deprecated tagged_messages becomes one event', async () => {
    const tagging = { timestamp: 1700000000, action: 'added', tag: { id: 2, name: 'urgent' }, message: 'wamid.X' };
    const { events } = await deliver({ message_tagging: tagging, tagged_messages: [tagging] });
    expect(providerEvents(events).map((e) => e.kind)).toEqual(['message_tagging']);
  });

  it('Cloud API: metadata gives the business number; a non-message change is a waba_change event', async () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'waba',
          changes: [
            {
              field: 'messages',
              value: { metadata: { display_phone_number: '905550000000', phone_number_id: '1' }, contacts: [], messages: [customerMessage] },
            },
            { field: 'message_template_status_update', value: { event: 'APPROVED', message_template_name: 'order_update' } },
          ],
        },
      ],
    };
    const { events } = await deliver(body);
    expect(events[0]?.type === 'message' && events[0].message.to).toBe('+905550000000');
    expect(providerEvents(events)[0]).toMatchObject({ kind: 'waba_change', payload: { field: 'message_template_status_update' } });
  });

  it('is liberal: numeric ids and codes, millisecond timestamps, an object where an array was documented', async () => {
    const { events } = await deliver({
      statuses: { id: 12345, recipient_id: 905551112233, status: 'failed', timestamp: 1700000000000, errors: { code: 131026, title: 'Message undeliverable' } },
    });
    expect(events[0]).toMatchObject({
      type: 'status',
      status: {
        messageId: '12345',
        status: 'failed',
        recipient: '+905551112233',
        timestamp: new Date(1700000000000),
        errors: [{ code: '131026', title: 'Message undeliverable' }],
      },
    });
  });

  it('keeps what it cannot read as events, without dropping the rest', async () => {
    const { events } = await deliver({
      messages: [
        { id: 'wamid.nofrom', timestamp: 1, type: 'text', text: { body: 'x' } },
        { ...customerMessage, type: 'order', order: { catalog_id: '1' } },
      ],
      statuses: [{ id: 'wamid.W', status: 'warning' }],
    });
    expect(events.map((e) => (e.type === 'provider_event' ? e.kind : e.type))).toEqual(['unrecognized', 'message', 'unknown_status']);
    expect(events[1]?.type === 'message' && events[1].message.content).toEqual({ type: 'unsupported', originalType: 'order' });
    expect(providerEvents(events)[1]?.payload).toEqual({ status: 'warning', messageId: 'wamid.W' });
  });

  it('interactive replies, buttons, reactions, locations and contacts map into the model', async () => {
    const base = { from: '905551119988', timestamp: '1700000000' };
    const { events } = await deliver({
      messages: [
        { ...base, id: 'i1', type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'slot-am', title: 'Morning', description: '09-12' } } },
        { ...base, id: 'i2', type: 'button', button: { text: 'Track', payload: 'track' } },
        { ...base, id: 'i3', type: 'reaction', reaction: { message_id: 'wamid.prev' } },
        { ...base, id: 'i4', type: 'location', location: { latitude: '41.0256', longitude: 28.9741, name: 'Galata' } },
        {
          ...base,
          id: 'i5',
          type: 'contacts',
          contacts: [{ name: { first_name: 'Grace', last_name: 'Hopper' }, phones: [{ phone: '+15551234567', wa_id: '15551234567' }] }],
        },
      ],
    });
    expect(events.map((e) => e.type === 'message' && e.message.content)).toEqual([
      { type: 'interactive_reply', reply: { kind: 'list', id: 'slot-am', title: 'Morning', description: '09-12' } },
      { type: 'button', text: 'Track', payload: 'track' },
      { type: 'reaction', messageId: 'wamid.prev', emoji: '' },
      { type: 'location', latitude: 41.0256, longitude: 28.9741, name: 'Galata' },
      {
        type: 'contacts',
        contacts: [{ name: { formatted: 'Grace Hopper', first: 'Grace', last: 'Hopper' }, phones: [{ phone: '+15551234567', waId: '15551234567' }] }],
      },
    ]);
  });
});

describe('parseWebhook: malformed bodies and verification', () => {
  it('refuses a body that is not JSON, not an object, or has no documented field with WebhookPayloadError', async () => {
    await expect(deliver('{not json')).rejects.toBeInstanceOf(WebhookPayloadError);
    await expect(deliver('[1,2]')).rejects.toBeInstanceOf(WebhookPayloadError);
    await expect(deliver({ hello: 'world' })).rejects.toThrow(/none of the fields get\.chat documents/);
  });

  it('refuses a delivery without the auth query parameter, or with a wrong one, before reading the body', async () => {
    await expect(deliver(onPremiseStatusWithGetchatId, { auth: null })).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(deliver('{not json', { auth: 'wrong' })).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it('refuses a delivery without the configured header; the error names neither value', async () => {
    const error = await deliver(onPremiseStatusWithGetchatId, { header: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).status).toBe(401);
    for (const view of [inspect(error, { depth: 10 }), JSON.stringify(error), String((error as Error).stack)]) {
      expect(view).not.toContain(SECRET);
      expect(view).not.toContain('1234567890qwertyuiop');
    }
  });

  it('without webhookSecret or webhookHeaders, refuses every delivery with a ConfigurationError naming webhookSecret (answered 500)', async () => {
    const unconfigured = createGetchatProvider({ stack: 'acme', token: 'x-token-0001' });
    const error = await unconfigured.parseWebhook(webhookRequest({ body: onPremiseStatusWithGetchatId })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'configuration_invalid', field: 'webhookSecret', provider: 'getchat' });
    expect((error as Error).message).toContain('allowUnauthenticatedWebhooks');
    const outcome = await createWebhookHandler(unconfigured, { dedupe: false }).handle(webhookRequest({ body: onPremiseStatusWithGetchatId }));
    expect(outcome).toMatchObject({ status: 500, events: [], error: { code: 'configuration_invalid' } });
    expect(unconfigured.capabilities.features).not.toContain('webhooks.verify');
    expect(provider.capabilities.features).toContain('webhooks.verify');
  });

  it('accepts unauthenticated deliveries only with allowUnauthenticatedWebhooks: true, and then does not declare webhooks.verify', async () => {
    const open = createGetchatProvider({ stack: 'acme', token: 'x-token-0001', allowUnauthenticatedWebhooks: true });
    const { events } = await open.parseWebhook(webhookRequest({ body: onPremiseStatusWithGetchatId }));
    expect(events).toHaveLength(1);
    expect(open.capabilities.features).not.toContain('webhooks.verify');
  });

  it('still checks a configured secret or header when allowUnauthenticatedWebhooks is also set', async () => {
    const both = createGetchatProvider({ stack: 'acme', token: 'x-token-0001', webhookSecret: SECRET, allowUnauthenticatedWebhooks: true });
    await expect(both.parseWebhook(webhookRequest({ body: onPremiseStatusWithGetchatId }))).rejects.toBeInstanceOf(WebhookVerificationError);
    const onlyHeader = createGetchatProvider({ stack: 'acme', token: 'x-token-0001', webhookHeaders: { Authorization: HEADER_VALUE } });
    await expect(onlyHeader.parseWebhook(webhookRequest({ body: onPremiseStatusWithGetchatId }))).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(
      onlyHeader.parseWebhook(webhookRequest({ headers: { authorization: HEADER_VALUE }, body: onPremiseStatusWithGetchatId })),
    ).resolves.toMatchObject({ events: [{ type: 'status' }] });
  });
});

describe('parseWebhook: items the model cannot hold, and vendor words', () => {
  const customerMessage = { from: '905551119988', timestamp: '1700000000', type: 'text', text: { body: 'hi' } };

  it.each(['constructor', '__proto__', 'toString', 'valueOf'])('a status "%s" (Cloud API shape) is an unknown_status event, never a status', async (word) => {
    const body = structuredClone(cloudApiStatusWithGetchatId);
    const item = body.entry[0]?.changes[0]?.value.statuses[0] as Record<string, unknown>;
    item.status = word;
    const { events } = await deliver(body);
    expect(events.map((e) => e.type)).toEqual(['provider_event']);
    expect(providerEvents(events)[0]).toMatchObject({ kind: 'unknown_status', payload: { status: word, messageId: '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0' } });
  });

  it('a message with an empty or blank id is refused as unrecognized, naming its path; the next one is still a message', async () => {
    const { events } = await deliver({
      messages: [
        { ...customerMessage, id: '' },
        { ...customerMessage, id: '   ' },
        { ...customerMessage, id: 'wamid.ok', text: { body: 'second' } },
      ],
    });
    expect(events.map((e) => (e.type === 'provider_event' ? e.kind : e.type))).toEqual(['unrecognized', 'unrecognized', 'message']);
    expect(providerEvents(events)[0]).toMatchObject({ payload: { field: 'messages', reason: 'the message has no id', path: 'messages.0.id' } });
    expect(providerEvents(events)[1]?.id).toBeUndefined();
  });

  it('a Cloud API status with an empty id is refused as unrecognized with the full path; getchat_id is used when id is blank', async () => {
    const body = structuredClone(cloudApiStatusWithGetchatId);
    const value = body.entry[0]?.changes[0]?.value as { statuses: Array<Record<string, unknown>> };
    const [first] = value.statuses;
    value.statuses = [
      { ...first, id: '', getchat_id: '' },
      { ...first, id: '' },
    ];
    const { events } = await deliver(body);
    expect(events.map((e) => (e.type === 'provider_event' ? e.kind : e.type))).toEqual(['unrecognized', 'status']);
    expect(providerEvents(events)[0]?.payload).toMatchObject({ reason: 'a status item has no id', path: 'entry.0.changes.0.value.statuses.0.id' });
    expect(events[1]).toMatchObject({ type: 'status', status: { messageId: '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0' } });
    expect(events[1]?.type === 'status' && events[1].status.whatsappMessageId).toBeUndefined();
  });

  it("an incoming_messages item with a blank waba_payload id falls back to get.chat's id", async () => {
    const { events } = await deliver({
      incoming_messages: [{ id: 'gc-in-7', waba_payload: { ...customerMessage, id: '' }, from_us: false, customer_wa_id: '905551119988' }],
    });
    expect(events).toMatchObject([{ type: 'message', message: { id: 'gc-in-7' } }]);
  });

  it('an outgoing message without any id is kept, without a de-duplication id', async () => {
    const { events } = await deliver({
      outgoing_messages: [{ id: '', waba_payload: { to: '905551119988', type: 'text', text: { body: 'x' } }, from_us: true }],
    });
    expect(providerEvents(events)).toHaveLength(1);
    const [event] = providerEvents(events);
    expect(event?.kind).toBe('outgoing_message');
    expect(event).not.toHaveProperty('id');
  });

  it('a contact card birthday that is not a real date is dropped', async () => {
    const { events } = await deliver({
      messages: [{ ...customerMessage, id: 'c1', type: 'contacts', contacts: [{ name: { formatted_name: 'Grace' }, birthday: '2024-13-45' }] }],
    });
    expect(events[0]?.type === 'message' && events[0].message.content).toEqual({ type: 'contacts', contacts: [{ name: { formatted: 'Grace' } }] });
  });
});

import {
  ConfigurationError,
  createWebhookHandler,
  webhookRequest,
  WebhookPayloadError,
  WebhookVerificationError,
  type MessageEvent,
  type StatusEvent,
  type WebhookEvent,
} from '@wamux/core';
import { inboundSession, isMessagingApiEvent, messagingApiCapabilities } from '@wamux/messaging-api';
import { STATUS_CODES } from '../src/map/status';
import { inBoundContactSample, inBoundMsgSample, inBoundWrapperSample } from './fixtures/document-samples';
import { expectNoSecrets, makeProvider, rejectionOf, VERIFY_TOKEN } from './helpers';

const APP = 'https://app.example.com';
/** A delivery; `token: null` sends no x-verify-token header. */
const deliver = (body: unknown, url = `${APP}/hooks/messaging`, token: string | null = VERIFY_TOKEN) =>
  webhookRequest({ url, headers: token === null ? {} : { 'x-verify-token': token }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const parse = (body: unknown, url?: string, options = {}) => makeProvider(options).parseWebhook(deliver(body, url));
const messageOf = async (message: Record<string, unknown>) => {
  const { events } = await parse({ messages: [message] });
  expect(events).toHaveLength(1);
  return (events[0] as MessageEvent).message;
};
const sample = (fields: Record<string, unknown>) => {
  const {
    attachments: _a,
    audio: _au,
    document: _d,
    form: _f,
    image: _i,
    location: _l,
    text: _t,
    video: _v,
    voice: _vo,
    referral: _r,
    ...rest
  } = inBoundMsgSample();
  return { ...rest, ...fields };
};

describe("message/receive: the document's InBoundWrapper sample", () => {
  it('becomes a message, a status, a session event and an action, in that order', async () => {
    const body = inBoundWrapperSample();
    const { events, reply } = await parse(body, `${APP}/api/v1/message/receive`);
    expect(reply).toBeUndefined();
    expect(events.map((e) => (e.type === 'provider_event' ? e.kind : e.type))).toEqual(['message', 'status', 'session_event', 'action']);
    const [message, status, session, action] = events as [MessageEvent, StatusEvent, WebhookEvent, WebhookEvent];

    expect(message).toEqual({
      type: 'message',
      provider: 'messaging-api',
      raw: body.messages[0],
      message: {
        id: '1234567',
        from: '+919988776655',
        customer: { phone: '+919988776655', name: 'John Doe' },
        profileName: 'John Doe',
        to: '+919999998888',
        // 156753339076: twelve digits, read as milliseconds.
        timestamp: new Date(156753339076),
        content: { type: 'text', text: 'your-text-message-content' },
        referral: {
          sourceId: 'string',
          sourceType: 'feedback',
          sourceUrl: 'string',
          headline: 'string',
          body: 'string',
          mediaType: 'string',
          mediaUrl: 'string',
          thumbnailUrl: 'string',
        },
      },
    });

    expect(status).toEqual({
      type: 'status',
      provider: 'messaging-api',
      raw: body.statuses[0],
      status: {
        messageId: '1234567',
        status: 'delivered',
        vendorStatus: 'DLVRD',
        recipient: '+919988776655',
        timestamp: new Date(156753339076),
        errors: [{ code: '470', title: body.statuses[0]?.errors[0]?.title, details: 'string' }],
      },
    });

    expect(isMessagingApiEvent(session, 'session_event') && session.payload).toMatchObject({
      eventCode: 'SESSION_ROUTED',
      sessionId: 'string',
      event: { sessionRouted: { sessionStart: true, targetQueue: 'string' }, session: { resolved: true }, type: 'INBOUND' },
      meta: { appCode: 'my_bot', debug: true },
    });
    expect(session).toMatchObject({ id: 'string', raw: body.events[0] });
    expect(isMessagingApiEvent(action, 'action') && action.payload).toMatchObject({ actionCode: 'SEND_INVOICE', contacts: [{ contactId: '1234567' }] });
  });

  it("gives the message's session to the session operations", async () => {
    const { events } = await parse(inBoundWrapperSample());
    expect(inboundSession(events[0] as MessageEvent)).toEqual({
      assignedToAgent: 'SUPPORT',
      assignedToDept: 'SUPPORT',
      routingId: 'xsds34434-323-232',
      sessionId: 'xsds34434',
    });
  });
});

describe('message/receive: each kind of customer message', () => {
  const media = {
    id: 2121212,
    link: 'http://cdn.example/f',
    linkSecure: 'https://cdn.example/f',
    mime_type: 'image/jpeg',
    sha256: 'm3232kaoe4belrr',
    caption: 'c',
    filename: 'f.jpg',
  };
  const ref = { id: '2121212', url: 'https://cdn.example/f', mimeType: 'image/jpeg', sha256: 'm3232kaoe4belrr', caption: 'c', filename: 'f.jpg' };

  it.each(['image', 'video', 'audio', 'document'] as const)('%s: the media object, linkSecure preferred', async (type) => {
    expect((await messageOf(sample({ type, [type]: media }))).content).toEqual({ type, media: ref });
  });

  it('voice: audio with voice true; link used when there is no linkSecure', async () => {
    const content = (await messageOf(sample({ type: 'voice', voice: { id: 'v1', link: 'http://cdn.example/v.ogg', mime_type: 'audio/ogg' } }))).content;
    expect(content).toEqual({ type: 'audio', media: { id: 'v1', url: 'http://cdn.example/v.ogg', mimeType: 'audio/ogg', voice: true } });
  });

  it('media given only in attachments', async () => {
    const content = (await messageOf(sample({ type: 'document', attachments: [{ ...media, type: 'document' }] }))).content;
    expect(content).toEqual({ type: 'document', media: ref });
  });

  it('location: the sample, and coordinates as strings (the schema table types them so)', async () => {
    expect((await messageOf(sample({ type: 'location', location: inBoundMsgSample().location }))).content).toEqual({
      type: 'location',
      latitude: 12.90909,
      longitude: 6.90808,
      name: 'Main Building',
      address: '1 Hacker Way, Menlo Park, CA, 94025',
      url: 'Location URL',
    });
    expect((await messageOf(sample({ type: 'location', location: { latitude: '41.0256', longitude: '28.9741' } }))).content).toEqual({
      type: 'location',
      latitude: 41.0256,
      longitude: 28.9741,
    });
  });

  it('a location without coordinates is unsupported; a text carrying an empty location object is still text', async () => {
    expect((await messageOf(sample({ type: 'location', location: { name: 'Somewhere' } }))).content).toEqual({ type: 'unsupported', originalType: 'location' });
    expect((await messageOf(sample({ type: 'text', text: { body: 'hi' }, location: {} }))).content).toEqual({ type: 'text', text: 'hi' });
  });

  it('a form reply under a type the document does not list: an interactive reply (a list row when it has a description)', async () => {
    const button = await messageOf(sample({ type: 'interactive', form: { reply_id: 'ACCEPT', reply_title: 'I Accept', reply_json: {} } }));
    expect(button.content).toEqual({ type: 'interactive_reply', reply: { kind: 'button', id: 'ACCEPT', title: 'I Accept' } });
    const row = await messageOf(sample({ type: 'text', form: inBoundMsgSample().form }));
    expect(row.content).toEqual({ type: 'interactive_reply', reply: { kind: 'list', id: 'ACCEPT', title: 'I Accept', description: 'string' } });
  });

  it('a type the model does not have: unsupported, with the original type and the raw item', async () => {
    const body = { messages: [sample({ type: 'sticker', sticker: { id: 's1' } })] };
    const { events } = await parse(body);
    expect((events[0] as MessageEvent).message.content).toEqual({ type: 'unsupported', originalType: 'sticker' });
    expect(events[0]?.raw).toEqual(body.messages[0]);
    expect((await messageOf(sample({ type: 'system', text: { body: 'Session started' } }))).content).toEqual({
      type: 'unsupported',
      originalType: 'system',
      text: 'Session started',
    });
  });

  it('liberal: one message as an object, a bare string text, epoch seconds, an ISO time, no contacts', async () => {
    const seconds = await parse({ messages: { id: 'm1', from: '905551112233', type: 'text', text: 'hi', timestamp: 1700000000 } });
    expect((seconds.events[0] as MessageEvent).message).toEqual({
      id: 'm1',
      from: '+905551112233',
      customer: { phone: '+905551112233' },
      timestamp: new Date(1_700_000_000_000),
      content: { type: 'text', text: 'hi' },
    });
    const iso = await messageOf({ id: 'm2', from: '+90 555 111 22 33', text: { body: 'no type' }, timestamp: '2024-11-19T14:31:00Z' });
    expect(iso).toMatchObject({ from: '+905551112233', timestamp: new Date('2024-11-19T14:31:00Z'), content: { type: 'text', text: 'no type' } });
  });

  it('the contact is matched by contactId when there are several', async () => {
    const contacts = [
      { contactId: 'c1', lane: 905550000000, profile: { name: 'First', phone: 905551110001 } },
      { contactId: 'c2', lane: 905550000000, profile: { name: 'Second', phone: 905551110002 } },
    ];
    const { events } = await parse({ contacts, messages: [{ id: 'm', contactId: 'c2', type: 'text', text: { body: 'x' }, timestamp: 1 }] });
    expect((events[0] as MessageEvent).message).toMatchObject({ from: '+905551110002', profileName: 'Second', to: '+905550000000' });
  });

  it('a sender that is not a phone number (an email channel) is kept as an unmapped_message event', async () => {
    const { events } = await parse({
      contacts: [{ contactType: 'EMAIL', profile: { email: 'a@b.c' } }],
      messages: [{ id: 'e1', from: 'a@b.c', type: 'text', text: { body: 'hi' } }],
    });
    expect(events).toHaveLength(1);
    expect(isMessagingApiEvent(events[0] as WebhookEvent, 'unmapped_message') && (events[0] as { payload: unknown }).payload).toMatchObject({
      reason: 'the sender is not a phone number',
      message: { id: 'e1', from: 'a@b.c' },
    });
  });
});

describe('message/receive: statuses', () => {
  const statusOf = async (status: Record<string, unknown>) => (await parse({ statuses: [status] })).events[0] as WebhookEvent;

  it.each(Object.entries(STATUS_CODES))('%s is %s', async (code, normalized) => {
    const event = await statusOf({ id: 'msg_1', status: code, timestamp: 1700000000000 });
    expect(event).toMatchObject({ type: 'status', status: { messageId: 'msg_1', status: normalized, vendorStatus: code, timestamp: new Date(1700000000000) } });
  });

  it("lower-case codes and normalized names are understood; a distinct messageIdExt is WhatsApp's id", async () => {
    expect(await statusOf({ id: 'm', status: 'dlvrd' })).toMatchObject({ status: { status: 'delivered' } });
    expect(await statusOf({ id: 'm', status: 'read', messageIdExt: 'wamid.X' })).toMatchObject({ status: { status: 'read', whatsappMessageId: 'wamid.X' } });
  });

  it('an unknown code is kept as an unknown_status event, not dropped or guessed', async () => {
    const event = await statusOf({ id: 'm9', status: 'QUEUED_X' });
    expect(event).toMatchObject({ type: 'provider_event', kind: 'unknown_status', id: 'm9:QUEUED_X', payload: { messageId: 'm9', vendorStatus: 'QUEUED_X' } });
  });

  it('declares exactly the statuses the table can produce, so nothing undeclared is emitted', async () => {
    expect([...messagingApiCapabilities.statuses].sort()).toEqual([...new Set(Object.values(STATUS_CODES))].sort());
    // A normalized name the table never produces is the vendor's unknown code, not a status.
    expect(await statusOf({ id: 'm', status: 'played' })).toMatchObject({ type: 'provider_event', kind: 'unknown_status' });
  });
});

describe("contact/info: the document's InBoundContact sample", () => {
  it('answers {} by default and reports the request as an event', async () => {
    const body = inBoundContactSample();
    const { events, reply } = await parse(body, `${APP}/api/v1/contact/info`);
    expect(reply).toEqual({ status: 200, body: {} });
    expect(events).toEqual([
      {
        type: 'provider_event',
        provider: 'messaging-api',
        kind: 'contact_info_request',
        payload: {
          phone: '+919988776655',
          contact: {
            businessProfile: { email: '', name: 'John Doe', phone: '919988776655', profileId: 'C34567' },
            channelId: 'wa360:919988776655',
            contactId: '1234567',
            contactType: 'WHATSAPP',
            csid: '91YOURNUMBER',
            lane: '919999998888',
            profile: { email: '', name: 'John Doe', phone: '919988776655' },
          },
        },
        raw: body,
      },
    ]);
  });

  it("answers with the callback's update, recognised by its shape on a shared URL", async () => {
    const { reply } = await parse(inBoundContactSample(), `${APP}/hooks/messaging`, { onContactInfo: async () => ({ name: 'John D.', profileId: 'CRM-1' }) });
    expect(reply).toEqual({ status: 200, body: { name: 'John D.', profileId: 'CRM-1' } });
  });

  it('through a webhook handler: the answer is the JSON body of the 200', async () => {
    const handler = createWebhookHandler(makeProvider({ onContactInfo: () => ({ mobile: '919988776655' }) }));
    const response = await handler.fetch(
      new Request(`${APP}/api/v1/contact/info`, { method: 'POST', headers: { 'x-verify-token': VERIFY_TOKEN }, body: JSON.stringify(inBoundContactSample()) }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mobile: '919988776655' });
  });

  it.each([
    ['throws', () => Promise.reject(new Error('CRM down'))],
    ['answers an invalid update', () => ({ email: 'not-an-email' })],
  ])("a callback that %s is the app's failure: 500, so the vendor asks again", async (_name, onContactInfo) => {
    const handler = createWebhookHandler(makeProvider({ onContactInfo }));
    const errors: unknown[] = [];
    handler.on('error', (error) => errors.push(error));
    const response = await handler.fetch(
      new Request(`${APP}/api/v1/contact/info`, { method: 'POST', headers: { 'x-verify-token': VERIFY_TOKEN }, body: JSON.stringify(inBoundContactSample()) }),
    );
    expect(response.status).toBe(500);
    expect(errors).toEqual([expect.objectContaining({ code: 'webhook_listener_failed', provider: 'messaging-api' })]);
  });
});

describe('verification and malformed bodies', () => {
  it.each([
    ['a wrong token', 'not-the-token'],
    ['no token', null],
  ])('%s: WebhookVerificationError before the body is read, without the token in it', async (_name, token) => {
    const error = await rejectionOf(makeProvider().parseWebhook(deliver('{not json', undefined, token)));
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expectNoSecrets(error);
  });

  it('a handler answers 401 and emits nothing', async () => {
    const handler = createWebhookHandler(makeProvider());
    const events: unknown[] = [];
    handler.on('message', (event) => events.push(event));
    handler.on('error', () => undefined);
    const outcome = await handler.handle(deliver(inBoundWrapperSample(), undefined, 'wrong'));
    expect(outcome.status).toBe(401);
    expect(events).toHaveLength(0);
  });

  it('no verifyToken configured: nothing is accepted (ConfigurationError naming it, answered 500)', async () => {
    const unconfigured = makeProvider({ verifyToken: undefined });
    const error = await rejectionOf(unconfigured.parseWebhook(deliver(inBoundWrapperSample())));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'configuration_invalid', field: 'verifyToken', provider: 'messaging-api' });
    expect((error as Error).message).toContain('allowUnauthenticatedWebhooks');
    const outcome = await createWebhookHandler(unconfigured, { dedupe: false }).handle(deliver(inBoundWrapperSample()));
    expect(outcome).toMatchObject({ status: 500, events: [], error: { code: 'configuration_invalid' } });
    expect(unconfigured.capabilities.features).not.toContain('webhooks.verify');
    expect(makeProvider().capabilities.features).toContain('webhooks.verify');
  });

  it('allowUnauthenticatedWebhooks: true accepts deliveries without a token, and then does not declare webhooks.verify', async () => {
    const open = makeProvider({ verifyToken: undefined, allowUnauthenticatedWebhooks: true });
    const { events } = await open.parseWebhook(deliver(inBoundWrapperSample(), undefined, null));
    expect(events.map((e) => e.type)).toEqual(['message', 'status', 'provider_event', 'provider_event']);
    expect(open.capabilities.features).not.toContain('webhooks.verify');
  });

  it('a configured verifyToken is still checked when allowUnauthenticatedWebhooks is also set', async () => {
    const both = makeProvider({ allowUnauthenticatedWebhooks: true });
    expect(await rejectionOf(both.parseWebhook(deliver(inBoundWrapperSample(), undefined, null)))).toBeInstanceOf(WebhookVerificationError);
  });

  it.each([
    ['not JSON', '{"messages": ['],
    ['a JSON array', '[]'],
    ['a JSON string', '"hello"'],
  ])('%s: WebhookPayloadError', async (_name, body) => {
    await expect(makeProvider().parseWebhook(deliver(body))).rejects.toBeInstanceOf(WebhookPayloadError);
  });

  it.each([
    ['a message without id', 'messages.0.id', { messages: [{ from: 905551112233, type: 'text' }] }],
    ['a status without status', 'statuses.0.status', { statuses: [{ id: 'm1' }] }],
    ['an action without code', 'actions.0.actionCode', { actions: [{}] }],
    ['a timestamp that is not one', 'messages.0.timestamp', { messages: [{ id: 'm', from: 1, timestamp: 'yesterday' }] }],
    [
      'a message with an empty id',
      'messages.1.id',
      {
        messages: [
          { id: 'm1', from: 905551112233 },
          { id: '', from: 905551112233 },
        ],
      },
    ],
    ['a message with a blank id (one object)', 'messages.id', { messages: { id: '  ', from: 905551112233 } }],
    ['a status with an empty id', 'statuses.0.id', { statuses: [{ id: '', status: 'DLVRD' }] }],
  ])('%s: WebhookPayloadError naming %s', async (_name, path, body) => {
    const error = await rejectionOf(parse(body));
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect((error as WebhookPayloadError).field).toBe(path);
    expect((error as Error).message).toContain(path);
  });

  it('two messages with empty ids: the delivery is refused, neither is emitted nor de-duplicated', async () => {
    const handler = createWebhookHandler(makeProvider());
    const events: unknown[] = [];
    handler.on('message', (event) => events.push(event));
    handler.on('error', () => undefined);
    const first = await handler.handle(deliver({ messages: [{ id: '', from: 905551112233, text: 'first' }] }));
    const second = await handler.handle(deliver({ messages: [{ id: '', from: 905551112233, text: 'second' }] }));
    expect([first.status, second.status]).toEqual([400, 400]);
    expect(events).toEqual([]);
  });
});

describe('vendor words are looked up as own keys only', () => {
  it.each(['constructor', '__proto__', 'toString', 'CONSTRUCTOR', '__PROTO__', 'hasOwnProperty'])('a status "%s" is an unknown_status event', async (word) => {
    const { events } = await parse({ statuses: [{ id: 'm9', status: word }] });
    expect(events).toMatchObject([{ type: 'provider_event', kind: 'unknown_status', id: `m9:${word}`, payload: { messageId: 'm9', vendorStatus: word } }]);
  });

  it('a session event with an empty eventId is kept without a de-duplication id', async () => {
    const { events } = await parse({ events: [{ eventId: '', eventCode: 'SESSION_ROUTED' }] });
    expect(events).toHaveLength(1);
    expect(events[0] && 'id' in events[0]).toBe(false);
  });
});

import nock from 'nock';
import type { ValidationError, Template } from '@wamux/core';
import type { OutBoundMsg } from '@wamux/messaging-api';
import {
  apiResponse,
  chatMessageSample,
  clientAppSample,
  companyVarSample,
  compactResponse,
  hsmTemplateSample,
  inBoundContactSample,
  inBoundEventSample,
  msgChannelSample,
  outBoundMsgParts as parts,
  receiptSample,
  requestSamples,
} from './fixtures/document-samples';
import { AUTH_HEADERS, BASE, CHANNEL_ID, collect, makeProvider, rejectionOf } from './helpers';
import { useNock } from '../../../test-support/use-nock';

useNock();

const api = () => nock(BASE, { reqheaders: AUTH_HEADERS });

describe('config', () => {
  it('listChannels: GET /api/v1/config/channels with both headers; lane numbers read as strings', async () => {
    const scope = api()
      .get('/api/v1/config/channels')
      .reply(200, compactResponse([msgChannelSample()]));
    const channels = await makeProvider().config.listChannels();
    scope.done();
    expect(channels).toEqual([{ channelId: 'wa360:918828218374', contactType: 'WHATSAPP', lane: '919999998888', name: 'Customer Support' }]);
  });

  it('listChannels({ sandbox }): sends the flag under both spellings (sandbox, the prose; sabdnox, the table)', async () => {
    const scope = api().get('/api/v1/config/channels').query({ sandbox: 'true', sabdnox: 'true' }).reply(200, compactResponse([]));
    await expect(makeProvider().config.listChannels({ sandbox: true })).resolves.toEqual([]);
    scope.done();
  });

  it('sends no x-api-id when none is configured', async () => {
    const scope = nock(BASE, { badheaders: ['x-api-id'], reqheaders: { 'x-api-key': AUTH_HEADERS['x-api-key'] } })
      .get('/api/v1/config/channels')
      .reply(200, compactResponse([]));
    await makeProvider({ apiId: undefined }).config.listChannels();
    scope.done();
  });

  it('globalVars: GET /api/v1/config/global/vars?channelId=', async () => {
    const scope = api().get('/api/v1/config/global/vars').query({ channelId: CHANNEL_ID }).reply(200, apiResponse(companyVarSample()));
    const vars = await makeProvider().config.globalVars({ channelId: CHANNEL_ID });
    scope.done();
    expect(vars).toEqual([companyVarSample()]);
  });

  it('listTemplates: GET /api/v1/config/tmpl/hsm?channelId=&channelStatus=, the sample template parsed', async () => {
    const scope = api().get('/api/v1/config/tmpl/hsm').query({ channelId: CHANNEL_ID, channelStatus: 'APPROVED' }).reply(200, apiResponse(hsmTemplateSample()));
    const [doc] = await makeProvider().config.listTemplates({ channelId: CHANNEL_ID, channelStatus: 'APPROVED' });
    scope.done();
    expect(doc).toMatchObject({ code: 'string', lang: 'string', approved: [{ channelId: 'string', status: 'string' }], createdStamp: new Date(0) });
    expect(doc?.attachments[0]).toMatchObject({ mediaType: 'IMAGE', mediaName: 'TransactionReceipt.pdf' });
  });

  it('setWebhook: POST /api/v1/config/webhook { url }, answering the client app', async () => {
    const scope = api().post('/api/v1/config/webhook', { url: 'https://app.example.com/hooks/messaging' }).reply(200, apiResponse(clientAppSample()));
    const app = await makeProvider().config.setWebhook({ url: 'https://app.example.com/hooks/messaging' });
    scope.done();
    expect(app).toMatchObject({ id: 'string', webhook: 'string', agentApp: true });
  });

  it('setWebhook: accepts 201 Created with an empty body', async () => {
    api().post('/api/v1/config/webhook').reply(201);
    await expect(makeProvider().config.setWebhook({ url: 'https://app.example.com/h' })).resolves.toBeUndefined();
  });

  it("setWebhook: refuses the sample's empty URL and plain http (unless allowed)", async () => {
    const empty = await rejectionOf(makeProvider().config.setWebhook(requestSamples.webhook));
    expect((empty as ValidationError).field).toBe('request.url');
    const insecure = await rejectionOf(makeProvider().config.setWebhook({ url: 'http://app.example.com/h' }));
    expect((insecure as ValidationError).message).toMatch(/https/);
    api().post('/api/v1/config/webhook', { url: 'http://127.0.0.1:8080/h' }).reply(200, apiResponse(clientAppSample()));
    await expect(makeProvider({ allowInsecureHttp: true }).config.setWebhook({ url: 'http://127.0.0.1:8080/h' })).resolves.toBeDefined();
  });
});

describe('listTemplates(): HSM templates in the normalized model', () => {
  const doc = {
    id: '60d236c6142e53561cb7716c',
    code: 'FEEDBACK',
    name: 'Feedback request',
    lang: 'en_US',
    category: 'UTILITY',
    header: 'Hi {{name}}',
    body: 'Your order {{1}} costs {{amount}} {{currency}}',
    footer: 'Reply STOP to opt out',
    approved: [
      { channelId: 'wa360:other', status: 'PENDING', templateId: 'x' },
      { channelId: CHANNEL_ID, status: 'APPROVED', templateId: 'y' },
    ],
    options: {
      buttons: [
        { name: 'yes', label: 'Yes', type: 'QUICK_REPLY' },
        { name: 'site', label: 'Visit', type: 'URL', url: 'https://example.com' },
      ],
    },
  };

  it('name is the code; status is the approval on the configured channel; variables from header and body', async () => {
    api().get('/api/v1/config/tmpl/hsm').reply(200, apiResponse(doc));
    const templates: Template[] = [];
    for await (const template of makeProvider().listTemplates()) templates.push(template);
    expect(templates).toEqual([
      {
        id: '60d236c6142e53561cb7716c',
        name: 'FEEDBACK',
        language: 'en_US',
        status: 'approved',
        vendorStatus: 'APPROVED',
        category: 'UTILITY',
        header: { format: 'text', text: 'Hi {{name}}' },
        body: 'Your order {{1}} costs {{amount}} {{currency}}',
        footer: 'Reply STOP to opt out',
        buttons: [
          { type: 'quick_reply', text: 'Yes' },
          { type: 'url', text: 'Visit', url: 'https://example.com' },
        ],
        variables: [
          { key: 'name', component: 'header', name: 'name' },
          { key: 'body-1', component: 'body', index: 1 },
          { key: 'amount', component: 'body', name: 'amount' },
          { key: 'currency', component: 'body', name: 'currency' },
        ],
        raw: expect.objectContaining({ code: 'FEEDBACK' }),
      },
    ]);
  });

  it('the sample template: an image header from its attachment when it has no header text; unknown status', async () => {
    api()
      .get('/api/v1/config/tmpl/hsm')
      .reply(200, apiResponse({ ...hsmTemplateSample(), header: '' }));
    const [template] = await collect(makeProvider().listTemplates());
    expect(template).toMatchObject({ name: 'string', status: 'unknown', vendorStatus: 'string', header: { format: 'image' } });
  });

  it('honours limit, skips docs with no code, name or id, and retries the read after a 500', async () => {
    api().get('/api/v1/config/tmpl/hsm').reply(500);
    api()
      .get('/api/v1/config/tmpl/hsm')
      .reply(200, compactResponse([{ body: 'nameless' }, { ...doc, code: 'A' }, { ...doc, code: 'B' }]));
    const names = (await collect(makeProvider().listTemplates({ limit: 1 }))).map((t) => t.name);
    expect(names).toEqual(['A']);
  });
});

describe('contacts', () => {
  it('setLanguage: POST /api/v1/contact/prefs/lang with the sample body', async () => {
    const scope = api()
      .post('/api/v1/contact/prefs/lang', requestSamples.contactPrefs)
      .reply(200, compactResponse([inBoundEventSample()]));
    const events = await makeProvider().contacts.setLanguage(requestSamples.contactPrefs);
    scope.done();
    expect(events[0]).toMatchObject({ eventCode: 'SESSION_ROUTED', sessionRouted: { sessionStart: true }, session: { sessionStamp: new Date(0) } });
  });

  it('setLanguage: refuses a missing lang', async () => {
    const error = await rejectionOf(makeProvider().contacts.setLanguage({ contactId: 'fb:1' } as never));
    expect((error as ValidationError).field).toBe('request.lang');
  });

  it("answerInfo: {} without a callback; the callback's update validated, numbers as strings", async () => {
    await expect(makeProvider().contacts.answerInfo(inBoundContactSample())).resolves.toEqual({});
    const provider = makeProvider({
      onContactInfo: ({ contact, phone }) => ({
        name: `${contact.profile?.name} (VIP)`,
        mobile: Number(phone?.slice(1)),
        labels: [{ key: 'tier', value: 'Platinum', type: 'TEXT' }],
      }),
    });
    await expect(provider.contacts.answerInfo(inBoundContactSample())).resolves.toEqual({
      name: 'John Doe (VIP)',
      mobile: '919988776655',
      labels: [{ key: 'tier', value: 'Platinum', type: 'TEXT' }],
    });
    const bad = makeProvider({ onContactInfo: () => ({ email: 'not-an-email' }) });
    const error = await rejectionOf(bad.contacts.answerInfo(inBoundContactSample()));
    expect((error as ValidationError).field).toBe('contactInfo.email');
  });
});

describe('analytics', () => {
  it('pushData: POST /api/v1/data/push with the sample body', async () => {
    const scope = api().post('/api/v1/data/push', requestSamples.dataPush).reply(200, apiResponse(requestSamples.dataPush));
    await expect(makeProvider().analytics.pushData(requestSamples.dataPush)).resolves.toMatchObject({ id: 'string', type: 'string' });
    scope.done();
  });

  it('pushData: sends data {} and links [] when left out (the document requires them)', async () => {
    const scope = api().post('/api/v1/data/push', { id: 'cust-1', type: 'customer', data: {}, links: [] }).reply(200, apiResponse(undefined));
    await expect(makeProvider().analytics.pushData({ id: 'cust-1', type: 'customer' })).resolves.toBeUndefined();
    scope.done();
  });

  it('pushEvent: POST /api/v1/event/push with the sample body (its numeric id sent as given)', async () => {
    const scope = api().post('/api/v1/event/push', requestSamples.eventPush).reply(200, apiResponse(requestSamples.eventPush));
    await expect(makeProvider().analytics.pushEvent(requestSamples.eventPush)).resolves.toMatchObject({ id: '1234567', eventName: 'CUSTOMER_CREATED' });
    scope.done();
  });

  it('pushEvent: refuses an incomplete link', async () => {
    const error = await rejectionOf(makeProvider().analytics.pushEvent({ eventName: 'X', id: 'e1', links: [{ linkName: 'a', linkType: 'b' } as never] }));
    expect((error as ValidationError).field).toBe('event.links.0.linkValue');
  });
});

describe('sessions', () => {
  it.each([
    ['close', '/api/v1/session/close'],
    ['resolve', '/api/v1/session/resolve'],
  ] as const)('%s: POST %s { sessionId }', async (operation, path) => {
    const scope = api()
      .post(path, requestSamples.session)
      .reply(200, compactResponse([inBoundEventSample()]));
    await expect(makeProvider().sessions[operation](requestSamples.session)).resolves.toHaveLength(1);
    scope.done();
  });

  it('messages: POST /api/v1/session/messages, the history items parsed', async () => {
    const scope = api()
      .post('/api/v1/session/messages', requestSamples.session)
      .reply(200, compactResponse([chatMessageSample()]));
    const [message] = await makeProvider().sessions.messages(requestSamples.session);
    scope.done();
    expect(message).toMatchObject({ messageId: 'string', text: 'string', contact: { phone: '919876543210' }, timestamp: new Date(0) });
  });

  it('messages is a read: repeated after a 500; close is not', async () => {
    api().post('/api/v1/session/messages').reply(500);
    api().post('/api/v1/session/messages').reply(200, compactResponse([]));
    await expect(makeProvider().sessions.messages(requestSamples.session)).resolves.toEqual([]);
    const close = api().post('/api/v1/session/close').reply(500);
    api().post('/api/v1/session/close').reply(200, compactResponse([]));
    await expect(makeProvider().sessions.close(requestSamples.session)).rejects.toMatchObject({ code: 'provider_error', status: 500 });
    expect(close.isDone()).toBe(true);
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('route: POST /api/v1/session/routing with the sample body; params default to {}', async () => {
    const scope = api()
      .post('/api/v1/session/routing', requestSamples.routing)
      .reply(200, compactResponse([inBoundEventSample()]));
    await makeProvider().sessions.route(requestSamples.routing);
    const minimal = api().post('/api/v1/session/routing', { sessionId: 's1', queue: 'sales', params: {} }).reply(200, compactResponse([]));
    await makeProvider().sessions.route({ sessionId: 's1', queue: 'sales' });
    scope.done();
    minimal.done();
  });

  it('route: refuses a missing queue; close refuses an empty session id', async () => {
    expect(((await rejectionOf(makeProvider().sessions.route({ sessionId: 's1' } as never))) as ValidationError).field).toBe('request.queue');
    expect(((await rejectionOf(makeProvider().sessions.close({ sessionId: '' }))) as ValidationError).field).toBe('request.sessionId');
  });
});

describe('messages.send(): the vendor format, every type and recipient form', () => {
  const send = (message: OutBoundMsg, body: Record<string, unknown>) => {
    const scope = api()
      .post('/api/v1/message/send', body as nock.DataMatcherMap)
      .reply(200, apiResponse(receiptSample()));
    return makeProvider()
      .messages.send(message)
      .then((result) => {
        scope.done();
        return result;
      });
  };

  it('text with the sample options, recipient, resend id, mask and channel, as given', async () => {
    const message = {
      type: 'text',
      channelId: parts.channelId,
      to: parts.to,
      mask: true,
      messageIdResend: parts.messageIdResend,
      text: parts.text,
      options: parts.options,
    } as const;
    const result = await send(message, message);
    expect(result.receipt).toEqual(receiptSample());
    expect(result.id).toBe('gBEGkYiEB1VXAglK1ZEqA1YKPrU');
  });

  it("the provider's channel and mask false when left out; a list scheme", async () => {
    const options = { buttonDisplayScheme: 'list' as const, buttons: [{ name: 'a', code: 'a', label: 'A', desc: 'first' }] };
    await send(
      { type: 'text', to: { contactId: 'wa919988776655_918828218374' }, text: parts.text, options },
      { type: 'text', channelId: CHANNEL_ID, mask: false, to: { contactId: 'wa919988776655_918828218374' }, text: parts.text, options },
    );
  });

  it.each(['image', 'video', 'audio', 'document'] as const)('%s with the sample media object', async (type) => {
    const message = { type, channelId: parts.channelId, to: { phone: '919988776655' }, [type]: parts.media } as unknown as OutBoundMsg;
    await send(message, { ...message, mask: false });
  });

  it('voice: the media in audio', async () => {
    const message: OutBoundMsg = { type: 'voice', to: { phone: '919988776655' }, audio: { link: parts.media.link } };
    await send(message, { ...message, channelId: CHANNEL_ID, mask: false });
  });

  it('location, contacts (the sample card, numbers as given) and template (the sample, with linked)', async () => {
    const to = { email: 'john@example.com', name: 'John' };
    for (const message of [
      { type: 'location', to, location: parts.location },
      { type: 'contacts', to, contacts: [parts.contactCard] },
      { type: 'template', to, template: parts.template },
      { type: 'optin', to },
    ] as OutBoundMsg[]) {
      await send(message, { ...message, channelId: CHANNEL_ID, mask: false });
    }
  });

  it('refuses what the vendor cannot take: no recipient, no content, unknown fields, a template without code or id', async () => {
    const field = async (message: unknown) => ((await rejectionOf(makeProvider().messages.send(message as OutBoundMsg))) as ValidationError).field;
    expect(await field({ type: 'text', to: { name: 'John' }, text: { body: 'hi' } })).toBe('message.to');
    expect(await field({ type: 'text', to: { phone: '1' } })).toBe('message.text');
    expect(await field({ type: 'text', to: { phone: '1' }, text: { body: 'hi' }, previewUrl: true })).toBe('message.previewUrl');
    expect(await field({ type: 'template', to: { phone: '1' }, template: { lang: 'en' } })).toBe('message.template');
    expect(await field({ type: 'image', to: { phone: '1' }, image: { link: 'http(s)://the-url' } })).toBe('message.image.link');
    expect(await field({ type: 'sticker', to: { phone: '1' } })).toBe('message.type');
  });
});

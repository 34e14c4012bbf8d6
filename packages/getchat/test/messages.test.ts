import nock from 'nock';
import { useNock } from '../../../test-support/use-nock';
import { NotFoundError, ValidationError, webhookRequest } from '@wamux/core/adapter';
import { createGetchatProvider } from '../src';
import { listMessagesVideoResult } from './fixtures/document-webhooks';

const ORIGIN = 'https://acme.inbox.getchat.360dialog.io';
const TOKEN = '8aeb44f5a318542d32bb13019d68198467ee21f0';
const auth = { reqheaders: { authorization: `Token ${TOKEN}` } };

// Its webhooks are only a source of what markRead needs here: accepted without authentication.
const provider = createGetchatProvider({ stack: 'acme', token: TOKEN, retry: false, rateLimit: false, allowUnauthenticatedWebhooks: true });
const ops = provider;

useNock({ loopback: true });

const page = (results: unknown[], next: string | null = null) => ({ count: results.length, next, previous: null, results });

describe('messages namespace (Messages section)', () => {
  it("create: WhatsApp's own format under the type's key, as the document's curl example", async () => {
    const scope = nock(ORIGIN, auth)
      .post('/api/v1/messages/', { wa_id: '48123456789', type: 'text', text: { body: 'Hello!' } })
      .reply(201, {
        reason: 'Message is saved and will be sent as soon as other messages currently pending for this user are delivered.',
        id: '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0',
      });
    await expect(ops.messages.create({ waId: '48123456789', type: 'text', content: { body: 'Hello!' } })).resolves.toEqual({
      getchatId: '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0',
      reason: 'Message is saved and will be sent as soon as other messages currently pending for this user are delivered.',
      whatsappMessageId: undefined,
    });
    scope.done();
  });

  it("create: a contacts array, a reply and a preview flag; an object that is not the type's is refused before I/O", async () => {
    const scope = nock(ORIGIN)
      .post('/api/v1/messages/', {
        wa_id: '48123456789',
        type: 'contacts',
        contacts: [{ name: { formatted_name: 'Ada' } }],
        context: { message_id: 'wamid.q' },
      })
      .reply(201, { id: 'gc-2' });
    await ops.messages.create({ waId: '+48123456789', type: 'contacts', content: [{ name: { formatted_name: 'Ada' } }], replyTo: 'wamid.q' });
    scope.done();
    const error = await ops.messages.create({ waId: '48123456789', type: 'image', content: { caption: 'no media' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('input.content');
  });

  it('list: every documented filter on the query, limit/offset paging through {count, next, previous, results}', async () => {
    const first = nock(ORIGIN, auth)
      .get('/api/v1/messages/')
      .query({
        wa_id: '48123123123',
        chat_tag_id: '4',
        search: 'invoice',
        assigned_to_me: 'true',
        assigned_group: '2',
        from_us: 'false',
        mark_as_received: '1',
        since_time: '1612500000',
        before_time: '1612600000',
        limit: '1',
      })
      .reply(200, {
        count: 2,
        next: 'http://{YOUR_STACK_NAME}.inbox.getchat.360dialog.io/api/v1/messages/?wa_id=48123123123/&limit=1&offset=1',
        previous: null,
        results: [listMessagesVideoResult],
      });
    const second = nock(ORIGIN, auth)
      .get('/api/v1/messages/')
      .query((query) => query.offset === '1' && query.wa_id === '48123123123')
      .reply(200, page([{ ...listMessagesVideoResult, waba_payload: { ...listMessagesVideoResult.waba_payload, id: 'second' } }]));
    const messages = [];
    for await (const message of ops.messages.list({
      waId: '+48123123123',
      chatTagId: 4,
      search: 'invoice',
      assignedToMe: true,
      assignedGroup: 2,
      fromUs: false,
      markAsReceived: true,
      sinceTime: new Date(1612500000 * 1000),
      beforeTime: 1612600000,
      pageSize: 1,
    }))
      messages.push(message);
    first.done();
    second.done();
    expect(messages[0]).toMatchObject({
      whatsappMessageId: 'ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh',
      customerWaId: '48123123123',
      fromUs: false,
      received: false,
      type: 'video',
      timestamp: new Date(1612544982 * 1000),
      content: { type: 'video', media: { id: '20854d67-189e-4e78-a8ac-123sdf234ad', mimeType: 'video/mp4' } },
    });
    expect(messages.map((m) => m.whatsappMessageId)).toEqual(['ABGGSFEBeRJ_AhD8o8zP9ulNeUPgdKvfzvgh', 'second']);
  });

  it('list: refuses an unknown filter and a bad value, naming it', async () => {
    const unknown = await (async () => ops.messages.list({ wa: '1' } as never).next())().catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ValidationError);
    const bad = await (async () => ops.messages.list({ chatTagId: -1 }).next())().catch((e: unknown) => e);
    expect((bad as ValidationError).field).toBe('options.chatTagId');
  });

  it('history: before_time from the second page on, never a bare offset', async () => {
    const message = (id: string, timestamp: number) => ({
      id,
      waba_payload: { id: `wamid.${id}`, from: '48123123123', timestamp: String(timestamp), type: 'text', text: { body: id } },
      from_us: false,
    });
    nock(ORIGIN, auth)
      .get('/api/v1/messages/')
      .query({ wa_id: '48123123123', limit: '2' })
      .reply(200, page([message('a', 1700000005), message('b', 1700000003)], 'next'));
    nock(ORIGIN, auth)
      .get('/api/v1/messages/')
      .query({ wa_id: '48123123123', limit: '2', before_time: '1700000004', offset: '1' })
      .reply(200, page([message('c', 1700000001)]));
    const ids = [];
    for await (const m of ops.messages.history({ waId: '48123123123', pageSize: 2 })) ids.push(m.getchatId);
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('retrieve: GET /messages/{id}/ (an inferred path); 404 is NotFoundError', async () => {
    nock(ORIGIN, auth)
      .get('/api/v1/messages/gc-1/')
      .reply(200, { id: 'gc-1', ...listMessagesVideoResult });
    await expect(ops.messages.retrieve('gc-1')).resolves.toMatchObject({ getchatId: 'gc-1', type: 'video' });
    nock(ORIGIN).get('/api/v1/messages/nope/').reply(404, { detail: 'Not found.' });
    await expect(ops.messages.retrieve('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('markAsReceived: POST /mark_as_received/ {timestamp, customer_wa_id}', async () => {
    const scope = nock(ORIGIN, auth).post('/api/v1/mark_as_received/', { timestamp: 1612544982, customer_wa_id: '48123123123' }).reply(200, {});
    await ops.messages.markAsReceived({ customerWaId: '+48123123123', timestamp: new Date(1612544982 * 1000) });
    scope.done();
  });
});

describe('markRead: marks the chat as received up to the message', () => {
  it('uses what a webhook said about the message: one request', async () => {
    await provider.parseWebhook(
      webhookRequest({ body: { messages: [{ from: '48123123123', id: 'wamid.seen', timestamp: '1612544982', type: 'text', text: { body: 'hi' } }] } }),
    );
    const scope = nock(ORIGIN).post('/api/v1/mark_as_received/', { timestamp: 1612544982, customer_wa_id: '48123123123' }).reply(200, {});
    await provider.markRead('wamid.seen');
    scope.done();
  });

  it('looks an unknown message up first', async () => {
    nock(ORIGIN).get('/api/v1/messages/wamid.unknown/').reply(200, listMessagesVideoResult);
    const scope = nock(ORIGIN).post('/api/v1/mark_as_received/', { timestamp: 1612544982, customer_wa_id: '48123123123' }).reply(200, {});
    await provider.markRead('wamid.unknown');
    scope.done();
  });
});

describe('media namespace (Media Files section)', () => {
  it('download: GET /media/{id} with mime_type_type / mime_type_subtype; content type and filename from the headers', async () => {
    nock(ORIGIN, auth)
      .get('/api/v1/media/497f6eca-6276-4993-bfeb-53cbbbba6f08')
      .query({ mime_type_type: 'image', mime_type_subtype: 'jpeg' })
      .reply(200, Buffer.from([0xff, 0xd8, 0xff]), { 'content-type': 'image/jpeg', 'content-disposition': 'attachment; filename="img.jpg"' });
    const media = await ops.media.download('497f6eca-6276-4993-bfeb-53cbbbba6f08', { mimeType: 'image/jpeg' });
    expect(media).toEqual({ data: new Uint8Array([0xff, 0xd8, 0xff]), mimeType: 'image/jpeg', filename: 'img.jpg' });
  });

  it('upload: returns the id and the file URL; downloadMedia() and uploadMedia() use the same calls', async () => {
    nock(ORIGIN, auth)
      .post('/api/v1/media/')
      .reply(201, { file: `${ORIGIN}/api/v1/media/m-1`, id: 'm-1' });
    await expect(provider.uploadMedia({ data: new Uint8Array([1]), filename: 'a.bin', mimeType: 'application/octet-stream' })).resolves.toEqual({
      id: 'm-1',
      raw: { id: 'm-1', url: `${ORIGIN}/api/v1/media/m-1` },
    });
    nock(ORIGIN)
      .get('/api/v1/media/m-1')
      .reply(200, Buffer.from([1]), { 'content-type': 'application/octet-stream' });
    await expect(provider.downloadMedia('m-1')).resolves.toMatchObject({ data: new Uint8Array([1]), mimeType: 'application/octet-stream' });
  });
});

describe('accounts namespace and listTemplates', () => {
  it('accounts.list: GET /whatsapp_accounts/ with this_instance', async () => {
    nock(ORIGIN, auth)
      .get('/api/v1/whatsapp_accounts/')
      .query({ this_instance: 'true' })
      .reply(200, page([{ phone_number: '48500500500', this_instance: true, extra: 1 }]));
    const accounts = [];
    for await (const account of ops.accounts.list({ thisInstance: true })) accounts.push(account);
    expect(accounts).toEqual([{ phoneNumber: '48500500500', thisInstance: true, raw: { phone_number: '48500500500', this_instance: true, extra: 1 } }]);
  });

  it("listTemplates: WhatsApp's template objects normalized, with their variables and buttons", async () => {
    nock(ORIGIN, auth)
      .get('/api/v1/templates/')
      .reply(
        200,
        page([
          {
            name: 'order_update',
            category: 'SHIPPING_UPDATE',
            language: 'en_US',
            status: 'APPROVED',
            namespace: 'ns',
            rejected_reason: null,
            components: [
              { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
              { type: 'BODY', text: 'Hello {{1}}, your order {{2}} is on its way' },
              { type: 'FOOTER', text: 'wamux' },
              {
                type: 'BUTTONS',
                buttons: [
                  { type: 'URL', text: 'Track', url: 'https://x.example/{{1}}' },
                  { type: 'QUICK_REPLY', text: 'Stop' },
                ],
              },
            ],
          },
          {
            name: 'photo',
            language: 'tr',
            status: 'REJECTED',
            components: [
              { type: 'HEADER', format: 'IMAGE' },
              { type: 'BODY', text: 'Bak' },
            ],
          },
        ]),
      );
    const templates = [];
    for await (const template of provider.listTemplates()) templates.push(template);
    expect(templates[0]).toMatchObject({
      name: 'order_update',
      language: 'en_US',
      status: 'approved',
      vendorStatus: 'APPROVED',
      category: 'SHIPPING_UPDATE',
      header: { format: 'text', text: 'Order {{1}}' },
      body: 'Hello {{1}}, your order {{2}} is on its way',
      footer: 'wamux',
      buttons: [
        { type: 'url', text: 'Track', url: 'https://x.example/{{1}}' },
        { type: 'quick_reply', text: 'Stop' },
      ],
      variables: [
        { key: 'header-1', component: 'header', index: 1 },
        { key: 'body-1', component: 'body', index: 1 },
        { key: 'body-2', component: 'body', index: 2 },
        { key: 'button-0', component: 'button', index: 0 },
      ],
    });
    expect(templates[1]).toMatchObject({ name: 'photo', status: 'rejected', header: { format: 'image' }, variables: [] });
  });
});

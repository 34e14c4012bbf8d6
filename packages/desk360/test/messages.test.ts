import nock from 'nock';
import { UnsupportedFeatureError, ValidationError } from '@wamux/core';
import { API_KEY, BASE, capture, caught, CONVERSATIONS, provider } from './helpers';
import { useNock } from '../../../test-support/use-nock';

const TO = '+905551112233';
const PNG = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));

useNock();

describe('Send WhatsApp Message (text)', () => {
  it('posts to and text as form fields with the Bearer key, and returns message_id', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages`), 200, { message_id: 'gBEGkFBXUQRnAgnoOJ1ESPKBwME' });
    const result = await provider().send({ type: 'text', to: TO, text: 'Hello!' });
    await api.settled();
    const [request] = api.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request?.form).toEqual({ to: TO, text: 'Hello!' });
    expect(result).toMatchObject({ id: 'gBEGkFBXUQRnAgnoOJ1ESPKBwME', raw: { message_id: 'gBEGkFBXUQRnAgnoOJ1ESPKBwME' } });
  });

  it('reads the rate limit headers of the response', async () => {
    nock(BASE).post(`${CONVERSATIONS}/messages`).reply(200, { message_id: 'm1' }, { 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '58' });
    const result = await provider().send({ type: 'text', to: TO, text: 'Hello!' });
    expect(result.rateLimit).toMatchObject({ limit: 60, remaining: 58 });
  });

  it('refuses a text over 4096 characters before any request, counting an emoji as one', async () => {
    const error = await caught(() => provider().send({ type: 'text', to: TO, text: 'x'.repeat(4097) }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('message.text');
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages`), 200, { message_id: 'm1' });
    await provider().send({ type: 'text', to: TO, text: '😀'.repeat(4096) });
    expect(api.requests).toHaveLength(1);
  });

  it('refuses to send without an integrationId, before any request', async () => {
    const error = await caught(() => provider({ integrationId: undefined }).send({ type: 'text', to: TO, text: 'x' }));
    expect(error).toMatchObject({ code: 'configuration_invalid', field: 'integrationId' });
  });

  it('messages.sendText validates its input with paths under input', async () => {
    const error = await caught(() => provider().messages.sendText({ to: '905551112233' as never, text: 'x' }));
    expect((error as ValidationError).field).toBe('input.to');
  });
});

describe('Send WhatsApp Location Message', () => {
  const example = { to: TO, location: { longitude: -122.425332, latitude: 37.758056, name: 'Facebook HQ', address: '1 Hacker Way, Menlo Park, CA 94025' } };

  it('posts the example JSON to /messages/locations (the examples path)', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/locations`), 200, { message_id: 'gBEGkFBXUQRnAgn3kXajlucbaso' });
    const result = await provider().send({
      type: 'location',
      to: TO,
      latitude: 37.758056,
      longitude: -122.425332,
      name: 'Facebook HQ',
      address: '1 Hacker Way, Menlo Park, CA 94025',
    });
    expect(api.requests[0]?.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(api.requests[0]?.text ?? '')).toEqual(example);
    expect(result.id).toBe('gBEGkFBXUQRnAgn3kXajlucbaso');
  });

  it('falls back once to /messages (the table path) when the examples path is not routed', async () => {
    nock(BASE)
      .post(`${CONVERSATIONS}/messages/locations`)
      .reply(404, { error: { code: 'not_found_exception', message: 'Not found', doc_url: 'https://docs.desk360.com/api' } });
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages`), 200, { message_id: 'm2' });
    const result = await provider().messages.sendLocation({
      to: TO,
      latitude: 37.758056,
      longitude: -122.425332,
      name: 'Facebook HQ',
      address: '1 Hacker Way, Menlo Park, CA 94025',
    });
    expect(JSON.parse(api.requests[0]?.text ?? '')).toEqual(example);
    expect(result.messageId).toBe('m2');
  });

  it('does not fall back on a 404 for a missing integration', async () => {
    nock(BASE)
      .post(`${CONVERSATIONS}/messages/locations`)
      .reply(404, { error: { code: 'model_not_found_exception', message: 'No integration' } });
    const error = await caught(() => provider().send({ type: 'location', to: TO, latitude: 1, longitude: 2, name: 'a', address: 'b' }));
    expect(error).toMatchObject({ code: 'not_found', vendorCode: 'model_not_found_exception' });
    expect(nock.pendingMocks()).toHaveLength(0);
  });

  it('requires the name and address Desk360 requires', async () => {
    const error = await caught(() => provider().send({ type: 'location', to: TO, latitude: 1, longitude: 2, address: 'b' }));
    expect((error as ValidationError).field).toBe('message.name');
  });
});

describe('Send WhatsApp Contact Message', () => {
  it('posts the document example JSON', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/contacts`), 200, { message_id: 'gBEGkFBXUQRnAgkCL1xSaIMoDz0' });
    await provider().send({
      type: 'contacts',
      to: TO,
      contacts: [
        {
          addresses: [{ city: 'Menlo Park', country: 'United States', countryCode: 'us', state: 'CA', street: '1 Hacker Way', type: 'HOME', zip: '94025' }],
          birthday: '2012-08-18',
          emails: [{ email: 'test@whatsapp.com', type: 'WORK' }],
          name: { first: 'John', formatted: 'John Smith', last: 'Smith' },
          org: { company: 'WhatsApp', department: 'Design', title: 'Manager' },
          phones: [{ phone: '+1 (650) 555-1234', type: 'WORK', waId: '16505551234' }],
          urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
        },
      ],
    });
    expect(JSON.parse(api.requests[0]?.text ?? '')).toEqual({
      to: TO,
      contacts: [
        {
          addresses: [{ city: 'Menlo Park', country: 'United States', country_code: 'us', state: 'CA', street: '1 Hacker Way', type: 'HOME', zip: '94025' }],
          birthday: '2012-08-18',
          emails: [{ email: 'test@whatsapp.com', type: 'WORK' }],
          name: { first_name: 'John', formatted_name: 'John Smith', last_name: 'Smith' },
          org: { company: 'WhatsApp', department: 'Design', title: 'Manager' },
          phones: [{ phone: '+1 (650) 555-1234', type: 'WORK', wa_id: '16505551234' }],
          urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
        },
      ],
    });
  });

  it('requires the first and last names Desk360 requires', async () => {
    const error = await caught(() => provider().send({ type: 'contacts', to: TO, contacts: [{ name: { formatted: 'Cher', first: 'Cher' } }] }));
    expect((error as ValidationError).field).toBe('message.contacts.0.name.last');
  });
});

describe('Send WhatsApp Media Message', () => {
  const response = {
    medias: {
      images: [
        {
          url: 'https://my-cdn.desk360.com/integrations/integrationId/attachments/bTARCYuscrcWU20t0dA8aesXufZKVuS0INd8rR5L.png',
          name: 'desk360.png',
          type: 'image',
          aws: true,
          content_type: 'image/png',
          message_id: 'gBEGkFBXUQRnAgkEg3us4YW8UJE',
          media_id: 'cae26b43-1463-44f5-9a81-f4119afbf6d9',
        },
      ],
    },
  };

  it('uploads bytes as multipart to and attachments[], and returns the message_id', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/medias`), 200, response);
    const result = await provider().send({ type: 'image', to: TO, media: { data: PNG, filename: 'desk360.png', mimeType: 'image/png' } });
    await api.settled();
    expect(api.requests[0]?.parts).toEqual([
      ['to', TO],
      ['attachments[]', { filename: 'desk360.png', mimeType: 'image/png', bytes: Buffer.from(PNG) }],
    ]);
    expect(result.id).toBe('gBEGkFBXUQRnAgkEg3us4YW8UJE');
  });

  it('refuses a caption (Desk360 has no field for it) before any request', async () => {
    const error = await caught(() =>
      provider().send({ type: 'image', to: TO, media: { data: PNG, filename: 'desk360.png', mimeType: 'image/png' }, caption: 'cannot be carried' }),
    );
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('downloads a { url } without Desk360 credentials, then uploads it', async () => {
    const cdn = capture(nock('https://cdn.example.test').get('/files/photo.png'), 200, Buffer.from(PNG), { 'content-type': 'image/png' });
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/medias`), 200, response);
    await provider().send({ type: 'image', to: TO, media: { url: 'https://cdn.example.test/files/photo.png' } });
    await api.settled();
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    expect(api.requests[0]?.form?.['attachments[]']).toEqual({ filename: 'photo.png', mimeType: 'image/png', bytes: Buffer.from(PNG) });
  });

  it('fetches an { id } from Desk360 media, then uploads it under the message filename', async () => {
    nock(BASE).get(`${CONVERSATIONS}/messages/medias/cae26b43`).reply(200, Buffer.from('%PDF-1.4'), { 'content-type': 'application/pdf' });
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/medias`), 200, { medias: { documents: { message_id: 'doc-1', media_id: 'x' } } });
    const result = await provider().send({ type: 'document', to: TO, media: { id: 'cae26b43' }, filename: 'invoice.pdf' });
    await api.settled();
    expect(api.requests[0]?.form?.['attachments[]']).toMatchObject({ filename: 'invoice.pdf', mimeType: 'application/pdf' });
    expect(result.id).toBe('doc-1');
  });

  it('refuses a file whose type is not the message type (Desk360 picks the type from the file)', async () => {
    const error = await caught(() => provider().send({ type: 'document', to: TO, media: { data: PNG, filename: 'a.png', mimeType: 'image/png' } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('message.media');
  });

  it('refuses a file over 20 MB before uploading it', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    const error = await caught(() => provider().send({ type: 'video', to: TO, media: { data: big, filename: 'a.mp4', mimeType: 'video/mp4' } }));
    expect((error as ValidationError).field).toBe('message.media');
  });

  it('messages.sendMedia sends up to 5 files and reports each message', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/medias`), 200, {
      medias: { images: [{ message_id: 'a', media_id: 'ma' }], documents: [{ message_id: 'b', media_id: 'mb' }] },
    });
    const file = { data: PNG, filename: 'a.png', mimeType: 'image/png' };
    const sent = await provider().messages.sendMedia({
      to: TO,
      attachments: [file, { data: Buffer.from('%PDF'), filename: 'b.pdf', mimeType: 'application/pdf' }],
    });
    await api.settled();
    expect(api.requests[0]?.parts?.filter(([key]) => key === 'attachments[]')).toHaveLength(2);
    expect(sent.messages.map((m) => [m.messageId, m.mediaId])).toEqual([
      ['a', 'ma'],
      ['b', 'mb'],
    ]);
    const error = await caught(() => provider().messages.sendMedia({ to: TO, attachments: Array.from({ length: 6 }, () => file) }));
    expect((error as ValidationError).field).toBe('input.attachments');
  });
});

describe('Send WhatsApp Interactive Message', () => {
  const buttons = [
    { id: 'ID 1.1', title: 'Button 1' },
    { id: 'ID 1.2', title: 'Button 2' },
    { id: 'ID 1.3', title: 'Button 3' },
  ];
  const link = 'https://fastly.picsum.photos/id/879/200/300.jpg?hmac=07llkorYxtpw0EwxaeqFKPC5woveWVLykQVnIOyiwd8';

  it('posts the document example JSON', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/interactive`), 200, { message_id: 'gBEGkFBXUQRnAglHuQTBEMHpUdo' });
    const result = await provider().send({
      type: 'interactive',
      to: TO,
      interactive: { kind: 'buttons', header: { type: 'image', media: { url: link } }, body: '<p>Hello</p>', footer: '<b>Bye</b>', buttons },
    });
    expect(JSON.parse(api.requests[0]?.text ?? '')).toEqual({
      to: TO,
      header: { type: 'image', image: { link } },
      body: '<p>Hello</p>',
      footer: { text: '<b>Bye</b>' },
      buttons,
    });
    expect(result.id).toBe('gBEGkFBXUQRnAglHuQTBEMHpUdo');
  });

  it('sends text and document headers in their documented fields', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/interactive`).times(2), 200, { message_id: 'm' });
    await provider().messages.sendInteractive({ to: TO, body: 'b', buttons, header: { type: 'text', text: 'Header' } });
    await provider().send({
      type: 'interactive',
      to: TO,
      interactive: { kind: 'buttons', body: 'b', buttons, header: { type: 'document', media: { url: 'https://x.test/a.pdf' }, filename: 'a.pdf' } },
    });
    expect(JSON.parse(api.requests[0]?.text ?? '').header).toEqual({ type: 'text', text: 'Header' });
    expect(JSON.parse(api.requests[1]?.text ?? '').header).toEqual({ type: 'document', document: { link: 'https://x.test/a.pdf', filename: 'a.pdf' } });
  });

  it.each([
    ['body over 1024', { body: 'x'.repeat(1025) }, 'message.interactive.body'],
    ['footer over 60', { footer: 'x'.repeat(61) }, 'message.interactive.footer'],
    ['header text over 60', { header: { type: 'text', text: 'x'.repeat(61) } }, 'message.interactive.header.text'],
    ['11 buttons', { buttons: Array.from({ length: 11 }, (_, i) => ({ id: `b${i}`, title: `B${i}` })) }, 'message.interactive.buttons'],
    [
      'a title over 20',
      {
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'x'.repeat(21) },
        ],
      },
      'message.interactive.buttons.1.title',
    ],
    ['an id over 200', { buttons: [{ id: 'x'.repeat(201), title: 'A' }] }, 'message.interactive.buttons.0.id'],
    [
      'repeated titles',
      {
        buttons: [
          { id: 'a', title: 'Yes' },
          { id: 'b', title: 'No' },
          { id: 'c', title: 'Yes' },
        ],
      },
      'message.interactive.buttons.2.title',
    ],
  ])('refuses %s with a ValidationError naming the field, before any request', async (_what, change, field) => {
    const error = await caught(() =>
      provider().send({ type: 'interactive', to: TO, interactive: { kind: 'buttons', body: 'b', buttons: [{ id: 'a', title: 'A' }], ...change } as never }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  });

  it('refuses header media that is not a link (Desk360 takes header.image.link)', async () => {
    const error = await caught(() =>
      provider().send({
        type: 'interactive',
        to: TO,
        interactive: {
          kind: 'buttons',
          body: 'b',
          buttons: [{ id: 'a', title: 'A' }],
          header: { type: 'image', media: { data: PNG, filename: 'a.png', mimeType: 'image/png' } },
        },
      }),
    );
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
  });

  it('refuses list messages (not in Desk360) before any request', async () => {
    const error = await caught(() =>
      provider().send({
        type: 'interactive',
        to: TO,
        interactive: { kind: 'list', body: 'b', buttonText: 'Pick', sections: [{ rows: [{ id: 'r', title: 'R' }] }] },
      }),
    );
    expect(error).toBeInstanceOf(UnsupportedFeatureError);
  });
});

describe('Send WhatsApp Location Request Interactive Message', () => {
  it('posts the document example JSON', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/interactive/location-request`), 200, { message_id: 'gBEGkFBXUQRnAgn6gWf5CzaF6Ko' });
    const result = await provider().send({ type: 'interactive', to: TO, interactive: { kind: 'location_request', body: '<i>Send Location</i>' } });
    expect(JSON.parse(api.requests[0]?.text ?? '')).toEqual({ to: TO, body: '<i>Send Location</i>' });
    expect(result.id).toBe('gBEGkFBXUQRnAgn6gWf5CzaF6Ko');
    const error = await caught(() => provider().messages.sendLocationRequest({ to: TO, body: 'x'.repeat(1025) }));
    expect((error as ValidationError).field).toBe('input.body');
  });
});

describe('Read WhatsApp Message', () => {
  it('posts to and message_ids[] as form fields, like the example', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/reads`), 200, {
      message_ids: ['gBEGkFBXUQRnAgn6gWf5CzaF6Ko', 'gBEGkFBXUQRnAglHuQTBEMHpUdo'],
    });
    const result = await provider().messages.markRead({ to: TO, messageIds: ['gBEGkFBXUQRnAgn6gWf5CzaF6Ko', 'gBEGkFBXUQRnAglHuQTBEMHpUdo'] });
    await api.settled();
    expect(api.requests[0]?.parts).toEqual([
      ['to', TO],
      ['message_ids[]', 'gBEGkFBXUQRnAgn6gWf5CzaF6Ko'],
      ['message_ids[]', 'gBEGkFBXUQRnAglHuQTBEMHpUdo'],
    ]);
    expect(result.messageIds).toHaveLength(2);
  });

  it('markRead(id) sends the sender learned from the webhook, or none (the older form) when unknown', async () => {
    const desk360 = provider({ allowUnauthenticatedWebhooks: true });
    await desk360.parseWebhook({
      method: 'POST',
      url: 'https://app.test/hooks',
      headers: {},
      body: JSON.stringify({ messages: { id: 'ABEG1', text: 'Hi', from: '905551119988', timestamp: '1630913975', type: 'text' } }),
    });
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/messages/reads`).times(2), 200, { message_ids: [] });
    await desk360.markRead('ABEG1');
    await desk360.markRead('ABEG-unknown');
    await api.settled();
    expect(api.requests[0]?.parts).toEqual([
      ['to', '+905551119988'],
      ['message_ids[]', 'ABEG1'],
    ]);
    expect(api.requests[1]?.parts).toEqual([['message_ids[]', 'ABEG-unknown']]);
  });
});

describe('Get WhatsApp Media', () => {
  it('returns the bytes, content type and filename', async () => {
    nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
      .get(`${CONVERSATIONS}/messages/medias/83518734-56a9-4b51-8372-93f1432cfa9b`)
      .reply(200, Buffer.from(PNG), { 'content-type': 'image/jpeg', 'content-disposition': 'attachment; filename="photo.jpeg"' });
    const media = await provider().downloadMedia('83518734-56a9-4b51-8372-93f1432cfa9b');
    expect(Buffer.from(media.data).equals(Buffer.from(PNG))).toBe(true);
    expect(media).toMatchObject({ mimeType: 'image/jpeg', filename: 'photo.jpeg' });
  });

  it('also reads a JSON file object ({fileObject}) and fetches its url', async () => {
    nock(BASE).get(`${CONVERSATIONS}/messages/medias/m1`).reply(200, { url: 'https://cdn.example.test/m1.png', content_type: 'image/png', name: 'm1.png' });
    const cdn = capture(nock('https://cdn.example.test').get('/m1.png'), 200, Buffer.from(PNG), { 'content-type': 'application/octet-stream' });
    const media = await provider().messages.getMedia('m1');
    expect(media).toMatchObject({ mimeType: 'image/png', filename: 'm1.png' });
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('maps an unknown media id to NotFoundError', async () => {
    nock(BASE)
      .get(`${CONVERSATIONS}/messages/medias/nope`)
      .reply(404, { error: { code: 'model_not_found_exception', message: 'Requested resource not found.' } });
    await expect(provider().downloadMedia('nope')).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });
});

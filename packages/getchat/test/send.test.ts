import nock from 'nock';
import { useNock } from '../../../test-support/use-nock';
import { ValidationError, type OutboundMessage } from '@wamux/core';
import { createGetchatProvider } from '../src';

const ORIGIN = 'https://acme.inbox.getchat.360dialog.io';
const TOKEN = '8aeb44f5a318542d32bb13019d68198467ee21f0';
const GETCHAT_ID = '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0';
const to = '+48123123123';

const provider = createGetchatProvider({ stack: 'acme', token: TOKEN, retry: false, rateLimit: false });

useNock({ loopback: true });

/** Sends `message` and returns the createMessage body get.chat received. */
async function sentBody(message: OutboundMessage): Promise<Record<string, unknown>> {
  let body: Record<string, unknown> = {};
  const scope = nock(ORIGIN, { reqheaders: { authorization: `Token ${TOKEN}`, 'content-type': /application\/json/ } })
    .post('/api/v1/messages/', (received: Record<string, unknown>) => {
      body = received;
      return true;
    })
    .reply(201, { reason: 'Message is saved and will be sent as soon as other messages currently pending for this user are delivered.', id: GETCHAT_ID });
  const result = await provider.send(message);
  scope.done();
  expect(result.id).toBe(GETCHAT_ID);
  return body;
}

describe('send: createMessage bodies', () => {
  it("text, as the document's request sample: wa_id digits, type, text.body", async () => {
    expect(await sentBody({ type: 'text', to, text: 'Hello!' })).toEqual({ wa_id: '48123123123', type: 'text', text: { body: 'Hello!' } });
  });

  it('text with a link preview and a quoted reply', async () => {
    expect(await sentBody({ type: 'text', to, text: 'See https://example.com', previewUrl: true, replyTo: 'wamid.prev' })).toEqual({
      wa_id: '48123123123',
      type: 'text',
      text: { body: 'See https://example.com' },
      preview_url: true,
      context: { message_id: 'wamid.prev' },
    });
  });

  it.each([
    ['image', { media: { url: 'https://cdn.example/p.png' }, caption: 'A pic' }, { image: { link: 'https://cdn.example/p.png', caption: 'A pic' } }],
    ['video', { media: { id: 'f2a7c5a0-0000-4000-8000-000000000001' } }, { video: { id: 'f2a7c5a0-0000-4000-8000-000000000001' } }],
    ['audio', { media: { id: 'aud-1' } }, { audio: { id: 'aud-1' } }],
    ['sticker', { media: { url: 'https://cdn.example/s.webp' } }, { sticker: { link: 'https://cdn.example/s.webp' } }],
    [
      'document',
      { media: { url: 'https://cdn.example/i.pdf' }, caption: 'Invoice', filename: 'invoice.pdf' },
      { document: { link: 'https://cdn.example/i.pdf', caption: 'Invoice', filename: 'invoice.pdf' } },
    ],
  ] as const)('%s by link or id', async (type, fields, expected) => {
    expect(await sentBody({ type, to, ...fields } as OutboundMessage)).toEqual({ wa_id: '48123123123', type, ...expected });
  });

  it('media as bytes: uploaded through createMediaFile (multipart file_encoded), then linked', async () => {
    let multipart = '';
    const upload = nock(ORIGIN)
      .post('/api/v1/media/', (body: string) => {
        // nock hands binary bodies over as hex.
        multipart = /^[0-9a-f]+$/.test(body) ? Buffer.from(body, 'hex').toString('latin1') : body;
        return true;
      })
      .reply(201, { file: `${ORIGIN}/api/v1/media/497f6eca-6276-4993-bfeb-53cbbbba6f08`, id: '497f6eca-6276-4993-bfeb-53cbbbba6f08' });
    const body = await sentBody({ type: 'image', to, media: { data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), filename: 'img.png', mimeType: 'image/png' } });
    upload.done();
    expect(multipart).toMatch(/Content-Disposition: form-data; name="file_encoded"; filename="img.png"/);
    expect(multipart).toMatch(/Content-Type: image\/png/);
    expect(body).toEqual({ wa_id: '48123123123', type: 'image', image: { link: `${ORIGIN}/api/v1/media/497f6eca-6276-4993-bfeb-53cbbbba6f08` } });
  });

  it('location and contacts', async () => {
    expect(await sentBody({ type: 'location', to, latitude: 41.0256, longitude: 28.9741, name: 'Galata Tower' })).toEqual({
      wa_id: '48123123123',
      type: 'location',
      location: { latitude: 41.0256, longitude: 28.9741, name: 'Galata Tower' },
    });
    const contacts = await sentBody({
      type: 'contacts',
      to,
      contacts: [
        {
          name: { formatted: 'Ada Lovelace', first: 'Ada' },
          phones: [{ phone: '+441234567890', type: 'WORK', waId: '441234567890' }],
          org: { company: 'Analytical' },
        },
      ],
    });
    expect(contacts.contacts).toEqual([
      {
        name: { formatted_name: 'Ada Lovelace', first_name: 'Ada' },
        phones: [{ phone: '+441234567890', type: 'WORK', wa_id: '441234567890' }],
        org: { company: 'Analytical' },
      },
    ]);
  });

  it('interactive reply buttons with a media header, a list, a location request', async () => {
    expect(
      (
        await sentBody({
          type: 'interactive',
          to,
          interactive: {
            kind: 'buttons',
            body: 'OK?',
            footer: 'wamux',
            header: { type: 'image', media: { url: 'https://cdn.example/h.png' } },
            buttons: [{ id: 'yes', title: 'Yes' }],
          },
        })
      ).interactive,
    ).toEqual({
      type: 'button',
      header: { type: 'image', image: { link: 'https://cdn.example/h.png' } },
      body: { text: 'OK?' },
      footer: { text: 'wamux' },
      action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Yes' } }] },
    });
    expect(
      (
        await sentBody({
          type: 'interactive',
          to,
          interactive: {
            kind: 'list',
            body: 'Pick',
            buttonText: 'Slots',
            header: { type: 'text', text: 'Delivery' },
            sections: [{ title: 'Tomorrow', rows: [{ id: 'am', title: 'Morning', description: '9-12' }] }],
          },
        })
      ).interactive,
    ).toEqual({
      type: 'list',
      header: { type: 'text', text: 'Delivery' },
      body: { text: 'Pick' },
      action: { button: 'Slots', sections: [{ title: 'Tomorrow', rows: [{ id: 'am', title: 'Morning', description: '9-12' }] }] },
    });
    expect((await sentBody({ type: 'interactive', to, interactive: { kind: 'location_request', body: 'Where?' } })).interactive).toEqual({
      type: 'location_request_message',
      body: { text: 'Where?' },
      action: { name: 'send_location' },
    });
  });

  it('template: name, deterministic language, positional and named parameters, header media, buttons', async () => {
    const positional = await sentBody({ type: 'template', to, template: { name: 'order_update', id: 'ignored', language: 'en', body: ['Ada', '#1001'] } });
    expect(positional.template).toEqual({
      name: 'order_update',
      language: { policy: 'deterministic', code: 'en' },
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: 'Ada' },
            { type: 'text', text: '#1001' },
          ],
        },
      ],
    });
    const full = await sentBody({
      type: 'template',
      to,
      template: {
        name: 'receipt',
        language: 'en_US',
        header: ['Receipt'],
        headerMedia: { type: 'document', media: { url: 'https://cdn.example/r.pdf' }, filename: 'r.pdf' },
        body: { first_name: 'Ada' },
        buttons: [
          { index: 0, subType: 'url', parameter: 'order/1001' },
          { index: 1, subType: 'quick_reply', parameter: 'stop' },
          { index: 2, subType: 'copy_code', parameter: 'SAVE10' },
        ],
      },
    });
    expect(full.template).toEqual({
      name: 'receipt',
      language: { policy: 'deterministic', code: 'en_US' },
      components: [
        {
          type: 'header',
          parameters: [
            { type: 'document', document: { link: 'https://cdn.example/r.pdf', filename: 'r.pdf' } },
            { type: 'text', text: 'Receipt' },
          ],
        },
        { type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Ada' }] },
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'order/1001' }] },
        { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'stop' }] },
        { type: 'button', sub_type: 'copy_code', index: '2', parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }] },
      ],
    });
  });

  it('reaction', async () => {
    expect(await sentBody({ type: 'reaction', to, messageId: 'wamid.target', emoji: '👍' })).toEqual({
      wa_id: '48123123123',
      type: 'reaction',
      reaction: { message_id: 'wamid.target', emoji: '👍' },
    });
  });

  it("returns get.chat's id (before WhatsApp has one) and the raw response", async () => {
    nock(ORIGIN).post('/api/v1/messages/').reply(201, { id: GETCHAT_ID, reason: 'queued' });
    const result = await provider.send({ type: 'text', to, text: 'x' });
    expect(result).toEqual({ id: GETCHAT_ID, raw: { id: GETCHAT_ID, reason: 'queued' } });
  });
});

describe('send: WhatsApp limits, checked before any request', () => {
  const refused = async (message: OutboundMessage, field: string) => {
    const error = await provider.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  };

  it('names the field at fault', async () => {
    const button = (i: number) => ({ id: `b${i}`, title: `B${i}` });
    await refused({ type: 'interactive', to, interactive: { kind: 'buttons', body: 'x', buttons: [1, 2, 3, 4].map(button) } }, 'message.interactive.buttons');
    await refused(
      { type: 'interactive', to, interactive: { kind: 'buttons', body: 'x', buttons: [{ id: 'a', title: 'A title longer than twenty' }] } },
      'message.interactive.buttons.0.title',
    );
    await refused({ type: 'text', to, text: 'x'.repeat(4097) }, 'message.text');
    await refused({ type: 'audio', to, media: { id: 'a' }, caption: 'no' }, 'message.caption');
    await refused({ type: 'image', to, media: { id: 'a' }, filename: 'x.png' }, 'message.filename');
    await refused({ type: 'template', to, template: { id: 'tpl_1', language: 'en' } }, 'message.template.name');
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
    await refused(
      { type: 'interactive', to, interactive: { kind: 'list', body: 'x', buttonText: 'Open', sections: [{ rows }] } },
      'message.interactive.sections',
    );
    expect(nock.pendingMocks()).toHaveLength(0);
  });

  it("bad model input is the core's ValidationError, also before any request", async () => {
    await refused({ type: 'text', to: '0048123', text: 'x' } as OutboundMessage, 'message.to');
  });
});

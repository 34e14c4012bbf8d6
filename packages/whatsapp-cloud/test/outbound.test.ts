import { ValidationError, type MediaSource, type OutboundMessage } from '@wamux/core';
import { ctaUrlInteractive, mediaFromSource, toMessageRequest, type CloudMedia } from '@wamux/whatsapp-cloud';

const TO = '+16505551234';
/** URLs and ids map directly; bytes are "uploaded" as media id `uploaded-<filename>`. */
const resolve = async (source: MediaSource): Promise<CloudMedia> => mediaFromSource(source) ?? { id: `uploaded-${(source as { filename: string }).filename}` };
const body = (message: OutboundMessage) => toMessageRequest(message, resolve, 'cloud-api');
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505551234' };

describe('OutboundMessage -> message request', () => {
  it('text with preview_url, as a reply', async () => {
    expect(await body({ type: 'text', to: TO, text: 'See https://wamux.dev', previewUrl: true, replyTo: 'wamid.X' })).toEqual({
      ...envelope,
      context: { message_id: 'wamid.X' },
      type: 'text',
      text: { body: 'See https://wamux.dev', preview_url: true },
    });
  });

  it('media by link, by id, and uploaded bytes, with caption and filename', async () => {
    expect(await body({ type: 'image', to: TO, media: { url: 'https://example.com/a.png' }, caption: 'A' })).toMatchObject({
      type: 'image',
      image: { link: 'https://example.com/a.png', caption: 'A' },
    });
    expect(await body({ type: 'video', to: TO, media: { id: '1013859600285441' } })).toMatchObject({ type: 'video', video: { id: '1013859600285441' } });
    expect(
      await body({ type: 'document', to: TO, media: { data: new Uint8Array([1]), filename: 'invoice.pdf', mimeType: 'application/pdf' }, caption: 'Invoice' }),
    ).toMatchObject({
      type: 'document',
      document: { id: 'uploaded-invoice.pdf', caption: 'Invoice', filename: 'invoice.pdf' },
    });
  });

  it('refuses what WhatsApp cannot carry, naming the field, instead of dropping it', async () => {
    await expect(body({ type: 'audio', to: TO, media: { id: '1' }, caption: 'x' })).rejects.toMatchObject({ field: 'message.caption' });
    await expect(body({ type: 'image', to: TO, media: { id: '1' }, filename: 'a.png' })).rejects.toMatchObject({ field: 'message.filename' });
    await expect(body({ type: 'template', to: TO, template: { id: 'tpl_1', language: 'en' } })).rejects.toBeInstanceOf(ValidationError);
  });

  it('sends to a BSUID through recipient, not to', async () => {
    const request = await body({ type: 'text', to: 'US.13491208655302741918', text: 'hi' });
    expect(request).toMatchObject({ recipient: 'US.13491208655302741918' });
    expect(request).not.toHaveProperty('to');
  });

  it('location, contacts, reaction', async () => {
    expect(await body({ type: 'location', to: TO, latitude: 37.44, longitude: -122.16, name: 'Philz', address: '101 Forest Ave' })).toMatchObject({
      location: { latitude: 37.44, longitude: -122.16, name: 'Philz', address: '101 Forest Ave' },
    });
    expect(
      await body({
        type: 'contacts',
        to: TO,
        contacts: [{ name: { formatted: 'Ada Lovelace', first: 'Ada' }, phones: [{ phone: '+441234', waId: '441234' }] }],
      }),
    ).toMatchObject({
      contacts: [{ name: { formatted_name: 'Ada Lovelace', first_name: 'Ada' }, phones: [{ phone: '+441234', wa_id: '441234' }] }],
    });
    expect(await body({ type: 'reaction', to: TO, messageId: 'wamid.Y', emoji: '\u{1F600}' })).toMatchObject({
      type: 'reaction',
      reaction: { message_id: 'wamid.Y', emoji: '\u{1F600}' },
    });
  });

  it('interactive reply buttons with a media header and footer, a list, a location request', async () => {
    expect(
      await body({
        type: 'interactive',
        to: TO,
        interactive: {
          kind: 'buttons',
          header: { type: 'image', media: { id: '2762702990552401' } },
          body: 'Pick',
          footer: 'f',
          buttons: [{ id: 'a', title: 'A' }],
        },
      }),
    ).toMatchObject({
      interactive: {
        type: 'button',
        header: { type: 'image', image: { id: '2762702990552401' } },
        body: { text: 'Pick' },
        footer: { text: 'f' },
        action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
      },
    });
    expect(
      await body({
        type: 'interactive',
        to: TO,
        interactive: { kind: 'list', body: 'Ship', buttonText: 'Options', sections: [{ title: 'I', rows: [{ id: 'r', title: 'R', description: 'D' }] }] },
      }),
    ).toMatchObject({
      interactive: { type: 'list', action: { button: 'Options', sections: [{ title: 'I', rows: [{ id: 'r', title: 'R', description: 'D' }] }] } },
    });
    expect(await body({ type: 'interactive', to: TO, interactive: { kind: 'location_request', body: 'Where?' } })).toMatchObject({
      interactive: { type: 'location_request_message', body: { text: 'Where?' }, action: { name: 'send_location' } },
    });
    expect(ctaUrlInteractive({ body: 'Tap', displayText: 'See dates', url: 'https://example.com' })).toEqual({
      type: 'cta_url',
      body: { text: 'Tap' },
      action: { name: 'cta_url', parameters: { display_text: 'See dates', url: 'https://example.com' } },
    });
  });

  it('a template with a media header, positional and named parameters, and buttons', async () => {
    const request = await body({
      type: 'template',
      to: TO,
      template: {
        name: 'order_update',
        language: 'en_US',
        headerMedia: { type: 'document', media: { url: 'https://example.com/i.pdf' }, filename: 'i.pdf' },
        body: { first_name: 'Ada' },
        buttons: [
          { index: 0, subType: 'url', parameter: 'abc' },
          { index: 1, subType: 'quick_reply', parameter: 'stop' },
          { index: 2, subType: 'copy_code', parameter: 'SAVE10' },
        ],
      },
    });
    expect(request.template).toEqual({
      name: 'order_update',
      language: { policy: 'deterministic', code: 'en_US' },
      components: [
        { type: 'header', parameters: [{ type: 'document', document: { link: 'https://example.com/i.pdf', filename: 'i.pdf' } }] },
        { type: 'body', parameters: [{ type: 'text', parameter_name: 'first_name', text: 'Ada' }] },
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'abc' }] },
        { type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'stop' }] },
        { type: 'button', sub_type: 'copy_code', index: '2', parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }] },
      ],
    });
  });
});

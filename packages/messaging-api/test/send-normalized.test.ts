import nock from 'nock';
import { ConfigurationError, UnsupportedFeatureError, ValidationError, type OutboundMessage } from '@wamux/core';
import { apiResponse, receiptSample } from './fixtures/document-samples';
import { AUTH_HEADERS, BASE, CHANNEL_ID, makeProvider, rejectionOf } from './helpers';
import { useNock } from '../../../test-support/use-nock';

const TO = '+905551112233';
const wire = (fields: Record<string, unknown>) => ({ channelId: CHANNEL_ID, to: { phone: '905551112233' }, mask: false, ...fields });

useNock();

/** Sends `message` and expects exactly `body` on `POST /api/v1/message/send`. */
async function expectWire(message: OutboundMessage, body: Record<string, unknown>) {
  const scope = nock(BASE, { reqheaders: { ...AUTH_HEADERS, 'content-type': /application\/json/ } })
    .post('/api/v1/message/send', body as nock.DataMatcherMap)
    .reply(200, apiResponse(receiptSample()));
  const result = await makeProvider().send(message);
  scope.done();
  return result;
}

describe('send(): the normalized model on the wire (POST /api/v1/message/send)', () => {
  it('text: text.body, recipient as to.phone digits, the default channel, mask false', async () => {
    await expectWire({ type: 'text', to: TO, text: 'Hello' }, wire({ type: 'text', text: { body: 'Hello' } }));
  });

  it('returns the receipt id, the untouched body as raw, and the rate-limit headers', async () => {
    const body = apiResponse(receiptSample());
    nock(BASE).post('/api/v1/message/send').reply(200, body, { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '99' });
    const result = await makeProvider().send({ type: 'text', to: TO, text: 'Hello' });
    expect(result.id).toBe('gBEGkYiEB1VXAglK1ZEqA1YKPrU');
    expect(result.raw).toEqual(body);
    expect(result.rateLimit).toMatchObject({ limit: 100, remaining: 99 });
    expect(result).not.toHaveProperty('receipt');
  });

  it('accepts a receipt in results only, and a numeric id', async () => {
    nock(BASE)
      .post('/api/v1/message/send')
      .reply(200, { status: 200, statusKey: 'SUCCESS', results: [{ id: 987654321, type: 'text' }] });
    await expect(makeProvider().send({ type: 'text', to: TO, text: 'Hello' })).resolves.toMatchObject({ id: '987654321' });
  });

  it.each([
    ['image', { caption: 'A photo' }, { caption: 'A photo' }],
    ['video', {}, {}],
    ['audio', {}, {}],
    ['document', { caption: 'Invoice', filename: 'invoice.pdf' }, { caption: 'Invoice', filename: 'invoice.pdf' }],
  ] as const)('%s: the media object with link, caption and filename', async (type, extra, wireExtra) => {
    const url = `https://cdn.example.com/file.${type}`;
    await expectWire({ type, to: TO, media: { url }, ...extra } as OutboundMessage, wire({ type, [type]: { link: url, ...wireExtra } }));
  });

  it('location: numbers, as the sample sends them', async () => {
    await expectWire(
      { type: 'location', to: TO, latitude: 41.0256, longitude: 28.9741, name: 'Galata Tower', address: 'Beyoglu' },
      wire({ type: 'location', location: { latitude: 41.0256, longitude: 28.9741, name: 'Galata Tower', address: 'Beyoglu' } }),
    );
  });

  it('contacts: WhatsApp snake_case cards; middle name, prefix and suffix stay in formatted_name', async () => {
    await expectWire(
      {
        type: 'contacts',
        to: TO,
        contacts: [
          {
            name: { formatted: 'Dr. Ada B. Lovelace', first: 'Ada', middle: 'B.', last: 'Lovelace', prefix: 'Dr.' },
            phones: [{ phone: '+441234567890', type: 'WORK', waId: '441234567890' }],
            emails: [{ email: 'ada@example.com', type: 'WORK' }],
            addresses: [{ street: '1 Way', city: 'London', zip: '02134', countryCode: 'gb', type: 'HOME' }],
            org: { company: 'Engines Ltd', title: 'Analyst' },
            urls: [{ url: 'https://ada.example.com', type: 'WORK' }],
            birthday: '1815-12-10',
          },
        ],
      },
      wire({
        type: 'contacts',
        contacts: [
          {
            name: { formatted_name: 'Dr. Ada B. Lovelace', first_name: 'Ada', last_name: 'Lovelace' },
            phones: [{ phone: '+441234567890', type: 'WORK', wa_id: '441234567890' }],
            emails: [{ email: 'ada@example.com', type: 'WORK' }],
            addresses: [{ street: '1 Way', city: 'London', zip: '02134', country_code: 'gb', type: 'HOME' }],
            org: { company: 'Engines Ltd', title: 'Analyst' },
            urls: [{ url: 'https://ada.example.com', type: 'WORK' }],
            birthday: '1815-12-10',
          },
        ],
      }),
    );
  });

  it('interactive buttons: a text with options.buttons shown as buttons', async () => {
    await expectWire(
      {
        type: 'interactive',
        to: TO,
        interactive: {
          kind: 'buttons',
          body: 'OK?',
          buttons: [
            { id: 'yes', title: 'Yes' },
            { id: 'no', title: 'No' },
          ],
        },
      },
      wire({
        type: 'text',
        text: { body: 'OK?' },
        options: {
          buttonDisplayScheme: 'buttons',
          buttons: [
            { name: 'yes', code: 'yes', label: 'Yes', type: 'QUICK_REPLY' },
            { name: 'no', code: 'no', label: 'No', type: 'QUICK_REPLY' },
          ],
        },
      }),
    );
  });

  it('template: code, id, lang, and positional parameters as data "1", "2"', async () => {
    await expectWire(
      { type: 'template', to: TO, template: { name: 'order_update', id: 'tpl_1', language: 'en', body: ['Ada', '#1001'] } },
      wire({ type: 'template', template: { code: 'order_update', id: 'tpl_1', lang: 'en', data: { 1: 'Ada', 2: '#1001' } } }),
    );
  });

  it('template: named header and body parameters share one data map; no data without parameters', async () => {
    await expectWire(
      { type: 'template', to: TO, template: { name: 'feedback', language: 'en_US', header: { name: 'Ada' }, body: { amount: '10', currency: 'INR' } } },
      wire({ type: 'template', template: { code: 'feedback', lang: 'en_US', data: { name: 'Ada', amount: '10', currency: 'INR' } } }),
    );
    await expectWire(
      { type: 'template', to: TO, template: { id: 'tpl_9', language: 'en' } },
      wire({ type: 'template', template: { id: 'tpl_9', lang: 'en' } }),
    );
  });
});

describe('send(): refused before any request', () => {
  // No interceptor is defined and the network is off: a request would fail with a NetworkError.
  const refusal = (message: unknown, extra = {}) => rejectionOf(makeProvider(extra).send(message as OutboundMessage));

  it('a text longer than WhatsApp allows', async () => {
    const error = await refusal({ type: 'text', to: TO, text: 'x'.repeat(4097) });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('message.text');
  });

  it('a caption longer than WhatsApp allows', async () => {
    const error = await refusal({ type: 'image', to: TO, media: { url: 'https://cdn.example.com/a.png' }, caption: 'c'.repeat(1025) });
    expect((error as ValidationError).field).toBe('message.caption');
  });

  it('more than three buttons, a long title, repeated ids', async () => {
    const buttons = (list: Array<{ id: string; title: string }>) => ({
      type: 'interactive',
      to: TO,
      interactive: { kind: 'buttons', body: 'Pick', buttons: list },
    });
    const four = await refusal(buttons(['a', 'b', 'c', 'd'].map((id) => ({ id, title: id }))));
    expect((four as ValidationError).field).toBe('message.interactive.buttons');
    const long = await refusal(
      buttons([
        { id: 'a', title: 'ok' },
        { id: 'b', title: 'x'.repeat(21) },
      ]),
    );
    expect((long as ValidationError).field).toBe('message.interactive.buttons.1.title');
    const repeated = await refusal(
      buttons([
        { id: 'a', title: 'One' },
        { id: 'a', title: 'Two' },
      ]),
    );
    expect((repeated as ValidationError).message).toMatch(/distinct ids/);
  });

  it('a header parameter that fills a body placeholder with another value', async () => {
    const error = await refusal({ type: 'template', to: TO, template: { name: 't', language: 'en', header: ['X'], body: ['Ada'] } });
    expect((error as ValidationError).field).toBe('message.template.header.0');
  });

  it.each([
    [
      'an interactive header',
      { type: 'interactive', to: TO, interactive: { kind: 'buttons', body: 'b', header: { type: 'text', text: 'H' }, buttons: [{ id: 'a', title: 'A' }] } },
    ],
    [
      'template button parameters',
      { type: 'template', to: TO, template: { name: 't', language: 'en', buttons: [{ index: 0, subType: 'url', parameter: 'x' }] } },
    ],
    [
      'template header media',
      { type: 'template', to: TO, template: { name: 't', language: 'en', headerMedia: { type: 'image', media: { url: 'https://cdn.example.com/a.png' } } } },
    ],
    ['a list', { type: 'interactive', to: TO, interactive: { kind: 'list', body: 'b', buttonText: 'Pick', sections: [{ rows: [{ id: 'a', title: 'A' }] }] } }],
    ['media by id', { type: 'image', to: TO, media: { id: 'media-1' } }],
    ['a sticker', { type: 'sticker', to: TO, media: { url: 'https://cdn.example.com/a.webp' } }],
    ['a quoted reply', { type: 'text', to: TO, text: 'hi', replyTo: 'wamid.1' }],
    [
      'an interactive footer (no field for it; never dropped)',
      { type: 'interactive', to: TO, interactive: { kind: 'buttons', body: 'b', footer: 'f', buttons: [{ id: 'a', title: 'A' }] } },
    ],
    ['a link preview (no field for it; never dropped)', { type: 'text', to: TO, text: 'https://example.com', previewUrl: true }],
  ])('%s: UnsupportedFeatureError', async (_name, message) => {
    await expect(refusal(message)).resolves.toBeInstanceOf(UnsupportedFeatureError);
  });

  it('no channelId configured: a ConfigurationError naming it', async () => {
    const error = await refusal({ type: 'text', to: TO, text: 'hi' }, { channelId: undefined });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('channelId');
  });
});

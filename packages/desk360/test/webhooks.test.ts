import { ConfigurationError, createWebhookHandler, webhookRequest, WebhookPayloadError, WebhookVerificationError, type WebhookEvent } from '@wamux/core';
import { caught, expectNoSecrets, provider } from './helpers';

/** The secret the parsing tests' provider is configured with, in the webhook URL's query. */
const WEBHOOK_SECRET = { value: 'desk360-webhook-secret-9f2c', query: 'secret' } as const;
const HOOK_URL = `https://app.example/webhooks/desk360?secret=${WEBHOOK_SECRET.value}`;

const post = (body: unknown, init: { url?: string; headers?: Record<string, string> } = {}) =>
  webhookRequest({
    url: init.url ?? HOOK_URL,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const desk360 = provider({ webhookSecret: WEBHOOK_SECRET });
const parse = async (body: unknown) => (await desk360.parseWebhook(post(body))).events;
const only = async (body: unknown): Promise<WebhookEvent> => {
  const events = await parse(body);
  expect(events).toHaveLength(1);
  return events[0] as WebhookEvent;
};
const at = (seconds: number) => new Date(seconds * 1000);

describe('received messages: the document examples', () => {
  it('Text Messages', async () => {
    const item = {
      id: 'ABEGkFMIcyRoAgo-sGaD-H6MgPEt',
      text: 'Hello',
      from: '90xxxxxxxxxx'.replace(/x/g, '5'),
      timestamp: '1630913975',
      name: 'John Doe',
      type: 'text',
    };
    expect(await only({ messages: item })).toEqual({
      type: 'message',
      provider: 'desk360',
      message: {
        id: 'ABEGkFMIcyRoAgo-sGaD-H6MgPEt',
        from: '+905555555555',
        customer: { phone: '+905555555555', name: 'John Doe' },
        profileName: 'John Doe',
        timestamp: at(1630913975),
        content: { type: 'text', text: 'Hello' },
      },
      raw: item,
    });
  });

  it('Location Messages', async () => {
    const event = await only({
      messages: {
        id: 'ABEGkFBXUQRnAgo6cHkZc1yy0dAx',
        text: 'Main Street Beach - Main Street Beach, Santa Cruz, CA, latitude: 38.9806263495, longitude: -131.9428612257',
        from: '905551112233',
        timestamp: '1700052659',
        name: 'John Doe',
        location: { address: 'Main Street Beach, Santa Cruz, CA', latitude: 38.9806263495, longitude: -131.9428612257, name: 'Main Street Beach' },
        type: 'location',
      },
    });
    expect(event).toMatchObject({
      message: {
        id: 'ABEGkFBXUQRnAgo6cHkZc1yy0dAx',
        timestamp: at(1700052659),
        content: {
          type: 'location',
          latitude: 38.9806263495,
          longitude: -131.9428612257,
          name: 'Main Street Beach',
          address: 'Main Street Beach, Santa Cruz, CA',
        },
      },
    });
  });

  it('Contact Messages', async () => {
    const event = await only({
      messages: {
        id: 'ABEGkFBXUQRnAgo6PXn8aI1fmlOm',
        from: '905551112233',
        timestamp: '1700052797',
        name: 'John Doe',
        type: 'contacts',
        contacts: [
          {
            addresses: [{ city: 'Menlo Park', country: 'United States', country_code: 'us', state: 'CA', street: '1 Hacker Way', type: 'WORK', zip: '94025' }],
            birthday: '2012-08-18',
            emails: [{ email: 'kfish@fb.com', type: 'WORK' }],
            ims: [{ service: 'AIM', user_id: 'kfish' }],
            name: { first_name: 'Kerry', formatted_name: 'Kerry Fisher', last_name: 'Fisher' },
            org: { company: 'Meta', department: 'WhatsApp' },
            phones: [{ phone: '+1 (650) 555-1234', type: 'WORK', wa_id: '16505551234' }],
            urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
          },
        ],
      },
    });
    expect(event).toMatchObject({
      message: {
        content: {
          type: 'contacts',
          contacts: [
            {
              name: { formatted: 'Kerry Fisher', first: 'Kerry', last: 'Fisher' },
              addresses: [{ city: 'Menlo Park', country: 'United States', countryCode: 'us', state: 'CA', street: '1 Hacker Way', type: 'WORK', zip: '94025' }],
              birthday: '2012-08-18',
              emails: [{ email: 'kfish@fb.com', type: 'WORK' }],
              org: { company: 'Meta', department: 'WhatsApp' },
              phones: [{ phone: '+1 (650) 555-1234', type: 'WORK', waId: '16505551234' }],
              urls: [{ url: 'https://www.facebook.com', type: 'WORK' }],
            },
          ],
        },
      },
    });
  });

  it('Media Messages', async () => {
    const event = await only({
      messages: {
        id: 'ABEGkFBXUQRnAgo6xTEQCONO2nW9',
        from: '905551112233',
        timestamp: '1689756449',
        name: 'John Doe',
        image: {
          message: null,
          media_id: '83518734-56a9-4b51-8372-93f1432cfa9b',
          mime_type: 'image/jpeg',
          sha: '7e18d97d50eea65a50d9fa93db26e1c689da7c7de64d829b22aad38c4f541510',
        },
        attachments: {
          images: [
            {
              url: 'https://path/to/file/9oCtWHWxkv4E0PQhtHA4uW4NRinIROKCO8NEae5p.jpeg',
              name: '9oCtWHWxkv4E0PQhtHA4uW4NRinIROKCO8NEae5p.jpeg',
              type: 'image',
              aws: true,
            },
          ],
        },
        type: 'image',
      },
    });
    expect(event.type === 'message' && event.message.content).toEqual({
      type: 'image',
      media: {
        id: '83518734-56a9-4b51-8372-93f1432cfa9b',
        url: 'https://path/to/file/9oCtWHWxkv4E0PQhtHA4uW4NRinIROKCO8NEae5p.jpeg',
        mimeType: 'image/jpeg',
        sha256: '7e18d97d50eea65a50d9fa93db26e1c689da7c7de64d829b22aad38c4f541510',
      },
    });
  });

  it('Messages Triggered by WhatsApp Ads', async () => {
    const event = await only({
      messages: {
        id: 'wamid.HBgMOTA1MDU3NTExxxxxxxxxxxxxxx',
        from: '905551112233',
        name: 'John Doe',
        text: 'Hello',
        type: 'text',
        referral: {
          id: 'AD_OR_POST_ID',
          url: 'AD_OR_POST_FB_URL',
          body: 'AD_OR_POST_DESCRIPTION',
          type: 'ad or post',
          header: 'AD_OR_POST_TITLE',
          media_url: 'RAW_MEDIA_URL',
          media_type: 'image or video',
          thumbnail_url: 'RAW_THUMBNAIL_URL',
        },
        timestamp: '1741867567',
      },
    });
    expect(event).toMatchObject({
      message: {
        timestamp: at(1741867567),
        content: { type: 'text', text: 'Hello' },
        referral: {
          sourceId: 'AD_OR_POST_ID',
          sourceUrl: 'AD_OR_POST_FB_URL',
          body: 'AD_OR_POST_DESCRIPTION',
          sourceType: 'ad or post',
          headline: 'AD_OR_POST_TITLE',
          mediaUrl: 'RAW_MEDIA_URL',
          mediaType: 'image or video',
          thumbnailUrl: 'RAW_THUMBNAIL_URL',
        },
      },
    });
  });

  it.each(['delivered', 'read'])('Status Updates: %s', async (status) => {
    const item = { id: 'gBEGkFBXUQRnAglM82HET_hbwJs', from: '905551112233', status };
    expect(await only({ statuses: item })).toEqual({
      type: 'status',
      provider: 'desk360',
      status: { messageId: 'gBEGkFBXUQRnAglM82HET_hbwJs', status, vendorStatus: status, recipient: '+905551112233' },
      raw: item,
    });
  });
});

describe('received messages: the other media types', () => {
  it.each([
    ['video', 'video', 'video/mp4', undefined],
    ['audio', 'audio', 'audio/ogg', undefined],
    ['voice', 'audio', 'audio/ogg; codecs=opus', true],
    ['document', 'document', 'application/pdf', undefined],
    ['sticker', 'sticker', 'image/webp', undefined],
  ] as const)('%s becomes %s', async (type, normalized, mimeType, voice) => {
    const event = await only({
      messages: {
        id: 'm1',
        from: '905551112233',
        timestamp: '1689756449',
        type,
        [type]: { message: 'a caption', media_id: 'media-1', mime_type: mimeType, sha: 'abc', filename: 'f.bin' },
      },
    });
    expect(event.type === 'message' && event.message.content).toEqual({
      type: normalized,
      media: { id: 'media-1', mimeType, sha256: 'abc', caption: 'a caption', filename: 'f.bin', ...(voice ? { voice } : {}) },
    });
  });

  it('reads a reply button tap in WhatsApp shape', async () => {
    const event = await only({
      messages: {
        id: 'm1',
        from: '905551112233',
        timestamp: '1',
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id: 'ID 1.1', title: 'Button 1' } },
      },
    });
    expect(event.type === 'message' && event.message.content).toEqual({
      type: 'interactive_reply',
      reply: { kind: 'button', id: 'ID 1.1', title: 'Button 1' },
    });
  });

  it('keeps an unknown type as unsupported, with the payload in raw', async () => {
    const item = { id: 'm1', from: '905551112233', timestamp: '1700000000', type: 'order', order: { items: 2 }, text: 'order text' };
    const event = await only({ messages: item });
    expect(event).toMatchObject({ message: { content: { type: 'unsupported', originalType: 'order', text: 'order text' } }, raw: item });
  });
});

describe('liberal reading', () => {
  it('accepts arrays, numbers for strings, ms timestamps, a missing type, and both keys at once', async () => {
    const events = await parse({
      messages: [
        { id: 1234, from: 905551112233, timestamp: 1700000000000, text: { body: 'as WhatsApp sends it' } },
        { id: 'm2', from: '+90 555 111 22 33', timestamp: 1700000000, location: { latitude: '41.0', longitude: '29.5' } },
      ],
      statuses: [{ id: 'g1', status: 'DELIVERED', timestamp: '1700000001' }],
    });
    expect(events.map((e) => e.type)).toEqual(['message', 'message', 'status']);
    expect(events[0]).toMatchObject({
      message: { id: '1234', from: '+905551112233', timestamp: new Date(1700000000000), content: { type: 'text', text: 'as WhatsApp sends it' } },
    });
    expect(events[1]).toMatchObject({ message: { from: '+905551112233', content: { type: 'location', latitude: 41, longitude: 29.5 } } });
    expect(events[2]).toMatchObject({ status: { messageId: 'g1', status: 'delivered', vendorStatus: 'DELIVERED', timestamp: at(1700000001) } });
  });

  it('uses the time of receipt when a message has no timestamp', async () => {
    const before = Date.now();
    const event = await only({ messages: { id: 'm1', from: '905551112233', text: 'Hi', type: 'text' } });
    expect(event.type === 'message' && event.message.timestamp.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('reads failed statuses with their errors, and keeps an unknown status as a provider event', async () => {
    const events = await parse({
      statuses: [
        { id: 'g1', from: '905551112233', status: 'failed', errors: [{ code: 131026, title: 'Message undeliverable' }] },
        { id: 'g2', status: 'warning' },
      ],
    });
    expect(events[0]).toMatchObject({ type: 'status', status: { status: 'failed', errors: [{ code: '131026', title: 'Message undeliverable' }] } });
    expect(events[1]).toMatchObject({ type: 'provider_event', kind: 'unknown_status', id: 'g2:warning', payload: { messageId: 'g2', status: 'warning' } });
  });

  it('emits exactly the statuses the capabilities declare, whatever word Desk360 uses for them', async () => {
    const words = ['queued', 'pending', 'sent', 'delivered', 'read', 'seen', 'played', 'failed', 'error', 'deleted'];
    const events = await parse({ statuses: words.map((status, i) => ({ id: `g${i}`, status })) });
    const emitted = new Set(events.map((event) => (event.type === 'status' ? event.status.status : event.type)));
    expect(emitted).toEqual(new Set(desk360.capabilities.statuses));
  });
});

describe('malformed bodies: the whole delivery is refused, naming the field', () => {
  it.each([
    ['not JSON', '{"messages": ', '(body)'],
    ['neither messages nor statuses', { hello: 'world' }, '(body)'],
    ['a message without an id', { messages: { from: '905551112233', text: 'x' } }, 'messages.id'],
    ['a message with an empty id', { messages: { id: '', from: '905551112233', text: 'x' } }, 'messages.id'],
    [
      'a message with a blank id',
      {
        messages: [
          { id: 'm1', from: '905551112233', text: 'x' },
          { id: '  ', from: '905551112233', text: 'y' },
        ],
      },
      'messages.1.id',
    ],
    ['a status with an empty id', { statuses: { id: '', status: 'read' } }, 'statuses.id'],
    ['a sender that is not a phone number', { messages: { id: 'm', from: 'john', text: 'x' } }, 'messages.from'],
    [
      'a location without coordinates',
      { messages: { id: 'm', from: '905551112233', type: 'location', location: { name: 'x' } } },
      'messages.location.latitude',
    ],
    ['a status without a status', { statuses: [{ id: 'g1' }] }, 'statuses.0.status'],
    ['a JSON array', [1, 2], '(body)'],
  ])('%s → WebhookPayloadError', async (_what, body, field) => {
    const error = await caught(() => desk360.parseWebhook(post(body)));
    expect(error).toBeInstanceOf(WebhookPayloadError);
    expect((error as WebhookPayloadError).field).toBe(field);
    if (field !== '(body)') expect((error as Error).message).toContain(field);
  });

  it('a handler answers 400 and emits no event for an item without an id', async () => {
    const handler = createWebhookHandler(desk360, { dedupe: false });
    const outcome = await handler.handle(post({ messages: { id: '', from: '905551112233', text: 'first' } }));
    expect(outcome).toMatchObject({ status: 400, events: [], error: { code: 'webhook_payload_invalid', field: 'messages.id' } });
  });
});

describe('vendor words are looked up as own keys only', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a status "%s" is an unknown status, kept as a provider event', async (word) => {
    const item = { id: 'g1', from: '905551112233', status: word };
    expect(await only({ statuses: item })).toEqual({
      type: 'provider_event',
      provider: 'desk360',
      kind: 'unknown_status',
      id: `g1:${word}`,
      payload: { messageId: 'g1', status: word, recipient: '+905551112233' },
      raw: item,
    });
  });

  it.each(['constructor', '__proto__', 'toString'])('a message type "%s" is unsupported content', async (word) => {
    const event = await only({ messages: { id: 'm1', from: '905551112233', timestamp: '1700000000', type: word, text: 'x' } });
    expect(event.type === 'message' && event.message.content).toEqual({ type: 'unsupported', originalType: word, text: 'x' });
  });
});

describe('contact cards are read totally', () => {
  it('an empty formatted_name is rebuilt from the name parts, not a crash', async () => {
    const event = await only({
      messages: {
        id: 'm1',
        from: '905551112233',
        timestamp: '1700000000',
        type: 'contacts',
        contacts: [{ name: { formatted_name: '', first_name: 'Kerry', last_name: 'Fisher' }, phones: [{ phone: '+16505551234' }] }],
      },
    });
    expect(event.type === 'message' && event.message.content).toEqual({
      type: 'contacts',
      contacts: [{ name: { formatted: 'Kerry Fisher', first: 'Kerry', last: 'Fisher' }, phones: [{ phone: '+16505551234' }] }],
    });
  });

  it('an empty name with no parts falls back to the first phone', async () => {
    const event = await only({
      messages: {
        id: 'm1',
        from: '905551112233',
        timestamp: '1700000000',
        type: 'contacts',
        contacts: { name: { formatted_name: '' }, phones: [{ phone: '+16505551234' }] },
      },
    });
    expect(event.type === 'message' && event.message.content).toMatchObject({ type: 'contacts', contacts: [{ name: { formatted: '+16505551234' } }] });
  });
});

describe('shared secret (Desk360 signs nothing)', () => {
  const SECRET = 'whsec-desk360-0123456789';
  const body = { messages: { id: 'm1', from: '905551112233', text: 'Hi', type: 'text' } };

  it('checks a query parameter in constant time', async () => {
    const desk360 = provider({ webhookSecret: { value: SECRET, query: 'token' } });
    await expect(desk360.parseWebhook(post(body, { url: `https://app.example/hook?token=${SECRET}` }))).resolves.toMatchObject({
      events: [{ type: 'message' }],
    });
    const wrong = await caught(() => desk360.parseWebhook(post(body, { url: 'https://app.example/hook?token=guess' })));
    expect(wrong).toBeInstanceOf(WebhookVerificationError);
    expect(wrong).toMatchObject({ status: 401 });
    expectNoSecrets(wrong, [SECRET]);
    expect(await caught(() => desk360.parseWebhook(post(body)))).toBeInstanceOf(WebhookVerificationError);
  });

  it('checks a header, whatever its case', async () => {
    const desk360 = provider({ webhookSecret: { value: SECRET, header: 'X-Webhook-Secret' } });
    await expect(desk360.parseWebhook(post(body, { headers: { 'x-webhook-secret': SECRET } }))).resolves.toMatchObject({ events: [{ type: 'message' }] });
    expect(await caught(() => desk360.parseWebhook(post(body, { headers: { 'x-webhook-secret': `${SECRET}x` } })))).toBeInstanceOf(WebhookVerificationError);
  });

  it('declares webhooks.verify only when a secret is configured', () => {
    expect(provider().capabilities.features).not.toContain('webhooks.verify');
    expect(provider({ allowUnauthenticatedWebhooks: true }).capabilities.features).not.toContain('webhooks.verify');
    expect(provider({ webhookSecret: { value: SECRET, header: 'x-s' } }).capabilities.features).toContain('webhooks.verify');
  });
});

describe('without a secret (the shared webhook authentication policy)', () => {
  const body = { messages: { id: 'm1', from: '905551112233', text: 'Hi', type: 'text' } };

  it('refuses every delivery with a ConfigurationError naming webhookSecret', async () => {
    const error = await caught(() => provider().parseWebhook(post(body, { url: 'https://app.example/hook' })));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'configuration_invalid', field: 'webhookSecret', provider: 'desk360' });
    expect((error as Error).message).toContain('allowUnauthenticatedWebhooks');
  });

  it('answers 500 configuration_invalid through the handler, so Desk360 redelivers once the app is fixed', async () => {
    const handler = createWebhookHandler(provider(), { dedupe: false });
    const errors: unknown[] = [];
    handler.on('error', (error) => errors.push(error));
    const outcome = await handler.handle(post(body, { url: 'https://app.example/hook' }));
    expect(outcome.status).toBe(500);
    expect(outcome.events).toEqual([]);
    expect(outcome.error?.code).toBe('configuration_invalid');
    expect(errors).toHaveLength(1);
  });

  it('accepts unauthenticated deliveries only with allowUnauthenticatedWebhooks: true', async () => {
    const open = provider({ allowUnauthenticatedWebhooks: true });
    await expect(open.parseWebhook(post(body, { url: 'https://app.example/hook' }))).resolves.toMatchObject({ events: [{ type: 'message' }] });
  });

  it('still checks a configured secret when allowUnauthenticatedWebhooks is also set', async () => {
    const both = provider({ webhookSecret: WEBHOOK_SECRET, allowUnauthenticatedWebhooks: true });
    expect(await caught(() => both.parseWebhook(post(body, { url: 'https://app.example/hook' })))).toBeInstanceOf(WebhookVerificationError);
    await expect(both.parseWebhook(post(body))).resolves.toMatchObject({ events: [{ type: 'message' }] });
  });

  it('refuses a non-boolean allowUnauthenticatedWebhooks at creation', () => {
    expect(() => provider({ allowUnauthenticatedWebhooks: 'yes' as never })).toThrow(ConfigurationError);
  });
});

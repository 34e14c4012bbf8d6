// What differs from Meta's own Cloud API, through the real HTTP path: the
// D360-API-KEY header (no Bearer token), paths without a phone number id,
// media downloads through 360dialog's host, 360dialog's template paging and
// its webhook configuration endpoint.
import nock from 'nock';
import { ConfigurationError, ValidationError, type WamuxError } from '@wamux/core';
import { useNock } from '../../../test-support/use-nock';
import { API_KEY, caught, HOST, provider, sent, TO } from './helpers';

useNock();

describe('requests', () => {
  it('a send is POST /messages with the D360-API-KEY header and no Authorization header', async () => {
    let body: unknown;
    const scope = nock(HOST, { badheaders: ['authorization'] })
      .post('/messages', (json: unknown) => {
        body = json;
        return true;
      })
      .matchHeader('d360-api-key', API_KEY)
      .reply(200, sent('wamid.one'));
    await expect(provider().send({ type: 'text', to: TO, text: 'Hello' })).resolves.toMatchObject({ id: 'wamid.one' });
    expect(scope.isDone()).toBe(true);
    expect(body).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '16505551234', type: 'text', text: { body: 'Hello' } });
  });

  it("markRead posts the Cloud API's status: read body to /messages", async () => {
    const scope = nock(HOST)
      .post('/messages', { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.in' })
      .matchHeader('d360-api-key', API_KEY)
      .reply(200, { success: true });
    await provider().markRead('wamid.in');
    expect(scope.isDone()).toBe(true);
  });

  it('bytes are uploaded with POST /media (multipart), then sent by id', async () => {
    let form = '';
    const upload = nock(HOST)
      .post('/media', (raw: string) => {
        form = raw;
        return true;
      })
      .matchHeader('d360-api-key', API_KEY)
      .reply(200, { id: '4490709327384033' });
    const send = nock(HOST)
      .post('/messages', (json: { image?: { id?: string } }) => json.image?.id === '4490709327384033')
      .reply(200, sent());
    await provider().send({ type: 'image', to: TO, media: { data: new Uint8Array([1, 2, 3]), mimeType: 'image/png', filename: 'a.png' } });
    expect(upload.isDone() && send.isDone()).toBe(true);
    expect(form).toMatch(/name="messaging_product"\s+whatsapp/);
    expect(form).toMatch(/name="file"; filename="a.png"/);
  });

  it('media.delete is DELETE /{media-id}', async () => {
    const scope = nock(HOST).delete('/4490709327384033').matchHeader('d360-api-key', API_KEY).reply(200, { success: true });
    await provider().media.delete('4490709327384033');
    expect(scope.isDone()).toBe(true);
  });
});

describe('media downloads', () => {
  it("replaces Meta's lookaside host with 360dialog's and fetches at once with the API key, never from Meta", async () => {
    nock(HOST).get('/1037543291543636').reply(200, {
      messaging_product: 'whatsapp',
      url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1037543291543636&ext=1728905510&hash=ATsFy7',
      mime_type: 'image/jpeg',
      sha256: 'abc',
      file_size: 3,
      id: '1037543291543636',
    });
    const meta = nock('https://lookaside.fbsbx.com').get(/.*/).reply(200, 'from Meta');
    const download = nock(HOST)
      .get('/whatsapp_business/attachments/')
      .query({ mid: '1037543291543636', ext: '1728905510', hash: 'ATsFy7' })
      .matchHeader('d360-api-key', API_KEY)
      .reply(200, Buffer.from([1, 2, 3]), { 'content-type': 'image/jpeg' });
    const media = await provider().downloadMedia('1037543291543636');
    expect(download.isDone()).toBe(true);
    expect(meta.isDone()).toBe(false);
    expect(Array.from(media.data)).toEqual([1, 2, 3]);
    expect(media.mimeType).toBe('image/jpeg');
  });

  it('keeps the path of a base URL that has one', async () => {
    const base = 'https://proxy.example.com/360';
    nock('https://proxy.example.com')
      .get('/360/55')
      .reply(200, { url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=55', mime_type: 'audio/ogg' });
    const download = nock('https://proxy.example.com')
      .get('/360/whatsapp_business/attachments/')
      .query({ mid: '55' })
      .reply(200, Buffer.from([9]));
    const media = await provider({ baseUrl: base }).media.download('55');
    expect(download.isDone()).toBe(true);
    expect(media).toMatchObject({ mimeType: 'audio/ogg' });
  });
});

describe('templates', () => {
  const template = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    language: 'en',
    status: 'approved',
    category: 'UTILITY',
    namespace: 'c8ae5f90_307a_ca4c_b8f6_d1e2a2573574',
    external_id: `id-${name}`,
    components: [{ type: 'BODY', text: 'Hello {{1}}' }],
    ...extra,
  });

  it("walks 360dialog's offset paging to total, reading Meta's id from external_id", async () => {
    const first = nock(HOST)
      .get('/v1/configs/templates')
      .query({ limit: '100', offset: '0' })
      .reply(200, { count: 2, offset: 0, limit: 100, total: 3, waba_templates: [template('a'), template('b')] });
    const second = nock(HOST)
      .get('/v1/configs/templates')
      .query({ limit: '100', offset: '2' })
      .reply(200, { count: 1, offset: 2, limit: 100, total: 3, waba_templates: [template('c', { id: 'own-id' })] });
    const listed = [];
    for await (const item of provider().listTemplates()) listed.push(item);
    expect(first.isDone() && second.isDone()).toBe(true);
    expect(listed.map((item) => [item.name, item.id, item.status])).toEqual([
      ['a', 'id-a', 'approved'],
      ['b', 'id-b', 'approved'],
      ['c', 'own-id', 'approved'],
    ]);
    expect(listed[0]?.variables).toEqual([expect.objectContaining({ key: 'body-1' })]);
  });

  it("passes filters as 360dialog's filters JSON and skips an item not in the documented shape", async () => {
    const scope = nock(HOST)
      .get('/v1/configs/templates')
      .query({ limit: '100', offset: '0', filters: JSON.stringify({ 'business_templates.name': 'a', status: 'approved' }) })
      .reply(200, { waba_templates: [template('a'), { language: 'en' }] });
    const listed = [];
    for await (const item of provider().templates.list({ name: 'a', status: 'approved' })) listed.push(item.name);
    expect(scope.isDone()).toBe(true);
    expect(listed).toEqual(['a']);
  });
});

describe('webhook configuration', () => {
  it('configure posts { url, headers } to /v1/configs/webhook; get reads it back', async () => {
    const headers = { 'x-wamux-webhook-secret': 'the-secret' };
    const set = nock(HOST)
      .post('/v1/configs/webhook', { url: 'https://example.com/hook', headers })
      .matchHeader('d360-api-key', API_KEY)
      .reply(200, { url: 'https://example.com/hook' });
    const read = nock(HOST).get('/v1/configs/webhook').reply(200, { url: 'https://example.com/hook', headers });
    await expect(provider().webhook.configure({ url: 'https://example.com/hook', headers })).resolves.toEqual({ url: 'https://example.com/hook' });
    await expect(provider().webhook.get()).resolves.toEqual({ url: 'https://example.com/hook', headers });
    expect(set.isDone() && read.isDone()).toBe(true);
  });

  it('refuses a URL 360dialog cannot post to (plain http off this machine), before I/O, naming the field', async () => {
    const error = (await caught(() => provider().webhook.configure({ url: 'http://example.com/hook' }))) as WamuxError;
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('config.url');
  });
});

describe('options', () => {
  it('an unknown option is refused, naming it', () => {
    expect(() => provider({ accessToken: 'x' } as never)).toThrow(ConfigurationError);
  });

  it('a plain http base URL is refused unless loopback or allowed', () => {
    expect(() => provider({ baseUrl: 'http://waba.example.com' })).toThrow(/baseUrl/);
    expect(() => provider({ baseUrl: 'http://127.0.0.1:9999' })).not.toThrow();
    expect(() => provider({ baseUrl: 'http://waba.example.com', allowInsecureHttp: true })).not.toThrow();
  });

  it('webhookSecret must be { header, value }', () => {
    expect(() => provider({ webhookSecret: { header: 'bad header', value: 'x' } })).toThrow(/webhookSecret/);
  });

  it('the provider is named 360dialog and has its operations as properties', () => {
    const d360 = provider();
    expect(d360.name).toBe('360dialog');
    expect(typeof d360.webhook.configure).toBe('function');
    expect(typeof d360.media.delete).toBe('function');
  });
});

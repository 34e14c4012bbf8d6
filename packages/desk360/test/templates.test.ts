import nock from 'nock';
import { NotFoundError, type ValidationError } from '@wamux/core';
import { API_KEY, BASE, capture, caught, collect, CONVERSATIONS, provider } from './helpers';
import { INTEGRATIONS_EXAMPLE, TEMPLATE_EXAMPLE } from './fixtures';
import { useNock } from '../../../test-support/use-nock';

const TO = '+905555555555';
const IMAGE = { data: new Uint8Array(Buffer.from('test image bytes')), filename: 'test_image.jpg', mimeType: 'image/jpeg' };

useNock();

describe('Integrations', () => {
  it('lists integrations with the Bearer key, reading both documented item shapes', async () => {
    nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
      .get('/v1/integrations')
      .query({ page: '1' })
      .reply(200, INTEGRATIONS_EXAMPLE);
    const integrations = await collect(provider({ integrationId: undefined }).integrations.list());
    expect(integrations).toEqual([
      { id: 11, name: 'YourIntegration1', phoneNumber: '+905554443322', logo: undefined, raw: INTEGRATIONS_EXAMPLE[0] },
      { id: 22, name: 'YourIntegration2', phoneNumber: undefined, logo: '+905555555555', raw: INTEGRATIONS_EXAMPLE[1] },
    ]);
  });

  it('follows the Link header page by page, on the configured host, until there is none', async () => {
    const page = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, display_name: `I${i}` }));
    nock(BASE)
      .get('/v1/integrations')
      .query({ page: '1' })
      .reply(200, page(20), { Link: '<https://public-api.desk360.com/api/v1/integrations?page=2>; rel=next' });
    nock(BASE).get('/v1/integrations').query({ page: '2' }).reply(200, page(20), { Link: '<https://elsewhere.example/v1/integrations?page=3>; rel="next"' });
    nock(BASE).get('/v1/integrations').query({ page: '3' }).reply(200, page(3));
    expect(await collect(provider().integrations.list())).toHaveLength(43);
    expect(nock.pendingMocks()).toHaveLength(0);
  });

  it('stops at the limit without fetching more pages', async () => {
    nock(BASE)
      .get('/v1/integrations')
      .query({ page: '1' })
      .reply(200, INTEGRATIONS_EXAMPLE, { Link: `<${BASE}/v1/integrations?page=2>; rel=next` });
    expect(await collect(provider().integrations.list({ limit: 1 }))).toHaveLength(1);
  });

  it('reads a Laravel paginator body ({ data, next_page_url }) too', async () => {
    nock(BASE)
      .get('/v1/integrations')
      .query({ page: '1' })
      .reply(200, { data: [INTEGRATIONS_EXAMPLE[0]], next_page_url: `${BASE}/v1/integrations?page=2` });
    nock(BASE)
      .get('/v1/integrations')
      .query({ page: '2' })
      .reply(200, { data: [INTEGRATIONS_EXAMPLE[1]], next_page_url: null });
    expect((await collect(provider().integrations.list())).map((i) => i.id)).toEqual([11, 22]);
  });
});

describe('WhatsApp Message Templates: list', () => {
  it('lists templates with their translations (templates.list)', async () => {
    nock(BASE).get(`${CONVERSATIONS}/templates`).query({ page: '1' }).reply(200, [TEMPLATE_EXAMPLE]);
    const [template] = await collect(provider().templates.list());
    expect(template).toMatchObject({
      id: 75,
      name: 'template_02',
      sendable: true,
      category: 'custom',
      languages: [
        { id: 1, label: 'English', code: 'en', filled: true },
        { id: 2, label: 'Türkçe', code: 'tr', filled: true },
      ],
      createdAt: new Date('2024-05-30T12:14:28.000Z'),
    });
    expect(template?.translations[1]).toMatchObject({
      languageId: 2,
      languageCode: 'tr',
      headerType: 'TEXT',
      variables: ['header-1', 'body-1', 'body-2'],
      status: 'approved',
    });
  });

  it('normalizes to one template per language, with status and variables (listTemplates)', async () => {
    nock(BASE).get(`${CONVERSATIONS}/templates`).query({ page: '1' }).reply(200, [TEMPLATE_EXAMPLE]);
    const templates = await collect(provider().listTemplates());
    expect(templates).toEqual([
      {
        id: '75',
        name: 'template_02',
        language: 'en',
        status: 'pending',
        vendorStatus: 'template-messages.in-review',
        category: 'custom',
        header: undefined,
        body: 'English content test',
        footer: undefined,
        buttons: undefined,
        variables: [],
        raw: TEMPLATE_EXAMPLE,
      },
      {
        id: '75',
        name: 'template_02',
        language: 'tr',
        status: 'approved',
        vendorStatus: 'template-messages.active',
        category: 'custom',
        header: { format: 'text', text: 'Merhaba {{1}} ,' },
        body: TEMPLATE_EXAMPLE.translations[1]?.body,
        footer: undefined,
        buttons: undefined,
        variables: [
          { key: 'header-1', component: 'header', index: 1 },
          { key: 'body-1', component: 'body', index: 1 },
          { key: 'body-2', component: 'body', index: 2 },
        ],
        raw: TEMPLATE_EXAMPLE,
      },
    ]);
  });

  it('walks 3 pages of 20 through the Link header', async () => {
    const many = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...TEMPLATE_EXAMPLE, id: from + i, name: `t${from + i}`, translations: [TEMPLATE_EXAMPLE.translations[1]] }));
    const link = (page: number) => ({ Link: `<${BASE}${CONVERSATIONS}/templates?page=${page}>; rel=next` });
    nock(BASE).get(`${CONVERSATIONS}/templates`).query({ page: '1' }).reply(200, many(1, 20), link(2));
    nock(BASE).get(`${CONVERSATIONS}/templates`).query({ page: '2' }).reply(200, many(21, 20), link(3));
    nock(BASE).get(`${CONVERSATIONS}/templates`).query({ page: '3' }).reply(200, many(41, 5));
    expect(await collect(provider().listTemplates())).toHaveLength(45);
  });

  it('reports a listing it cannot read as an unexpected_response error', async () => {
    nock(BASE)
      .get(`${CONVERSATIONS}/templates`)
      .query({ page: '1' })
      .reply(200, [{ name: 'no id' }]);
    await expect(collect(provider().listTemplates())).rejects.toMatchObject({ code: 'unexpected_response' });
  });
});

describe('Send WhatsApp Message Template', () => {
  it('sends JSON when there is no attachment (templates.send)', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/templates/send`), 200, { message_id: 'gBEGkFBXUQRnAglW0luHY8xsrFk' });
    const sent = await provider().templates.send({
      templateId: 1,
      languageId: 1,
      to: TO,
      parameters: { 'header-1': 'Header 1', 'body-1': 'Body 1', 'body-2': 'Body 2' },
    });
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(JSON.parse(api.requests[0]?.text ?? '')).toEqual({
      template_id: 1,
      language_id: 1,
      destinations: [{ phone: TO, parameters: { 'header-1': 'Header 1', 'body-1': 'Body 1', 'body-2': 'Body 2' } }],
    });
    expect(sent.messageId).toBe('gBEGkFBXUQRnAglW0luHY8xsrFk');
  });

  it('sends the example multipart fields when there is an attachment', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/templates/send`), 200, { message_id: 'm' });
    await provider().templates.send({
      templateId: 1,
      languageId: 1,
      to: TO,
      parameters: { 'header-1': 'Header 1', 'body-1': 'Body 1', 'body-2': 'Body 2' },
      attachment: IMAGE,
    });
    await api.settled();
    expect(api.requests[0]?.parts).toEqual([
      ['template_id', '1'],
      ['language_id', '1'],
      ['destinations[0][phone]', TO],
      ['destinations[0][parameters][header-1]', 'Header 1'],
      ['destinations[0][parameters][body-1]', 'Body 1'],
      ['destinations[0][parameters][body-2]', 'Body 2'],
      ['attachment', { filename: 'test_image.jpg', mimeType: 'image/jpeg', bytes: Buffer.from(IMAGE.data) }],
    ]);
  });

  it('send() resolves the template name and language code to Desk360 ids through the listing', async () => {
    nock(BASE).get(`${CONVERSATIONS}/templates`).query({ page: '1' }).reply(200, [TEMPLATE_EXAMPLE]);
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/templates/send`).times(2), 200, { message_id: 'gBEGkFBXUQRnAglW0luHY8xsrFk' });
    const desk360 = provider();
    const result = await desk360.send({
      type: 'template',
      to: TO,
      template: { name: 'template_02', language: 'tr', header: ['Ada'], body: ['Ahmet Kara', 'SP123456789'] },
    });
    // The listing is cached: the second send makes no listing request.
    await desk360.send({ type: 'template', to: TO, template: { name: 'template_02', language: 'Türkçe', body: { '1': 'x', '2': 'y' } } });
    expect(JSON.parse(api.requests[0]?.text ?? '')).toEqual({
      template_id: 75,
      language_id: 2,
      destinations: [{ phone: TO, parameters: { 'header-1': 'Ada', 'body-1': 'Ahmet Kara', 'body-2': 'SP123456789' } }],
    });
    expect(JSON.parse(api.requests[1]?.text ?? '').destinations[0].parameters).toEqual({ 'body-1': 'x', 'body-2': 'y' });
    expect(result.id).toBe('gBEGkFBXUQRnAglW0luHY8xsrFk');
  });

  it('send() uses a numeric id and language as they are, without a listing', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/templates/send`), 200, { message_id: 'm' });
    await provider().send({ type: 'template', to: TO, template: { id: '75', language: '2', body: ['a'] } });
    expect(JSON.parse(api.requests[0]?.text ?? '')).toMatchObject({ template_id: 75, language_id: 2 });
  });

  it('send() uploads headerMedia as the attachment (multipart)', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/templates/send`), 200, { message_id: 'm' });
    await provider().send({ type: 'template', to: TO, template: { id: '75', language: '2', headerMedia: { type: 'image', media: IMAGE } } });
    await api.settled();
    expect(api.requests[0]?.form?.attachment).toEqual({ filename: 'test_image.jpg', mimeType: 'image/jpeg', bytes: Buffer.from(IMAGE.data) });
  });

  it('reloads the listing once on a miss, then fails with NotFoundError', async () => {
    nock(BASE).get(`${CONVERSATIONS}/templates`).query({ page: '1' }).times(2).reply(200, [TEMPLATE_EXAMPLE]);
    nock(BASE).post(`${CONVERSATIONS}/templates/send`).reply(200, { message_id: 'm' });
    const desk360 = provider();
    await desk360.send({ type: 'template', to: TO, template: { name: 'template_02', language: 'en' } });
    const error = await caught(() => desk360.send({ type: 'template', to: TO, template: { name: 'template_02', language: 'de' } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(nock.pendingMocks()).toHaveLength(0);
  });

  it('refuses button parameters and a non-numeric id without a name, before any request', async () => {
    const buttons = await caught(() =>
      provider().send({ type: 'template', to: TO, template: { id: '75', language: '1', buttons: [{ index: 0, subType: 'url', parameter: 'x' }] } }),
    );
    expect((buttons as ValidationError).field).toBe('message.template.buttons');
    const id = await caught(() => provider().send({ type: 'template', to: TO, template: { id: 'tpl_x', language: 'en' } }));
    expect((id as ValidationError).field).toBe('message.template.id');
  });
});

describe('Bulk Send WhatsApp Message Template', () => {
  it('sends JSON with destinations and one parameter set when there is no file', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/templates/send/bulk`), 200, { phones: ['+905555555555'] });
    const sent = await provider().templates.sendBulk({
      templateId: 1,
      languageId: 1,
      destinations: [TO],
      parameters: { 'header-1': 'Header 1', 'body-1': 'Body 1', 'body-2': 'Body 2' },
    });
    expect(JSON.parse(api.requests[0]?.text ?? '')).toEqual({
      template_id: 1,
      language_id: 1,
      destinations: [{ phone: TO }],
      parameters: { 'header-1': 'Header 1', 'body-1': 'Body 1', 'body-2': 'Body 2' },
    });
    expect(sent.phones).toEqual([TO]);
  });

  it('sends the example multipart fields with an attachment and a destinations_file', async () => {
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/templates/send/bulk`), 200, { phones: [TO, '+905551112233'] });
    await provider().templates.sendBulk({
      templateId: 1,
      languageId: 1,
      destinations: [TO],
      parameters: { 'header-1': 'Header 1', 'body-1': 'Body 1', 'body-2': 'Body 2' },
      attachment: IMAGE,
      destinationsFile: { data: 'phone\n+905551112233\n' },
    });
    await api.settled();
    expect(api.requests[0]?.parts).toEqual([
      ['template_id', '1'],
      ['language_id', '1'],
      ['destinations[0][phone]', TO],
      ['parameters[header-1]', 'Header 1'],
      ['parameters[body-1]', 'Body 1'],
      ['parameters[body-2]', 'Body 2'],
      ['attachment', { filename: 'test_image.jpg', mimeType: 'image/jpeg', bytes: Buffer.from(IMAGE.data) }],
      ['destinations_file', { filename: 'destinations.csv', mimeType: 'text/csv', bytes: Buffer.from('phone\n+905551112233\n') }],
    ]);
  });

  it('checks the input: destinations or a file, and a CSV of E.164 numbers', async () => {
    const none = await caught(() => provider().templates.sendBulk({ templateId: 1, languageId: 1 }));
    expect((none as ValidationError).field).toBe('input.destinations');
    const csv = await caught(() =>
      provider().templates.sendBulk({ templateId: 1, languageId: 1, destinationsFile: { data: '+905551112233\n905551112244\n' } }),
    );
    expect((csv as ValidationError).field).toBe('input.destinationsFile');
    expect((csv as ValidationError).message).toContain('line 2');
  });

  it('sendTemplateBulk() makes one bulk call per distinct parameter set', async () => {
    nock(BASE).get(`${CONVERSATIONS}/templates`).query({ page: '1' }).reply(200, [TEMPLATE_EXAMPLE]);
    const api = capture(nock(BASE).post(`${CONVERSATIONS}/templates/send/bulk`).times(2), 200, { phones: [] });
    await provider().sendTemplateBulk({
      template: { name: 'template_02', language: 'tr', header: ['Hi'], body: ['A', 'B'] },
      recipients: [{ to: '+905550000001' }, { to: '+905550000002', body: ['C', 'D'] }, { to: '+905550000003' }],
    });
    const bodies = api.requests.map((r) => JSON.parse(r.text));
    expect(bodies).toEqual([
      {
        template_id: 75,
        language_id: 2,
        destinations: [{ phone: '+905550000001' }, { phone: '+905550000003' }],
        parameters: { 'header-1': 'Hi', 'body-1': 'A', 'body-2': 'B' },
      },
      { template_id: 75, language_id: 2, destinations: [{ phone: '+905550000002' }], parameters: { 'header-1': 'Hi', 'body-1': 'C', 'body-2': 'D' } },
    ]);
  });
});

import nock from 'nock';
import { ConfigurationError, WebhookVerificationError, webhookRequest } from '@wamux/core';
import { createCloudApiProvider, type CloudApiOptions } from '@wamux/cloud-api';
import { signatureFor } from '@wamux/whatsapp-cloud';
import { useNock } from '../../../test-support/use-nock';
import { APP_SECRET, caught, GRAPH, MESSAGES, PHONE_NUMBER_ID, provider, sent, TO, TOKEN, WABA_ID } from './helpers';

useNock();

describe('options', () => {
  it('refuses an unknown option, naming it', () => {
    expect(() => provider({ apiKey: 'x' } as unknown as CloudApiOptions)).toThrow(ConfigurationError);
  });

  it.each([
    ['accessToken', { accessToken: '' }],
    ['phoneNumberId', { phoneNumberId: '+15550783881' }],
    ['graphVersion', { graphVersion: '23' }],
    ['baseUrl', { baseUrl: 'http://graph.example.com' }],
  ])('refuses a bad %s', (field, options) => {
    expect(() => provider(options as Partial<CloudApiOptions>)).toThrow(expect.objectContaining({ field }));
  });

  it('sends to the configured Graph version, with the token as Bearer (a base URL with a version is accepted)', async () => {
    const scope = nock(GRAPH).post(`/v19.0/${PHONE_NUMBER_ID}/messages`).matchHeader('authorization', `Bearer ${TOKEN}`).reply(200, sent());
    await provider({ graphVersion: 'v19.0', baseUrl: `${GRAPH}/v19.0`, accessToken: `Bearer ${TOKEN}` }).send({ type: 'text', to: TO, text: 'hi' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('requests', () => {
  it('markRead posts status read for the message', async () => {
    const scope = nock(GRAPH).post(MESSAGES, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN' }).reply(200, { success: true });
    await provider().markRead('wamid.IN');
    expect(scope.isDone()).toBe(true);
  });

  it('messages.markRead can show the typing indicator', async () => {
    const scope = nock(GRAPH)
      .post(MESSAGES, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.IN', typing_indicator: { type: 'text' } })
      .reply(200, { success: true });
    await provider().messages.markRead('wamid.IN', { typing: true });
    expect(scope.isDone()).toBe(true);
  });

  it('uploads bytes as multipart before sending them by id', async () => {
    const upload = nock(GRAPH)
      .post(`/v23.0/${PHONE_NUMBER_ID}/media`)
      .matchHeader('content-type', /^multipart\/form-data/)
      .reply(200, { id: '1037543291543636' });
    const send = nock(GRAPH)
      .post(MESSAGES, (body: { image?: { id?: string } }) => body.image?.id === '1037543291543636')
      .reply(200, sent());
    await provider().send({ type: 'image', to: TO, media: { data: new Uint8Array([137, 80]), filename: 'a.png', mimeType: 'image/png' } });
    expect(upload.isDone() && send.isDone()).toBe(true);
  });

  it('lists templates along paging.cursors.after until Graph leaves out next', async () => {
    const path = `/v23.0/${WABA_ID}/message_templates`;
    const template = (name: string) => ({
      name,
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      id: name,
      components: [{ type: 'BODY', text: `Hi {{1}} from ${name}` }],
    });
    nock(GRAPH)
      .get(path)
      .query({ limit: '100' })
      .reply(200, {
        data: [template('a'), template('b')],
        paging: { cursors: { before: 'QVFA', after: 'QVFB' }, next: `${GRAPH}${path}?limit=100&after=QVFB` },
      });
    nock(GRAPH)
      .get(path)
      .query({ limit: '100', after: 'QVFB' })
      .reply(200, { data: [template('c')], paging: { cursors: { before: 'QVFC', after: 'QVFD' } } });
    const names: string[] = [];
    for await (const item of provider().listTemplates()) names.push(item.name);
    expect(names).toEqual(['a', 'b', 'c']);
  });

  it('templates without businessAccountId: a ConfigurationError naming it, before any request', async () => {
    const error = await caught(async () => {
      for await (const _ of provider({ businessAccountId: undefined }).listTemplates()) break;
    });
    expect(error).toMatchObject({ code: 'configuration_invalid', field: 'businessAccountId' });
  });

  it('media.delete calls DELETE /{media-id}', async () => {
    const scope = nock(GRAPH).delete('/v23.0/1037543291543636').query({ phone_number_id: PHONE_NUMBER_ID }).reply(200, { success: true });
    await provider().media.delete('1037543291543636');
    expect(scope.isDone()).toBe(true);
  });

  it('messages.sendCtaUrl sends the interactive type the model has no kind for', async () => {
    const scope = nock(GRAPH)
      .post(MESSAGES, (body: { to?: string; interactive?: { type?: string } }) => body.to === '16505551234' && body.interactive?.type === 'cta_url')
      .reply(200, sent('wamid.cta'));
    await expect(provider().messages.sendCtaUrl(TO, { body: 'Tap', displayText: 'Dates', url: 'https://example.com' })).resolves.toMatchObject({
      id: 'wamid.cta',
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('webhooks', () => {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      { id: WABA_ID, changes: [{ field: 'messages', value: { statuses: [{ id: 'wamid.A', status: 'read', timestamp: '1', recipient_id: '16505551234' }] } }] },
    ],
  });

  it('checks the signature before parsing', async () => {
    const signed = webhookRequest({ headers: { 'x-hub-signature-256': await signatureFor(body, APP_SECRET) }, body });
    await expect(provider().parseWebhook(signed)).resolves.toMatchObject({ events: [{ type: 'status', status: { messageId: 'wamid.A', status: 'read' } }] });
    const forged = webhookRequest({ headers: { 'x-hub-signature-256': await signatureFor(body, 'another-secret') }, body: '{not json' });
    await expect(provider().parseWebhook(forged)).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it('without appSecret: refused naming appSecret, unless the app opted out', async () => {
    const unsigned = webhookRequest({ body });
    await expect(provider({ appSecret: undefined }).parseWebhook(unsigned)).rejects.toMatchObject({ field: 'appSecret' });
    const optedOut = provider({ appSecret: undefined, allowUnauthenticatedWebhooks: true });
    await expect(optedOut.parseWebhook(unsigned)).resolves.toMatchObject({ events: [{ type: 'status' }] });
    expect(optedOut.capabilities.features).not.toContain('webhooks.verify');
  });

  it('answers the GET handshake with the challenge; a wrong token is refused; no verifyToken is a configuration error', () => {
    const get = (token: string) =>
      webhookRequest({ method: 'GET', url: `https://example.com/webhooks?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${token}`, body: '' });
    const configured = provider({ verifyToken: 'the-verify-token' });
    expect(configured.verifySubscription(get('the-verify-token'))).toEqual({ status: 200, headers: { 'content-type': 'text/plain' }, body: '1158201444' });
    expect(() => configured.verifySubscription(get('wrong'))).toThrow(WebhookVerificationError);
    expect(configured.verifySubscription(webhookRequest({ method: 'GET', url: 'https://example.com/webhooks', body: '' }))).toBeUndefined();
    expect(() => provider().verifySubscription(get('x'))).toThrow(expect.objectContaining({ field: 'verifyToken' }));
  });

  it('is created with the name and typed operations', () => {
    const cloudApi = createCloudApiProvider({ accessToken: TOKEN, phoneNumberId: 1 });
    expect(cloudApi.name).toBe('cloud-api');
    expect(typeof cloudApi.media.delete).toBe('function');
    expect(typeof cloudApi.templates.list).toBe('function');
  });
});

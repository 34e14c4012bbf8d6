import nock from 'nock';
import { AuthenticationError, NotFoundError, ProviderServerError, RateLimitError, RequestRejectedError, type WamuxError } from '@wamux/core';
import { compactResponse, msgChannelSample } from './fixtures/document-samples';
import { API_KEY, BASE, expectNoSecrets, makeProvider, rejectionOf, VERIFY_TOKEN } from './helpers';
import { useNock } from '../../../test-support/use-nock';

useNock();

const text = { type: 'text', to: '+905551112233', text: 'Hello' } as const;
const failedSend = async (status: number, body: unknown, headers: Record<string, string> = {}) => {
  nock(BASE)
    .post('/api/v1/message/send')
    .reply(status, body as Record<string, unknown>, headers);
  return (await rejectionOf(makeProvider().send(text))) as WamuxError;
};

describe('a failure envelope inside HTTP 200 is a typed error', () => {
  it('field errors and the trace id are carried; the kind follows the envelope status', async () => {
    const error = await failedSend(200, {
      status: 400,
      statusKey: 'ERROR',
      message: 'Invalid recipient',
      messageKey: 'INVALID_RECIPIENT',
      traceid: 'trace-7f3a',
      errors: [{ field: 'to.phone', code: 'INVALID', codeKey: 'PHONE_INVALID', description: 'is not a WhatsApp number', obzect: 'OutBoundMsg' }],
      warnings: [{ field: 'mask', description: 'ignored' }],
    });
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error).toMatchObject({ status: 200, requestId: 'trace-7f3a', vendorCode: 'INVALID_RECIPIENT', message: 'Invalid recipient' });
    expect(error.details).toMatchObject({
      statusKey: 'ERROR',
      fieldErrors: [{ field: 'to.phone', code: 'PHONE_INVALID', message: 'is not a WhatsApp number', object: 'OutBoundMsg' }],
      warnings: [{ field: 'mask', message: 'ignored' }],
    });
  });

  it.each([
    [{ statusKey: 'UNAUTHORIZED', message: 'Bad key' }, AuthenticationError, 'authentication_failed'],
    [{ statusKey: 'FORBIDDEN' }, AuthenticationError, 'permission_denied'],
    [{ status: '404', statusKey: 'NOT_FOUND' }, NotFoundError, 'not_found'],
    [{ statusKey: 'SESSION_NOT_FOUND' }, NotFoundError, 'not_found'],
    [{ statusKey: 'RATE_LIMITED' }, RateLimitError, 'rate_limited'],
    [{ statusKey: 'SERVER_ERROR' }, ProviderServerError, 'provider_error'],
    [{ statusKey: 'FAILED' }, RequestRejectedError, 'request_rejected'],
    [{ statusKey: 'SUCCESS', errors: [{ field: 'text', description: 'too long' }] }, RequestRejectedError, 'request_rejected'],
  ])('%j → %p', async (body, errorClass, code) => {
    const error = await failedSend(200, body);
    expect(error).toBeInstanceOf(errorClass);
    expect(error.code).toBe(code);
  });

  it('a field error alone makes the message', async () => {
    const error = await failedSend(200, { errors: [{ field: 'template.code', description: 'unknown template' }] });
    expect(error.message).toBe('template.code: unknown template');
  });

  it('is not retried, even for a server-side key (the send may have been taken)', async () => {
    const first = nock(BASE).post('/api/v1/message/send').reply(200, { statusKey: 'SERVER_ERROR' });
    nock(BASE)
      .post('/api/v1/message/send')
      .reply(200, compactResponse([{ id: 'twice' }]));
    await expect(makeProvider().send(text)).rejects.toBeInstanceOf(ProviderServerError);
    expect(first.isDone()).toBe(true);
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('warnings alone are a success', async () => {
    nock(BASE)
      .get('/api/v1/config/channels')
      .reply(200, { ...compactResponse([msgChannelSample()]), warnings: [{ field: 'sabdnox', description: 'unknown' }] });
    await expect(makeProvider().config.listChannels()).resolves.toHaveLength(1);
  });

  it('never shows a credential the vendor echoes back', async () => {
    const error = await failedSend(200, { statusKey: 'UNAUTHORIZED', message: `key ${API_KEY} rejected (token ${VERIFY_TOKEN})`, traceid: 't1' });
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecrets(error);
  });
});

describe('non-2xx answers', () => {
  it('401 with an envelope: AuthenticationError with its message and trace id, no secret', async () => {
    const error = await failedSend(401, { status: 401, statusKey: 'UNAUTHORIZED', message: `Invalid x-api-key ${API_KEY}`, traceid: 'trace-401' });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, requestId: 'trace-401', vendorCode: 'UNAUTHORIZED' });
    expectNoSecrets(error);
  });

  it('400 with field errors: RequestRejectedError listing them', async () => {
    const error = await failedSend(400, { statusKey: 'BAD_REQUEST', errors: [{ field: 'channelId', description: 'is required' }] });
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error.details).toMatchObject({ fieldErrors: [{ field: 'channelId', message: 'is required' }] });
  });

  it('404 without a body: NotFoundError naming the path', async () => {
    const error = await failedSend(404, '');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('/api/v1/message/send');
  });

  it('429 with Retry-After on a send: waited for, then sent once', async () => {
    nock(BASE).post('/api/v1/message/send').reply(429, { statusKey: 'TOO_MANY_REQUESTS' }, { 'Retry-After': '0' });
    nock(BASE)
      .post('/api/v1/message/send')
      .reply(200, compactResponse([{ id: 'after-429' }]));
    await expect(makeProvider().send(text)).resolves.toMatchObject({ id: 'after-429' });
  });
});

describe('answers that do not match the document', () => {
  it('a receipt without an id', async () => {
    const error = await failedSend(200, { statusKey: 'SUCCESS', data: { type: 'text' } });
    expect(error).toMatchObject({ code: 'unexpected_response' });
    expect(error.message).toMatch(/message\/send.*id/);
  });

  it('a success without any receipt', async () => {
    const error = await failedSend(200, { statusKey: 'SUCCESS' });
    expect(error).toMatchObject({ code: 'unexpected_response' });
  });

  it('a body that is not JSON', async () => {
    nock(BASE).get('/api/v1/config/channels').reply(200, '<html>maintenance</html>');
    await expect(makeProvider().config.listChannels()).rejects.toMatchObject({ code: 'unexpected_response' });
  });

  it('liberal where it can be: a bare array, and data instead of results', async () => {
    nock(BASE).get('/api/v1/config/channels').reply(200, [msgChannelSample()]);
    await expect(makeProvider().config.listChannels()).resolves.toHaveLength(1);
    nock(BASE).get('/api/v1/config/channels').reply(200, { statusKey: 'SUCCESS', data: msgChannelSample() });
    await expect(makeProvider().config.listChannels()).resolves.toMatchObject([{ name: 'Customer Support' }]);
  });
});

import nock from 'nock';
import { AuthenticationError, NotFoundError, ProviderServerError, RateLimitError, RequestRejectedError } from '@wamux/core';
import { API_KEY, BASE, caught, CONVERSATIONS, expectNoSecrets, provider } from './helpers';
import { useNock } from '../../../test-support/use-nock';

const TO = '+905551112233';
const send = () => provider().send({ type: 'text', to: TO, text: 'Hello!' });
const body = (code: string, message = `a ${code} happened`) => ({ error: { code, message, doc_url: 'https://docs.desk360.com/api' } });

useNock();

describe('Desk360 error bodies', () => {
  it.each([
    [400, 'failed_validation', RequestRejectedError, 'request_rejected'],
    [401, 'authentication_exception', AuthenticationError, 'authentication_failed'],
    [403, 'not_authorized', AuthenticationError, 'permission_denied'],
    [404, 'not_found_exception', NotFoundError, 'not_found'],
    [404, 'model_not_found_exception', NotFoundError, 'not_found'],
    [400, 'not_found', NotFoundError, 'not_found'],
    [405, 'method_not_allowed_exception', RequestRejectedError, 'request_rejected'],
    [400, 'insecure_request_exception', RequestRejectedError, 'request_rejected'],
    [401, 'invalid_credentials', AuthenticationError, 'authentication_failed'],
    [500, 'internal_server_error', ProviderServerError, 'provider_error'],
  ] as const)('HTTP %i %s → %p', async (status, code, errorClass, wamuxCode) => {
    nock(BASE).post(`${CONVERSATIONS}/messages`).reply(status, body(code));
    const error = await caught(send);
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ code: wamuxCode, vendorCode: code, status, provider: 'desk360', details: { code, docUrl: 'https://docs.desk360.com/api' } });
    expect((error as Error).message).toContain(`a ${code} happened`);
  });

  it('maps too_many_requests_exception to RateLimitError with Retry-After, after the retries', async () => {
    nock(BASE).post(`${CONVERSATIONS}/messages`).times(3).reply(429, body('too_many_requests_exception'), { 'Retry-After': '0' });
    const error = await caught(send);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ vendorCode: 'too_many_requests_exception', retryAfter: 0 });
  });

  it('waits Retry-After on a 429 and sends once more, without a second delivery', async () => {
    nock(BASE).post(`${CONVERSATIONS}/messages`).reply(429, body('too_many_requests_exception'), { 'Retry-After': '1', 'X-RateLimit-Remaining': '0' });
    nock(BASE).post(`${CONVERSATIONS}/messages`).reply(200, { message_id: 'after-wait' });
    const started = Date.now();
    await expect(send()).resolves.toMatchObject({ id: 'after-wait' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('spaces requests at 60 a minute by default (the documented limit)', async () => {
    nock(BASE).post(`${CONVERSATIONS}/messages`).times(2).reply(200, { message_id: 'm' });
    const desk360 = provider({ rateLimit: undefined });
    const started = Date.now();
    await desk360.send({ type: 'text', to: TO, text: 'one' });
    await desk360.send({ type: 'text', to: TO, text: 'two' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("reads the document's own sample body, which is not valid JSON", async () => {
    const sample =
      '    "error": {\n        "code": "failed_validation",\n        "message": "The to field is required."\n        "doc_url": "https://docs.desk360.com/api"\n    }\n}';
    nock(BASE).post(`${CONVERSATIONS}/messages`).reply(400, sample, { 'content-type': 'application/json' });
    const error = await caught(send);
    expect(error).toMatchObject({ code: 'request_rejected', vendorCode: 'failed_validation' });
    expect((error as Error).message).toContain('The to field is required.');
  });

  it('reads a Laravel { message, errors } body', async () => {
    nock(BASE)
      .post(`${CONVERSATIONS}/messages`)
      .reply(422, { message: 'The given data was invalid.', errors: { to: ['The to field is required.'] } });
    const error = await caught(send);
    expect(error).toMatchObject({ code: 'request_rejected', status: 422, details: { fields: { to: ['The to field is required.'] } } });
  });

  it('does not retry a send after a 500', async () => {
    nock(BASE).post(`${CONVERSATIONS}/messages`).reply(500, body('internal_server_error'));
    nock(BASE).post(`${CONVERSATIONS}/messages`).reply(200, { message_id: 'twice' });
    await expect(send()).rejects.toBeInstanceOf(ProviderServerError);
    expect(nock.pendingMocks()).toHaveLength(1);
  });

  it('never puts the API key in an error, even when Desk360 echoes it', async () => {
    nock(BASE)
      .post(`${CONVERSATIONS}/messages`)
      .reply(401, body('authentication_exception', `token Bearer ${API_KEY} is invalid (${API_KEY})`));
    const error = await caught(send);
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecrets(error, [API_KEY]);
  });

  it('reports a 2xx body without message_id as unexpected_response', async () => {
    nock(BASE).post(`${CONVERSATIONS}/messages`).reply(200, { ok: true });
    await expect(send()).rejects.toMatchObject({ code: 'unexpected_response' });
  });
});

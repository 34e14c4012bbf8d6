// Errors through the real HTTP path: Meta's Graph error body, which
// 360dialog passes through, goes through the Cloud API table (rate limits
// retried, refusals thrown with Meta's action); 360dialog's own bodies give
// their message and trace id, and a 401 names the D360-API-KEY header.
import nock from 'nock';
import { AuthenticationError, RateLimitError, RequestRejectedError, type WamuxError } from '@wamux/core';
import { useNock } from '../../../test-support/use-nock';
import { API_KEY, caught, expectNoSecrets, graphError, HOST, provider, sent, TO } from './helpers';

useNock();

const text = { type: 'text', to: TO, text: 'Hello' } as const;

describe("Meta's error codes, passed through", () => {
  it.each([130429, 131056])('%i is a rate limit: retried, and the message sent once', async (code) => {
    const refused = nock(HOST).post('/messages').reply(400, graphError(code));
    const accepted = nock(HOST).post('/messages').reply(200, sent('wamid.after-retry'));
    await expect(provider().send(text)).resolves.toMatchObject({ id: 'wamid.after-retry' });
    expect(refused.isDone() && accepted.isDone()).toBe(true);
  });

  it('130429 that persists ends as a RateLimitError, not_sent, with the action and the trace id', async () => {
    nock(HOST).post('/messages').times(3).reply(400, graphError(130429));
    const error = (await caught(() => provider().send(text))) as WamuxError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ provider: '360dialog', vendorCode: '130429', delivery: 'not_sent', requestId: 'AbCdTrace123' });
    expect(error.message).toMatch(/retry after backoff/);
  });

  it('131047 (outside the 24-hour window) is thrown at once and says to send a template', async () => {
    const scope = nock(HOST).post('/messages').reply(400, graphError(131047));
    const error = (await caught(() => provider().send(text))) as WamuxError;
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error).toMatchObject({ vendorCode: '131047', delivery: 'not_sent', retryable: false });
    expect(error.message).toMatch(/send a template message/);
    expect(scope.isDone()).toBe(true);
  });
});

describe("360dialog's own error bodies", () => {
  it('a 401 is an AuthenticationError naming the D360-API-KEY header, with its trace id, never the key', async () => {
    nock(HOST)
      .post('/messages')
      .reply(401, { meta: { success: false, http_code: 401, developer_message: `Invalid api key ${API_KEY}`, '360dialog_trace_id': 'trace-360-1' } });
    const error = (await caught(() => provider().send(text))) as WamuxError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ provider: '360dialog', delivery: 'not_sent', requestId: 'trace-360-1' });
    expect(error.message).toMatch(/D360-API-KEY/);
    expectNoSecrets(error, [API_KEY]);
  });

  it('a bare 401 still says which header to check', async () => {
    nock(HOST).post('/messages').reply(401, '');
    const error = (await caught(() => provider().send(text))) as WamuxError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/D360-API-KEY/);
  });

  it.each([
    ['{ error }', { error: 'url must not contain a port' }],
    ['{ errors: [...] } (the on-premise shape)', { errors: [{ code: 1008, title: 'Required parameter is missing', details: 'url must not contain a port' }] }],
    ['{ meta: { developer_message } }', { meta: { success: false, http_code: 400, developer_message: 'url must not contain a port' } }],
  ])("a configuration refusal as %s keeps 360dialog's reason", async (_shape, body) => {
    nock(HOST).post('/v1/configs/webhook').reply(400, body);
    const error = (await caught(() => provider().webhook.configure({ url: 'https://example.com/hook' }))) as WamuxError;
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error.message).toMatch(/url must not contain a port/);
    expect(error.message).toMatch(/POST v1\/configs\/webhook|POST \/v1\/configs\/webhook/);
  });
});

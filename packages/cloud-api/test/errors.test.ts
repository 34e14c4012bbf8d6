// The Cloud API error table through the real HTTP path: which codes are
// retried (rate limits: the message was certainly not sent), which are
// thrown at once with Meta's action, and what `delivery` each leaves.
import nock from 'nock';
import { AuthenticationError, ProviderServerError, RateLimitError, RequestRejectedError, type WamuxError } from '@wamux/core';
import { useNock } from '../../../test-support/use-nock';
import { caught, expectNoSecrets, GRAPH, graphError, MESSAGES, provider, sent, TO, TOKEN } from './helpers';

useNock();

const text = { type: 'text', to: TO, text: 'Hello' } as const;

describe('rate limits: not sent, retried after backoff', () => {
  it.each([130429, 131056])('%i is retried and the message sent once', async (code) => {
    const refused = nock(GRAPH).post(MESSAGES).reply(400, graphError(code));
    const accepted = nock(GRAPH).post(MESSAGES).reply(200, sent('wamid.after-retry'));
    await expect(provider().send(text)).resolves.toMatchObject({ id: 'wamid.after-retry' });
    expect(refused.isDone() && accepted.isDone()).toBe(true);
  });

  it('130429 that persists ends as a RateLimitError, not_sent, with the action', async () => {
    nock(GRAPH)
      .post(MESSAGES)
      .times(3)
      .reply(400, graphError(130429, 'Message failed to send because there were too many messages sent from this phone number'));
    const error = (await caught(() => provider().send(text))) as WamuxError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ code: 'rate_limited', vendorCode: '130429', delivery: 'not_sent', requestId: 'AbCdTrace123', status: 400 });
    expect(error.message).toMatch(/retry after backoff/);
  });
});

describe('refusals: thrown at once, not sent, with what to do', () => {
  it.each([
    [131047, RequestRejectedError, /send a template message/],
    [131026, RequestRejectedError, /confirm the number/],
    [131048, RequestRejectedError, /quality rating/],
    [131049, RequestRejectedError, /do not resend/],
    [100, RequestRejectedError, /fix the request/],
    [368, AuthenticationError, /Policy Enforcement/],
  ])('%i', async (code, errorClass, action) => {
    const scope = nock(GRAPH).post(MESSAGES).reply(400, graphError(code));
    const error = (await caught(() => provider().send(text))) as WamuxError;
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toMatchObject({ vendorCode: String(code), delivery: 'not_sent', retryable: false });
    expect(error.message).toMatch(action);
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('190 (expired token) is an AuthenticationError that says to refresh the token and never shows it', async () => {
    nock(GRAPH)
      .post(MESSAGES)
      .reply(401, graphError(190, `Error validating access token: Session has expired. Token ${TOKEN}`, 'Error validating access token'));
    const error = (await caught(() => provider().send(text))) as WamuxError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'authentication_failed', vendorCode: '190', delivery: 'not_sent' });
    expect(error.message).toMatch(/refresh the access token/);
    expectNoSecrets(error, [TOKEN]);
  });
});

describe('server errors: maybe sent, not retried', () => {
  it('131000 with HTTP 500 leaves delivery unknown and sends once', async () => {
    const scope = nock(GRAPH).post(MESSAGES).reply(500, graphError(131000));
    const error = (await caught(() => provider().send(text))) as WamuxError;
    expect(error).toBeInstanceOf(ProviderServerError);
    expect(error).toMatchObject({ vendorCode: '131000', delivery: 'unknown' });
    expect(scope.isDone()).toBe(true);
  });
});

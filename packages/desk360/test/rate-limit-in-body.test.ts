// Desk360's §Rate Limit: a request over the limit is answered
// `HTTP/1.1 200 OK` with `Retry-After` and an error body. That 200 is a
// rate limit: waited out and sent again, never read as a success.
import nock from 'nock';
import { RateLimitError, RequestRejectedError, type WamuxError } from '@wamux/core';
import { BASE, caught, CONVERSATIONS, provider } from './helpers';
import { useNock } from '../../../test-support/use-nock';

const TO = '+905551112233';
const MESSAGES = `${CONVERSATIONS}/messages`;
const overLimit = { error: { code: 'too_many_requests_exception', message: 'Too Many Attempts.', doc_url: 'https://docs.desk360.com/api' } };
const send = (options: Parameters<typeof provider>[0] = {}) => provider(options).send({ type: 'text', to: TO, text: 'Hello!' });

useNock();

describe('Desk360 rate limit answered with HTTP 200', () => {
  it('200 + Retry-After + error body, then 200 success: one send resolves with the second answer', async () => {
    nock(BASE).post(MESSAGES).reply(200, overLimit, { 'Retry-After': '0', 'Content-Type': 'application/json' });
    nock(BASE).post(MESSAGES).reply(200, { message_id: 'gBEGkFBXUQRnAgkT7lHCzm1Cf1Y' });
    await expect(send()).resolves.toMatchObject({ id: 'gBEGkFBXUQRnAgkT7lHCzm1Cf1Y' });
    expect(nock.isDone()).toBe(true);
  });

  it('waits the Retry-After seconds before sending again', async () => {
    nock(BASE).post(MESSAGES).reply(200, overLimit, { 'Retry-After': '1' });
    nock(BASE).post(MESSAGES).reply(200, { message_id: 'after-wait' });
    const started = Date.now();
    await expect(send()).resolves.toMatchObject({ id: 'after-wait' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('the document example as shown (200, Retry-After, no body) is a rate limit too', async () => {
    nock(BASE).post(MESSAGES).reply(200, '', { 'Retry-After': '0', 'Content-Type': 'application/json' });
    nock(BASE).post(MESSAGES).reply(200, { message_id: 'm2' });
    await expect(send()).resolves.toMatchObject({ id: 'm2' });
  });

  it('when retries run out: RateLimitError, not_sent, with the vendor code and the wait', async () => {
    nock(BASE).post(MESSAGES).times(3).reply(200, overLimit, { 'Retry-After': '0' });
    const error = (await caught(() => send())) as WamuxError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({
      code: 'rate_limited',
      status: 200,
      delivery: 'not_sent',
      vendorCode: 'too_many_requests_exception',
      retryAfter: 0,
      provider: 'desk360',
    });
  });

  it('a Retry-After longer than the policy allows is not waited for', async () => {
    nock(BASE).post(MESSAGES).reply(200, overLimit, { 'Retry-After': '26' });
    const error = (await caught(() => send({ retry: { limit: 2, baseDelay: 1, maxRetryAfter: 1_000 } }))) as WamuxError;
    expect(error).toMatchObject({ code: 'rate_limited', retryAfter: 26_000, delivery: 'not_sent' });
  });

  it('another documented code in a 200 envelope is mapped by its code, not read as a success', async () => {
    nock(BASE)
      .post(MESSAGES)
      .reply(200, { error: { code: 'failed_validation', message: 'The to field is required.' } });
    const error = (await caught(() => send())) as WamuxError;
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(error).toMatchObject({ vendorCode: 'failed_validation', status: 200, delivery: 'not_sent' });
    expect(nock.isDone()).toBe(true);
  });

  it('a success that happens to carry Retry-After is still a success', async () => {
    nock(BASE).post(MESSAGES).reply(200, { message_id: 'ok-1', message: 'Message sent.' }, { 'Retry-After': '5' });
    await expect(send()).resolves.toMatchObject({ id: 'ok-1' });
  });
});

import nock from 'nock';
import { AuthenticationError, RateLimitError } from '@wamux/core';
import { BASE, capture, caught, CONVERSATIONS, expectNoSecrets, provider } from './helpers';
import { useNock } from '../../../test-support/use-nock';

const EMAIL = 'abc@example.com';
const PASSWORD = 'YOUR_PASSWORD-s3cret';
const TOKEN = '1|iybflVqHloQdz9QH4PIkX0q1Od68T9sDrKCtnuxW6f78ad5b';
const TO = '+905551112233';
const login = () => provider({ apiKey: undefined, email: EMAIL, password: PASSWORD });

useNock();

describe('API key', () => {
  it('sends the key as a Bearer token, also when it was given with "Bearer "', async () => {
    nock(BASE, { reqheaders: { authorization: 'Bearer k3y-value' } })
      .get('/v1/integrations')
      .query(true)
      .reply(200, []);
    await expect(provider({ apiKey: 'Bearer k3y-value' }).integrations.list()[Symbol.asyncIterator]().next()).resolves.toMatchObject({ done: true });
  });
});

describe('email and password (the older document)', () => {
  it('logs in once with POST /v1/login and sends the token as Bearer on every call', async () => {
    const auth = capture(nock(BASE).post('/v1/login'), 200, { access_token: TOKEN, token_type: 'Bearer' });
    nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post(`${CONVERSATIONS}/messages`)
      .times(2)
      .reply(200, { message_id: 'm' });
    const desk360 = login();
    await Promise.all([desk360.send({ type: 'text', to: TO, text: 'a' }), desk360.send({ type: 'text', to: TO, text: 'b' })]);
    expect(auth.requests).toHaveLength(1);
    expect(auth.requests[0]?.headers.authorization).toBeUndefined();
    expect(JSON.parse(auth.requests[0]?.text ?? '')).toEqual({ email: EMAIL, password: PASSWORD });
  });

  it('logs in again once after a 401 and repeats the call with the new token', async () => {
    nock(BASE).post('/v1/login').reply(200, { access_token: 'old-token-1234', token_type: 'Bearer' });
    nock(BASE).post('/v1/login').reply(200, { access_token: 'new-token-5678', token_type: 'Bearer' });
    nock(BASE, { reqheaders: { authorization: 'Bearer old-token-1234' } })
      .post(`${CONVERSATIONS}/messages`)
      .reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });
    nock(BASE, { reqheaders: { authorization: 'Bearer new-token-5678' } })
      .post(`${CONVERSATIONS}/messages`)
      .reply(200, { message_id: 'm' });
    await expect(login().send({ type: 'text', to: TO, text: 'a' })).resolves.toMatchObject({ id: 'm' });
  });

  it('gives up after one re-login: a second 401 is an AuthenticationError', async () => {
    nock(BASE).post('/v1/login').times(2).reply(200, { access_token: TOKEN });
    nock(BASE)
      .post(`${CONVERSATIONS}/messages`)
      .times(2)
      .reply(401, { error: { code: 'authentication_exception', message: 'Unauthenticated.' } });
    const error = await caught(() => login().send({ type: 'text', to: TO, text: 'a' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecrets(error, [PASSWORD, TOKEN]);
    expect(nock.pendingMocks()).toHaveLength(0);
  });

  it('maps invalid_credentials to AuthenticationError without the password in it', async () => {
    nock(BASE)
      .post('/v1/login')
      .reply(401, { error: { code: 'invalid_credentials', message: `wrong password ${PASSWORD}` } });
    const error = await caught(() => login().send({ type: 'text', to: TO, text: 'a' }));
    expect(error).toMatchObject({ code: 'authentication_failed', vendorCode: 'invalid_credentials' });
    expectNoSecrets(error, [PASSWORD]);
  });

  it('maps too_many_attempts to RateLimitError (a minute to wait), without retrying the login', async () => {
    nock(BASE)
      .post('/v1/login')
      .reply(400, { error: { code: 'too_many_attempts', message: 'Too many attempts.' } });
    const error = await caught(() => login().send({ type: 'text', to: TO, text: 'a' }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ vendorCode: 'too_many_attempts', retryAfter: 60_000 });
    expect(nock.pendingMocks()).toHaveLength(0);
  });
});

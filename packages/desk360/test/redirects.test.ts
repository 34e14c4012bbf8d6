// No Desk360 credential (the API key, the login password, the bearer token
// the login returns) and no message ever goes to a redirect's target.
import nock from 'nock';
import { RedirectRefusedError, type WamuxError } from '@wamux/core';
import { API_KEY, BASE, caught, CONVERSATIONS, expectNoSecrets, provider } from './helpers';
import { useNock } from '../../../test-support/use-nock';

const OTHER = 'https://collector.evil.test';
const EMAIL = 'agent@example.com';
const PASSWORD = 'YOUR_PASSWORD-redirect-s3cret';
const TOKEN = '7|redirectTokenFromLogin0123456789abcdef';
const TO = '+905551112233';

useNock();

/** Everything the other origin received, whatever the method and path. */
function otherOrigin() {
  const received: Array<{ method: string; path: string; body: string }> = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(OTHER)
      .persist()
      .intercept(/.*/, method)
      .reply((path: string, body: nock.Body) => {
        received.push({ method, path, body: typeof body === 'string' ? body : JSON.stringify(body) });
        return [200, { message_id: 'wamid.FROM-THE-OTHER-ORIGIN', access_token: 'evil' }];
      });
  }
  return received;
}

const withLogin = () => provider({ apiKey: undefined, email: EMAIL, password: PASSWORD });

describe('API key (Authorization: Bearer)', () => {
  it.each([
    [301, 'unknown'],
    [302, 'unknown'],
    [303, 'unknown'],
    [307, 'not_sent'],
    [308, 'not_sent'],
  ] as const)('a %i on a send is refused: the other origin gets nothing, send() rejects (delivery %s)', async (status, delivery) => {
    const received = otherOrigin();
    nock(BASE)
      .post(`${CONVERSATIONS}/messages`)
      .reply(status, '', { location: `${OTHER}/v1/messages?key=${API_KEY}` });
    const error = (await caught(() => provider().send({ type: 'text', to: TO, text: 'Hello!' }))) as WamuxError;
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({ code: 'redirect_refused', status, location: OTHER, delivery, provider: 'desk360' });
    expect(received).toEqual([]);
    expectNoSecrets(error, [API_KEY]);
  });

  it('a redirect of a read is refused too, and not retried', async () => {
    const received = otherOrigin();
    nock(BASE)
      .get(`${CONVERSATIONS}/templates`)
      .query(true)
      .times(3)
      .reply(302, '', { location: `${OTHER}/templates` });
    const error = await caught(async () => {
      for await (const _template of provider().listTemplates()) break;
    });
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(received).toEqual([]);
    expect(nock.pendingMocks().filter((mock) => mock.includes('templates'))).toHaveLength(1);
  });
});

describe('email and password (POST /v1/login, then Bearer <token>)', () => {
  it('a redirect of the login is refused: the password goes nowhere else, and the send is not_sent', async () => {
    const received = otherOrigin();
    nock(BASE)
      .post('/v1/login')
      .reply(307, '', { location: `${OTHER}/v1/login` });
    const send = nock(BASE).post(`${CONVERSATIONS}/messages`).reply(200, { message_id: 'never' });
    const error = (await caught(() => withLogin().send({ type: 'text', to: TO, text: 'Hello!' }))) as WamuxError;
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({ location: OTHER, delivery: 'not_sent' });
    expect(received).toEqual([]);
    expect(send.isDone()).toBe(false);
    expectNoSecrets(error, [PASSWORD]);
  });

  it('a 302 of the login (which fetch would turn into a GET) is refused as well', async () => {
    const received = otherOrigin();
    nock(BASE)
      .post('/v1/login')
      .reply(302, '', { location: `${OTHER}/welcome` });
    const error = (await caught(() => withLogin().send({ type: 'text', to: TO, text: 'Hello!' }))) as WamuxError;
    expect(error).toMatchObject({ code: 'redirect_refused', status: 302, delivery: 'not_sent' });
    expect(received).toEqual([]);
  });

  it.each([302, 307])('the bearer token of the login is not sent to the target of a %i on the send', async (status) => {
    const received = otherOrigin();
    nock(BASE).post('/v1/login').reply(200, { access_token: TOKEN, token_type: 'Bearer' });
    nock(BASE)
      .post(`${CONVERSATIONS}/messages`)
      .reply(status, '', { location: `${OTHER}/collect` });
    const error = (await caught(() => withLogin().send({ type: 'text', to: TO, text: 'Hello!' }))) as WamuxError;
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(received).toEqual([]);
    expectNoSecrets(error, [PASSWORD, TOKEN]);
  });
});

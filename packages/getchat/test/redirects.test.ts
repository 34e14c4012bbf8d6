// No get.chat credential (a token, a D360-Api-Key, a password, a refresh
// token, the token a login returns) and no message ever goes to a
// redirect's target, and send() never resolves with another origin's id.
import nock from 'nock';
import { inspect } from 'node:util';
import { RedirectRefusedError, type WamuxError } from '@wamux/core';
import { createGetchatProvider, type GetchatOptions } from '../src';
import { useNock } from '../../../test-support/use-nock';

const ORIGIN = 'https://acme.inbox.getchat.360dialog.io';
const OTHER = 'https://collector.evil.test';
const TOKEN = '8aeb44f5a318542d32bb13019d68198467ee21f0';
const API_KEY = 'xEZOvMBDS6zEZtbR2xCJkP5R75szhCUIvMH';
const PASSWORD = 'correct-horse-battery-staple-redirect';
const REFRESH = 'refresh-token-secret-value-redirect';
const LOGIN_TOKEN = 'f00dfeedcafe0123456789abcdef0123456789ab';
const TO = '+905551112233';

useNock();

/** Everything the other origin received, whatever the method and path. */
function otherOrigin() {
  const received: Array<{ method: string; path: string }> = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    nock(OTHER)
      .persist()
      .intercept(/.*/, method)
      .reply((path: string) => {
        received.push({ method, path });
        return [201, { id: 'evil-getchat-id', token: 'evil', reason: 'queued' }];
      });
  }
  return received;
}

const make = (credentials: Partial<GetchatOptions>) =>
  createGetchatProvider({ stack: 'acme', retry: { limit: 2, baseDelay: 1, maxDelay: 2 }, rateLimit: false, ...credentials } as GetchatOptions);
const send = (credentials: Partial<GetchatOptions>) => make(credentials).send({ type: 'text', to: TO, text: 'Hello!' });

async function rejection(promise: Promise<unknown>): Promise<WamuxError> {
  return (await promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  )) as WamuxError;
}

function expectNoSecret(error: unknown, secrets: readonly string[]) {
  for (const view of [
    String((error as Error).message),
    String((error as Error).stack),
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ]) {
    for (const secret of secrets) expect(view).not.toContain(secret);
  }
}

/** Answers the login endpoint of a credential with its token (the other methods need none). */
function login(credentials: Partial<GetchatOptions>) {
  if ('password' in credentials) nock(ORIGIN).post('/api/v1/auth/token/').reply(200, { token: LOGIN_TOKEN });
  if ('refreshToken' in credentials) nock(ORIGIN).post('/api/v1/auth/convert_refresh_token/').reply(200, { token: LOGIN_TOKEN });
}

const CREDENTIALS: Array<[string, Partial<GetchatOptions>, string[]]> = [
  ['token (Authorization: Token)', { token: TOKEN }, [TOKEN]],
  ['d360ApiKey (D360-Api-Key)', { d360ApiKey: API_KEY }, [API_KEY]],
  ['username + password (a login, then Token)', { username: 'peter', password: PASSWORD }, [PASSWORD, LOGIN_TOKEN]],
  ['refreshToken (a conversion, then Token)', { refreshToken: REFRESH }, [REFRESH, LOGIN_TOKEN]],
];

describe.each(CREDENTIALS)('%s', (_name, credentials, secrets) => {
  it.each([
    [301, 'unknown'],
    [302, 'unknown'],
    [303, 'unknown'],
    [307, 'not_sent'],
    [308, 'not_sent'],
  ] as const)('a %i on the send is refused: the other origin gets nothing, send() rejects (delivery %s)', async (status, delivery) => {
    const received = otherOrigin();
    login(credentials);
    nock(ORIGIN)
      .post('/api/v1/messages/')
      .reply(status, '', { location: `${OTHER}/api/v1/messages/` });
    const error = await rejection(send(credentials));
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({ code: 'redirect_refused', status, location: OTHER, delivery, provider: 'getchat' });
    expect(received).toEqual([]);
    expectNoSecret(error, secrets);
  });

  it('a redirect of a read is refused too', async () => {
    const received = otherOrigin();
    login(credentials);
    nock(ORIGIN)
      .get('/api/v1/templates/')
      .query(true)
      .times(3)
      .reply(302, '', { location: `${OTHER}/templates/` });
    const error = await rejection(
      (async () => {
        for await (const _template of make(credentials).listTemplates()) break;
      })(),
    );
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(received).toEqual([]);
  });
});

describe.each([
  ['username + password', { username: 'peter', password: PASSWORD }, '/api/v1/auth/token/', PASSWORD],
  ['refreshToken', { refreshToken: REFRESH }, '/api/v1/auth/convert_refresh_token/', REFRESH],
] as const)('%s: a redirect of the login itself', (_name, credentials, loginPath, secret) => {
  it.each([302, 307])('a %i is refused: the credential goes nowhere else, and the send is not_sent', async (status) => {
    const received = otherOrigin();
    nock(ORIGIN)
      .post(loginPath)
      .reply(status, '', { location: `${OTHER}${loginPath}` });
    const message = nock(ORIGIN).post('/api/v1/messages/').reply(201, { id: 'never' });
    const error = await rejection(send(credentials));
    expect(error).toBeInstanceOf(RedirectRefusedError);
    expect(error).toMatchObject({ location: OTHER, delivery: 'not_sent' });
    expect(received).toEqual([]);
    expect(message.isDone()).toBe(false);
    expectNoSecret(error, [secret]);
  });
});

import nock from 'nock';
import { useNock } from '../../../test-support/use-nock';
import { inspect } from 'node:util';
import { AuthenticationError, ConfigurationError, ValidationError } from '@wamux/core/adapter';
import { createGetchatProvider, stackBaseUrl, websocketUrlFor, type GetchatOptions } from '../src';

const ORIGIN = 'https://acme.inbox.getchat.360dialog.io';
const TOKEN = '8aeb44f5a318542d32bb13019d68198467ee21f0';
const PASSWORD = 'correct-horse-battery-staple';
const REFRESH = 'refresh-token-secret-value-1';
const API_KEY = 'xEZOvMBDS6zEZtbR2xCJkP5R75szhCUIvMH';

const make = (credentials: Partial<GetchatOptions>) =>
  createGetchatProvider({ stack: 'acme', retry: false, rateLimit: false, ...credentials } as GetchatOptions);
// The typed operations of a provider, on its credentials.
const opsOf = (credentials: Partial<GetchatOptions>) => make(credentials);

const expectNoSecret = (error: unknown, secrets: string[]) => {
  for (const view of [
    String((error as Error).message),
    String((error as Error).stack),
    JSON.stringify(error),
    inspect(error, { depth: 20, showHidden: true }),
  ]) {
    for (const secret of secrets) expect(view).not.toContain(secret);
  }
};

const user = {
  url: `${ORIGIN}/api/v1/users/2/`,
  id: 2,
  username: 'peter',
  first_name: 'Peter',
  last_name: 'Rabbit',
  email: 'peter@example.com',
  profile: { role: 'admin' },
  groups: [{ id: 3, name: 'Admin' }],
  permissions: { can_use_tags: true, can_read_chats: 'all', can_write_to_chats: 'all' },
};

useNock({ loopback: true });

describe('auth methods', () => {
  it('token: Authorization: Token <token>', async () => {
    const scope = nock(ORIGIN, { reqheaders: { authorization: `Token ${TOKEN}` }, badheaders: ['d360-api-key'] })
      .get('/api/v1/users/current/')
      .reply(200, user);
    await expect(opsOf({ token: TOKEN }).users.current()).resolves.toMatchObject({ id: 2, username: 'peter' });
    scope.done();
  });

  it("d360ApiKey: the D360-Api-Key header; the document's 403 for an invalid key is an AuthenticationError", async () => {
    nock(ORIGIN, { reqheaders: { 'd360-api-key': API_KEY }, badheaders: ['authorization'] })
      .get('/api/v1/users/current/')
      .reply(403, { detail: 'Authentication credentials were not provided.' });
    const error = await opsOf({ d360ApiKey: API_KEY })
      .users.current()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).code).toBe('authentication_failed');
    expectNoSecret(error, [API_KEY]);
  });

  it('username + password: one POST /auth/token/ for concurrent first requests, then the token', async () => {
    const login = nock(ORIGIN).post('/api/v1/auth/token/', { username: 'peter', password: PASSWORD }).once().reply(200, { token: TOKEN });
    nock(ORIGIN, { reqheaders: { authorization: `Token ${TOKEN}` } })
      .get('/api/v1/users/current/')
      .times(3)
      .reply(200, user);
    const ops = opsOf({ username: 'peter', password: PASSWORD });
    await Promise.all([ops.users.current(), ops.users.current(), ops.users.current()]);
    login.done();
  });

  it('username + password: logs in again after a 401 and repeats the request once', async () => {
    nock(ORIGIN).post('/api/v1/auth/token/').reply(200, { token: 'old-token-000000000000' });
    nock(ORIGIN).get('/api/v1/users/current/').matchHeader('authorization', 'Token old-token-000000000000').reply(401, { detail: 'Invalid token.' });
    nock(ORIGIN).post('/api/v1/auth/token/').reply(200, { token: TOKEN });
    nock(ORIGIN).get('/api/v1/users/current/').matchHeader('authorization', `Token ${TOKEN}`).reply(200, user);
    await expect(opsOf({ username: 'peter', password: PASSWORD }).users.current()).resolves.toMatchObject({ id: 2 });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a wrong password (DRF answers 400) is an AuthenticationError without the password, and is not cached', async () => {
    nock(ORIGIN)
      .post('/api/v1/auth/token/')
      .twice()
      .reply(400, { non_field_errors: ['Unable to log in with provided credentials.'] });
    const ops = opsOf({ username: 'peter', password: PASSWORD });
    const error = await ops.users.current().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecret(error, [PASSWORD]);
    await expect(ops.users.current()).rejects.toBeInstanceOf(AuthenticationError);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refreshToken: converted once, keeping the refresh token valid by default, so a 401 can convert it again', async () => {
    const convert = nock(ORIGIN)
      .post('/api/v1/auth/convert_refresh_token/', { refresh_token: REFRESH, keep_refresh_token: true })
      .twice()
      .reply(200, { token: TOKEN });
    nock(ORIGIN).get('/api/v1/users/current/').reply(401, { detail: 'Invalid token.' });
    nock(ORIGIN).get('/api/v1/users/current/').reply(200, user);
    await opsOf({ refreshToken: REFRESH }).users.current();
    convert.done();
  });

  it("refreshToken with keepRefreshToken: false sends get.chat's default", async () => {
    const convert = nock(ORIGIN)
      .post('/api/v1/auth/convert_refresh_token/', { refresh_token: REFRESH, keep_refresh_token: false })
      .reply(200, { token: TOKEN });
    nock(ORIGIN).get('/api/v1/users/current/').reply(200, user);
    await opsOf({ refreshToken: REFRESH, keepRefreshToken: false }).users.current();
    convert.done();
  });

  it('an invalid refresh token is an AuthenticationError without the refresh token', async () => {
    nock(ORIGIN)
      .post('/api/v1/auth/convert_refresh_token/')
      .reply(400, { refresh_token: [`Invalid refresh token ${REFRESH}.`] });
    const error = await opsOf({ refreshToken: REFRESH })
      .users.current()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecret(error, [REFRESH]);
  });
});

describe('auth namespace (Authorization section)', () => {
  const ops = opsOf({ token: TOKEN });

  it('createToken: POST /auth/token/ without credentials of its own', async () => {
    nock(ORIGIN, { badheaders: ['authorization'] })
      .post('/api/v1/auth/token/', { username: 'bot', password: PASSWORD })
      .reply(200, { token: 'new-token' });
    await expect(ops.auth.createToken({ username: 'bot', password: PASSWORD })).resolves.toEqual({ token: 'new-token' });
  });

  it('convertRefreshToken and the deprecated convertIdToken', async () => {
    nock(ORIGIN).post('/api/v1/auth/convert_refresh_token/', { refresh_token: REFRESH, keep_refresh_token: false }).reply(200, { token: 'a' });
    nock(ORIGIN).post('/api/v1/auth/convert_id_token/', { id_token: REFRESH }).reply(200, { token: 'b' });
    await expect(ops.auth.convertRefreshToken({ refreshToken: REFRESH })).resolves.toEqual({ token: 'a' });
    await expect(ops.auth.convertIdToken({ idToken: REFRESH })).resolves.toEqual({ token: 'b' });
  });

  it('retrieveRefreshToken: GET /users/{id}/refresh_token/ (inferred), authenticated', async () => {
    nock(ORIGIN, { reqheaders: { authorization: `Token ${TOKEN}` } })
      .get('/api/v1/users/7/refresh_token/')
      .reply(200, { refresh_token: 'rt' });
    await expect(ops.auth.retrieveRefreshToken(7)).resolves.toEqual({ refreshToken: 'rt' });
  });

  it('validates its input before any request', async () => {
    const error = await ops.auth.createToken({ username: 'bot', password: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('input.password');
  });
});

describe('options', () => {
  const configError = (options: unknown) => {
    try {
      createGetchatProvider(options as GetchatOptions);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return error as ConfigurationError;
    }
    throw new Error('expected a ConfigurationError');
  };

  it('builds the base URL and websocket URL from a stack name', async () => {
    nock(ORIGIN).get('/api/v1/users/current/').reply(200, user);
    await opsOf({ token: TOKEN }).users.current();
    expect(nock.pendingMocks()).toEqual([]);
    expect(websocketUrlFor(stackBaseUrl('acme'))).toBe('wss://websockets-acme.inbox.getchat.360dialog.io/');
    expect(websocketUrlFor('http://127.0.0.1:8080/api/v1')).toBeUndefined();
  });

  it('needs exactly one auth method and one location', () => {
    expect(configError({ stack: 'acme' }).message).toMatch(/give one auth method/);
    expect(configError({ stack: 'acme', token: TOKEN, d360ApiKey: API_KEY }).message).toMatch(/not token and d360ApiKey/);
    expect(configError({ stack: 'acme', username: 'peter' }).field).toBe('password');
    expect(configError({ token: TOKEN }).field).toBe('baseUrl');
    expect(configError({ stack: 'acme', baseUrl: `${ORIGIN}/api/v1`, token: TOKEN }).field).toBe('baseUrl');
  });

  it('requires HTTPS and WSS unless allowInsecureHttp; refuses unknown path overrides; never echoes a secret', () => {
    expect(configError({ baseUrl: 'http://acme.example/api/v1', token: TOKEN }).field).toBe('baseUrl');
    expect(configError({ stack: 'acme', token: TOKEN, websocketUrl: 'ws://acme.example/' }).field).toBe('websocketUrl');
    expect(configError({ stack: 'acme', token: TOKEN, paths: { retrieveChats: '/x/' } }).field).toBe('paths.retrieveChats');
    expect(configError({ stack: 'acme bad', token: TOKEN }).field).toBe('stack');
    // The options schema is strict: a misspelt option is refused by name, not ignored.
    expect(configError({ stack: 'acme', token: TOKEN, webhookSecrett: 'x' }).field).toBe('webhookSecrett');
    expectNoSecret(configError({ stack: 'acme', token: TOKEN, password: PASSWORD }), [TOKEN, PASSWORD]);
  });

  it('applies a path override to an inferred path, for the provider and its operation groups alike', async () => {
    const provider = make({ token: TOKEN, paths: { retrieveMessage: '/messages/by-id/{id}/' } });
    const message = { id: 'abc', waba_payload: { id: 'wamid.1', from: '48123123123', timestamp: '1', type: 'text', text: { body: 'x' } }, from_us: false };
    nock(ORIGIN).get('/api/v1/messages/by-id/abc/').twice().reply(200, message);
    await expect(provider.messages.retrieve('abc')).resolves.toMatchObject({ getchatId: 'abc', content: { type: 'text', text: 'x' } });
    nock(ORIGIN).post('/api/v1/mark_as_received/').reply(200, {});
    await provider.markRead('abc');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("takes every operation's path override in createGetchatProvider, and names a typo", async () => {
    const provider = make({ token: TOKEN, paths: { retrieveUser: '/members/{id}/' } });
    nock(ORIGIN).get('/api/v1/members/2/').reply(200, user);
    await expect(provider.users.retrieve(2)).resolves.toMatchObject({ id: 2 });
    expect(configError({ stack: 'acme', token: TOKEN, paths: { retrieveUsr: '/x/' } as never }).field).toBe('paths.retrieveUsr');
    expect(configError({ stack: 'acme', token: TOKEN, paths: { retrieveUser: 'members/' } }).field).toBe('paths.retrieveUser');
  });
});

import { inspect } from 'node:util';
import nock from 'nock';
import { AuthenticationError, RequestRejectedError } from '@wamux/core';
import { BASE, collect, DOC_USER, TOKEN, testOperations } from './helpers';
import { useNock } from '../../../../test-support/use-nock';

useNock();

const api = () => nock(BASE, { reqheaders: { authorization: `Token ${TOKEN}` } });

describe('users', () => {
  it("retrieveCurrentUser: GET /users/current/ → the document's example, mapped", async () => {
    api().get('/users/current/').reply(200, DOC_USER);
    expect(await testOperations().users.current()).toEqual({
      id: 2,
      url: `${BASE}/users/2/`,
      username: 'peter',
      firstName: 'Peter',
      lastName: 'Rabbit',
      email: 'peter@example.com',
      profile: { role: 'admin', isAvailable: undefined, avatar: undefined, largeAvatar: undefined },
      groups: [{ id: 3, name: 'Admin' }],
      permissions: { canUseTags: true, canReadChats: 'all', canWriteToChats: 'all' },
    });
  });

  it('listUsers: GET /users/', async () => {
    api()
      .get('/users/')
      .reply(200, { count: 1, next: null, previous: null, results: [DOC_USER] });
    expect((await collect(testOperations().users.list())).map((user) => user.username)).toEqual(['peter']);
  });

  it("createNewUser: POST /users/ with the document's bot example, returning activation_url", async () => {
    api()
      .post('/users/', { username: 'My Bot', profile: { role: 'app' } })
      .reply(201, {
        url: `${BASE}/users/9/`,
        activation_url: 'https://acme.inbox.getchat.360dialog.io/activate/abc/',
        id: 9,
        username: 'My Bot',
        first_name: '',
        last_name: '',
        email: '',
        profile: { role: 'app' },
      });
    const user = await testOperations().users.create({ username: 'My Bot', profile: { role: 'app' } });
    expect(user).toMatchObject({ id: 9, username: 'My Bot', activationUrl: 'https://acme.inbox.getchat.360dialog.io/activate/abc/', groups: [] });
  });

  it('activate: GETs the activation URL without credentials; an app user gets its token', async () => {
    const link = () => nock('https://acme.inbox.getchat.360dialog.io', { badheaders: ['authorization', 'd360-api-key'] });
    link().get('/activate/abc/').reply(200, { token: 'app-token-123456' });
    link().get('/activate/def/').reply(200, '<html>Activated</html>', { 'content-type': 'text/html' });
    expect(await testOperations().users.activate('https://acme.inbox.getchat.360dialog.io/activate/abc/')).toEqual({ token: 'app-token-123456' });
    expect(await testOperations().users.activate('https://acme.inbox.getchat.360dialog.io/activate/def/')).toBeUndefined();
  });

  it('retrieveUser, updateUser (PUT) and partialUpdateUser (PATCH): /users/{id}/', async () => {
    api().get('/users/2/').reply(200, DOC_USER);
    api()
      .put('/users/2/', {
        username: 'peter',
        first_name: 'Peter',
        email: 'peter@example.com',
        group_ids: [3],
        permissions: { can_use_tags: true, can_read_chats: 'group', can_write_to_chats: 'group' },
      })
      .reply(200, DOC_USER);
    api()
      .patch('/users/2/', { permissions: { can_use_tags: true, can_read_chats: 'group', can_write_to_chats: 'group' } })
      .reply(200, DOC_USER);
    const ops = testOperations().users;
    expect((await ops.retrieve(2)).id).toBe(2);
    await ops.update(2, {
      username: 'peter',
      firstName: 'Peter',
      email: 'peter@example.com',
      groupIds: [3],
      permissions: { canUseTags: true, canReadChats: 'group', canWriteToChats: 'group' },
    });
    await ops.partialUpdate(2, { permissions: { canUseTags: true, canReadChats: 'group', canWriteToChats: 'group' } });
    expect(nock.isDone()).toBe(true);
  });

  it('validates user input: e-mail, permissions, required PUT fields', async () => {
    const ops = testOperations().users;
    await expect(ops.create({ username: 'x', email: 'not-an-email' })).rejects.toMatchObject({ field: 'user.email' });
    await expect(ops.partialUpdate(2, { permissions: { canReadChats: 'everyone' as 'all' } })).rejects.toMatchObject({
      field: 'user.permissions.canReadChats',
    });
    await expect(ops.update(2, { username: 'x' } as never)).rejects.toMatchObject({ field: 'user.email' });
  });

  it('changeMyPassword: PUT /users/password/change/ {current_password, new_password}', async () => {
    api().put('/users/password/change/', { current_password: 'old-secret-1', new_password: 'new-secret-2' }).reply(200, {});
    await testOperations().users.changeMyPassword({ currentPassword: 'old-secret-1', newPassword: 'new-secret-2' });
    expect(nock.isDone()).toBe(true);
  });

  it('changeUserPassword: PUT /users/{id}/password/change/ {password}', async () => {
    api().put('/users/9/password/change/', { password: 'bot-secret-9' }).reply(200, {});
    await testOperations().users.changePassword(9, 'bot-secret-9');
    expect(nock.isDone()).toBe(true);
  });

  it('never lets a password into an error, even when the vendor echoes it', async () => {
    api()
      .put('/users/password/change/')
      .reply(400, { new_password: ['"hunter2-very-secret" is too common.'], current_password: ['old-pass-1234 is wrong'] });
    const error = await testOperations()
      .users.changeMyPassword({ currentPassword: 'old-pass-1234', newPassword: 'hunter2-very-secret' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestRejectedError);
    for (const text of [inspect(error, { depth: 10 }), JSON.stringify(error), String((error as Error).stack)]) {
      expect(text).not.toContain('hunter2-very-secret');
      expect(text).not.toContain('old-pass-1234');
    }
  });

  it('a 403 "credentials were not provided" is an AuthenticationError without the token', async () => {
    nock(BASE).get('/users/current/').reply(403, { detail: 'Authentication credentials were not provided.' });
    const error = await testOperations()
      .users.current()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(inspect(error, { depth: 10 }) + JSON.stringify(error)).not.toContain(TOKEN);
  });
});

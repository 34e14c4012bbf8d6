import { inspect } from 'node:util';
import nock from 'nock';
import { BASE, collect, DOC_USER, TOKEN, testOperations } from './helpers';
import { useNock } from '../../../../test-support/use-nock';

useNock();

const api = () => nock(BASE, { reqheaders: { authorization: `Token ${TOKEN}` } });

describe('groups', () => {
  it('listGroups: GET /groups/ and retrieveGroup: GET /groups/{id}/', async () => {
    api()
      .get('/groups/')
      .reply(200, { count: 1, next: null, previous: null, results: [{ id: 0, name: 'string' }] });
    api().get('/groups/3/').reply(200, { id: 3, name: 'Admin' });
    expect(await collect(testOperations().groups.list())).toEqual([{ id: 0, name: 'string' }]);
    expect(await testOperations().groups.retrieve(3)).toEqual({ id: 3, name: 'Admin' });
  });
});

describe('notifications', () => {
  it('resendActivationEmailNotification: POST /notifications/email/resend_activation/', async () => {
    api().post('/notifications/email/resend_activation/', {}).reply(200, {});
    await testOperations().notifications.resendActivationEmail();
    expect(nock.isDone()).toBe(true);
  });
});

describe('WABA webhooks', () => {
  const DOC_WEBHOOK = {
    id: 3,
    user: { id: 23, username: 'string', url: 'string' },
    url: 'http://example.com',
    on_incoming_message: false,
    on_outgoing_message: false,
    on_assigned: true,
    headers: { Authorization: 'Token 8aeb44f5a318542d32bb13019d68198467ee21f0' },
  };

  it("listWabaWebhooks: GET /webhooks/waba/ → the document's example configs", async () => {
    api()
      .get('/webhooks/waba/')
      .reply(200, { count: 1, next: null, previous: null, results: [{ ...DOC_WEBHOOK, headers: undefined }] });
    expect(await collect(testOperations().webhooks.list())).toEqual([
      {
        id: 3,
        user: expect.objectContaining({ id: 23, username: 'string' }),
        url: 'http://example.com',
        onIncomingMessage: false,
        onOutgoingMessage: false,
        onAssigned: true,
        headers: {},
      },
    ]);
  });

  it('createWabaWebhook: POST /webhooks/waba/ with the shared secret as ?auth= on the URL', async () => {
    api()
      .post('/webhooks/waba/', {
        url: 'https://bot.example.com/hook?auth=s3cr3t-shared',
        on_incoming_message: true,
        on_outgoing_message: false,
        on_assigned: true,
        headers: { Authorization: 'Token abc' },
      })
      .reply(201, DOC_WEBHOOK);
    const webhook = await testOperations().webhooks.create({
      url: 'https://bot.example.com/hook',
      sharedSecret: 's3cr3t-shared',
      onIncomingMessage: true,
      onOutgoingMessage: false,
      onAssigned: true,
      headers: { Authorization: 'Token abc' },
    });
    expect(webhook.headers).toEqual({ Authorization: 'Token 8aeb44f5a318542d32bb13019d68198467ee21f0' });
  });

  it('retrieve, update (PUT), delete and test: /webhooks/waba/{id}/[test/]', async () => {
    api().get('/webhooks/waba/3/').reply(200, DOC_WEBHOOK);
    api()
      .put('/webhooks/waba/3/', { url: 'https://bot.example.com/v2', on_assigned: false })
      .reply(200, { ...DOC_WEBHOOK, url: 'https://bot.example.com/v2', on_assigned: false });
    api().delete('/webhooks/waba/3/').reply(204);
    api().post('/webhooks/waba/3/test/', {}).reply(200, {});
    const ops = testOperations().webhooks;
    expect((await ops.retrieve(3)).onAssigned).toBe(true);
    expect((await ops.update(3, { url: 'https://bot.example.com/v2', onAssigned: false })).onAssigned).toBe(false);
    await ops.delete(3);
    await ops.test(3);
    expect(nock.isDone()).toBe(true);
  });

  it('rejects a webhook URL that is not http(s) without echoing the shared secret', async () => {
    const error = await testOperations()
      .webhooks.create({ url: 'ftp://x.example', sharedSecret: 'never-printed-secret' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ field: 'webhook.url' });
    expect(inspect(error) + JSON.stringify(error)).not.toContain('never-printed-secret');
  });
});

describe('health statuses', () => {
  it('listHealthStatuses: GET /status/health/ → a bare array of {check_name, is_ok, message}', async () => {
    api()
      .get('/status/health/')
      .reply(200, [
        { check_name: 'database', is_ok: true, message: 'ok' },
        { check_name: 'waba', is_ok: 'false', message: 'down' },
      ]);
    expect(await testOperations().health.list()).toEqual([
      { checkName: 'database', isOk: true, message: 'ok' },
      { checkName: 'waba', isOk: false, message: 'down' },
    ]);
  });
});

describe('WABA errors', () => {
  it('listWabaErrors: GET /errors/waba/ and retrieveWabaError: GET /errors/waba/{id}/', async () => {
    const DOC_ERROR = { waba_payload: { code: 470 }, timestamp: 1634833334, waba_id: 'string', getchat_id: '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0' };
    api()
      .get('/errors/waba/')
      .reply(200, { count: 1, next: null, previous: null, results: [{ id: 1, ...DOC_ERROR }] });
    api().get('/errors/waba/1/').reply(200, DOC_ERROR);
    expect(await collect(testOperations().wabaErrors.list())).toEqual([
      { id: 1, wabaPayload: { code: 470 }, timestamp: new Date(1634833334000), wabaId: 'string', getchatId: '8b176ba5-fa8e-458e-94ad-85d1ae8f3be0' },
    ]);
    expect((await testOperations().wabaErrors.retrieve(1)).getchatId).toBe('8b176ba5-fa8e-458e-94ad-85d1ae8f3be0');
  });
});

describe('FCM device tokens', () => {
  const DOC_DEVICE = { id: 0, token: 'string', user: DOC_USER, last_seen: '2019-08-24T14:15:22Z' };

  it('list (filtered by token), register, update and deregister: /fcm_device_tokens/[{id}/]', async () => {
    api()
      .get('/fcm_device_tokens/')
      .query({ token: 'string' })
      .reply(200, { count: 1, next: null, previous: null, results: [DOC_DEVICE] });
    api()
      .post('/fcm_device_tokens/', { token: 'fcm-1' })
      .reply(201, { ...DOC_DEVICE, token: 'fcm-1' });
    api()
      .put('/fcm_device_tokens/0/', { token: 'fcm-2' })
      .reply(200, { ...DOC_DEVICE, token: 'fcm-2' });
    api().delete('/fcm_device_tokens/0/').reply(204);
    const ops = testOperations().fcmDeviceTokens;
    expect(await collect(ops.list({ token: 'string' }))).toEqual([
      { id: 0, token: 'string', user: expect.objectContaining({ id: 2 }), lastSeen: new Date('2019-08-24T14:15:22Z') },
    ]);
    expect((await ops.register('fcm-1')).token).toBe('fcm-1');
    expect((await ops.update(0, 'fcm-2')).token).toBe('fcm-2');
    await ops.deregister(0);
    expect(nock.isDone()).toBe(true);
  });
});

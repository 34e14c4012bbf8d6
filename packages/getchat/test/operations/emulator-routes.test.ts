import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, NotFoundError, RequestRejectedError } from '@wamux/core';
import { createEmulatorServer, type EmulatorServer } from '@wamux/emulator';
import { createOperationsEmulatorState, operationRoutes, type OperationsEmulatorState } from '../../src/emulator/routes';
import { collect, TOKEN, testOperations } from './helpers';

// B's operations against B's emulator routes on a real local server.

let state: OperationsEmulatorState;
let server: EmulatorServer;

beforeAll(async () => {
  state = createOperationsEmulatorState();
  server = await createEmulatorServer({
    basePath: '/api/v1',
    routes: operationRoutes(state),
    authenticate: (request) => {
      const token = /^Token (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      return token === TOKEN || (token !== undefined && state.tokens.has(token));
    },
    renderError: (status, info) => ({ status, json: { detail: info.message } }),
  });
});
afterAll(() => server.close());
beforeEach(() => {
  state.reset();
  server.reset();
});

const ops = () => testOperations({ baseUrl: server.url });
const customer = (waId: string, name: string, timestamp: number, extra: Record<string, unknown> = {}) =>
  state.recordMessage({
    waId,
    profileName: name,
    timestamp,
    fromUs: false,
    message: {
      waba_payload: { from: waId, id: `wamid.${waId}.${timestamp}`, timestamp: String(timestamp), type: 'text', text: { body: 'hi' }, ...extra },
      customer_wa_id: waId,
      from_us: false,
    },
  });

describe('the operation routes of the emulator', () => {
  it('refuses requests without valid credentials', async () => {
    await expect(testOperations({ baseUrl: server.url, token: 'wrong-token-1234' }).users.current()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('persons and chats follow the recorded messages; lists page through {count, next, previous, results}', async () => {
    for (let i = 0; i < 45; i += 1) customer(`4812312${String(i).padStart(4, '0')}`, `Customer ${i}`, 1_700_000_000 + i);
    const persons = await collect(ops().persons.list({ pageSize: 20 }));
    expect(persons).toHaveLength(45);
    expect(persons[0]).toMatchObject({ waId: '48123120044', name: 'Customer 44', initials: 'C4' });
    expect(server.requests().filter((r) => r.path.startsWith('/api/v1/persons/'))).toHaveLength(3);

    const chats = await collect(ops().chats.list({ search: 'Customer 1', pageSize: 5 }));
    expect(chats.map((chat) => chat.waId).sort()).toEqual(['48123120001', ...Array.from({ length: 10 }, (_, i) => `481231200${10 + i}`)].sort());
    expect(chats[0]?.newMessages).toBe(1);
    expect((await ops().persons.retrieve('+48123120003')).name).toBe('Customer 3');
    await expect(ops().persons.retrieve('48000000000')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('chat filters: time window, referral, blocked and reported', async () => {
    customer('48111111111', 'Old', 1_600_000_000);
    customer('48222222222', 'Ad', 1_700_000_000, {
      referral: { source_url: 'https://fb.example/ad/1', source_id: 'ad-1', source_type: 'ad', headline: 'Sale', body: 'Buy', media_type: 'image' },
    });
    const waIds = async (filters: Parameters<ReturnType<typeof ops>['chats']['list']>[0]) =>
      (await collect(ops().chats.list(filters))).map((chat) => chat.waId);
    expect(await waIds({ messagesSinceTime: 1_650_000_000 })).toEqual(['48222222222']);
    expect(await waIds({ messagesBeforeTime: new Date(1_650_000_000_000) })).toEqual(['48111111111']);
    expect(
      await waIds({ messageHasReferral: true, messageReferralSourceUrl: 'fb.example', messageReferralSourceType: 'ad', messageReferralMediaType: 'image' }),
    ).toEqual(['48222222222']);

    await ops().contacts.block('48111111111', { reason: 'spam' });
    await ops().contacts.report('48222222222', { reason: 'abuse' });
    expect(await waIds({ blocked: true })).toEqual(['48111111111']);
    expect(await waIds({ reported: true })).toEqual(['48222222222']);
    expect((await collect(ops().contacts.listBlocked())).map((b) => b.waId)).toEqual(['48111111111']);
    await ops().contacts.unblock('+48111111111');
    expect(await collect(ops().contacts.listBlocked())).toEqual([]);
  });

  it('contacts: provider contacts, resolve and verify', async () => {
    customer('48123123123', 'Konrad Tester', 1_700_000_000);
    state.contacts = [
      { name: 'Konrad (CRM)', phone_numbers: [{ phone_number: '+48 123 123 123', description: 'Mobile' }], contact_provider: { type: 'hubspot' } },
    ];
    expect((await collect(ops().contacts.list({ search: 'crm' }))).map((c) => c.contactProvider)).toEqual(['hubspot']);
    const resolved = await ops().contacts.resolve('48123123123');
    expect(resolved.person?.name).toBe('Konrad Tester');
    expect(resolved.contactProviderResults[0]?.name).toBe('Konrad (CRM)');
    expect(await ops().contacts.verify({ contacts: ['+48 123 123 123'] })).toEqual([{ input: '+48 123 123 123', status: 'valid', waId: '48123123123' }]);
  });

  it('assignment: update, partial update, and its event history with the time window', async () => {
    customer('48123123123', 'Konrad', 1_700_000_000);
    const bot = await ops().users.create({ username: 'bot', profile: { role: 'app' } });
    expect(await ops().chatAssignments.update('48123123123', { assignedToUserId: 1, assignedGroupId: 2 })).toEqual({
      waId: '48123123123',
      assignedToUserId: 1,
      assignedGroupId: 2,
    });
    expect(await ops().chatAssignments.partialUpdate('48123123123', { assignedToUserId: bot.id })).toEqual({
      waId: '48123123123',
      assignedToUserId: bot.id,
      assignedGroupId: 2,
    });
    expect(await ops().chatAssignments.partialUpdate('48123123123', { assignedGroupId: null })).toMatchObject({ assignedGroupId: null });
    expect((await ops().chats.retrieve('48123123123')).assignedToUser?.username).toBe('bot');
    expect(await collect(ops().chats.list({ assignedToMe: true }))).toEqual([]);

    const events = await collect(ops().chatAssignments.listEvents({ waId: '48123123123' }));
    expect(events).toHaveLength(3);
    expect(events.some((event) => event.assignedToUserSet?.username === 'bot')).toBe(true);
    expect(events.some((event) => event.assignedGroupWasCleared)).toBe(true);
    expect(await collect(ops().chatAssignments.listEvents({ waId: '48123123123', sinceTime: new Date(Date.now() + 60_000) }))).toEqual([]);
    await expect(ops().chatAssignments.partialUpdate('48123123123', { assignedToUserId: 999 })).rejects.toBeInstanceOf(RequestRejectedError);
  });

  it('tags, chat and message taggings and their events; tagging a message tags its chat', async () => {
    customer('48123123123', 'Konrad', 1_700_000_000);
    const vip = await ops().tags.create({ name: 'vip', webInboxColor: '#f00' });
    const lead = await ops().tags.create({ name: 'lead' });
    const chatTagging = await ops().chatTaggings.create({ tagId: vip.id, waId: '48123123123', extra: { from: 'crm' } });
    await expect(ops().chatTaggings.create({ tagId: vip.id, waId: '48123123123' })).rejects.toBeInstanceOf(RequestRejectedError);
    expect(await ops().chatTaggings.retrieve(chatTagging.id)).toEqual({ id: chatTagging.id, tagId: vip.id, waId: '48123123123', extra: { from: 'crm' } });

    const messageTagging = await ops().messageTaggings.create({ tagId: lead.id, messageId: 'wamid.48123123123.1700000000' });
    expect((await ops().chats.retrieve('48123123123')).tags.map((tag) => tag.name).sort()).toEqual(['lead', 'vip']);
    expect((await collect(ops().chats.list({ chatTagId: lead.id }))).map((chat) => chat.waId)).toEqual(['48123123123']);

    await ops().chatTaggings.destroy(chatTagging.id);
    await ops().messageTaggings.destroy(messageTagging.id);
    const chatEvents = await collect(ops().chatTaggings.listEvents({ waId: '48123123123' }));
    expect(chatEvents.map((event) => [event.tag?.name, event.action])).toEqual(
      expect.arrayContaining([
        ['vip', 'added'],
        ['vip', 'removed'],
        ['lead', 'added'],
      ]),
    );
    expect(chatEvents[0]?.doneBy?.username).toBe('admin');
    const messageEvents = await collect(ops().messageTaggings.listEvents({ messageId: 'wamid.48123123123.1700000000' }));
    expect(messageEvents.map((event) => event.action).sort()).toEqual(['added', 'removed']);
    expect(await collect(ops().messageTaggings.listEvents({ waId: '48123123123' }))).toHaveLength(2);

    await ops().tags.destroy(vip.id);
    expect((await collect(ops().tags.list())).map((tag) => tag.name)).toEqual(['lead']);
  });

  it('saved responses', async () => {
    const created = await ops().savedResponses.create('Thanks for waiting!');
    await ops().savedResponses.create('See you');
    expect(created).toMatchObject({ text: 'Thanks for waiting!', createdBy: 1 });
    expect((await collect(ops().savedResponses.list({ text: 'thanks' }))).map((r) => r.text)).toEqual(['Thanks for waiting!']);
    await ops().savedResponses.delete(created.id);
    await expect(ops().savedResponses.delete(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('templates: seeded, created, deleted, refreshed', async () => {
    state.seedTemplates([{ id: 'tpl_order_update', name: 'order_update', language: 'en', body: 'Hello {{1}}, your order {{2}} is on its way' }]);
    await ops().templates.create({ name: 'welcome', category: 'MARKETING', language: 'en_US', components: [{ type: 'BODY', text: 'Welcome!' }] });
    expect((await collect(ops().templates.list())).map((t) => [t.name, t.status])).toEqual([
      ['order_update', 'approved'],
      ['welcome', 'submitted'],
    ]);
    await ops().templates.destroy('welcome');
    expect(await collect(ops().templates.list())).toHaveLength(1);
    expect(await ops().templates.refreshStatus()).toEqual({ currentlyRefreshing: false });
    await ops().templates.refresh();
    expect(await ops().templates.refreshStatus()).toEqual({ currentlyRefreshing: true });
  });

  it('settings: business profile, about (both body forms), photo round trip, refresh', async () => {
    expect((await ops().settings.updateBusinessProfile({ vertical: 'Restaurant', websites: ['https://food.example'] })).websites).toEqual([
      'https://food.example',
    ]);
    expect((await ops().settings.retrieveBusinessProfile()).vertical).toBe('Restaurant');
    expect((await ops().settings.updateAbout('Open 9-17')).text).toBe('Open 9-17');
    expect((await ops().settings.retrieveAbout()).text).toBe('Open 9-17');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await ops().settings.updateProfilePhoto({ data: png, filename: 'logo.png', mimeType: 'image/png' });
    expect(await ops().settings.retrieveProfilePhoto()).toEqual({ data: png, mimeType: 'image/png' });
    await ops().settings.deleteProfilePhoto();
    await expect(ops().settings.retrieveProfilePhoto()).rejects.toBeInstanceOf(NotFoundError);
    await ops().settings.refresh();
    expect(await ops().settings.refreshStatus()).toEqual({ currentlyRefreshing: true });
  });

  it('users: create an app user, activate it, and use its token', async () => {
    const bot = await ops().users.create({ username: 'My Bot', profile: { role: 'app' } });
    expect(bot.activationUrl).toMatch(/\/users\/activate\/[0-9a-f]+\/$/);
    const activation = await ops().users.activate(bot.activationUrl as string);
    expect(activation?.token).toMatch(/^[0-9a-f]{40}$/);
    // The activation code works once.
    await expect(ops().users.activate(bot.activationUrl as string)).rejects.toBeInstanceOf(NotFoundError);
    const asBot = testOperations({ baseUrl: server.url, token: activation?.token as string });
    expect((await collect(asBot.users.list())).map((user) => user.username)).toEqual(['admin', 'My Bot']);

    await ops().users.partialUpdate(bot.id, { permissions: { canReadChats: 'group' }, groupIds: [1] });
    const updated = await ops().users.retrieve(bot.id);
    expect(updated.permissions?.canReadChats).toBe('group');
    expect(updated.groups).toEqual([{ id: 1, name: 'Admin' }]);
    await ops().users.update(bot.id, { username: 'my_bot', email: 'bot@example.com', permissions: { canUseTags: false } });
    expect((await ops().users.retrieve(bot.id)).username).toBe('my_bot');
    expect((await ops().users.current()).username).toBe('admin');

    await ops().users.changePassword(bot.id, 'first-pass-1');
    await ops().users.changeMyPassword({ currentPassword: 'anything', newPassword: 'admin-pass-2' });
    await expect(ops().users.changeMyPassword({ currentPassword: 'wrong', newPassword: 'x' })).rejects.toBeInstanceOf(RequestRejectedError);
    await ops().notifications.resendActivationEmail();
    expect(state.activationEmailsResent).toBe(1);
  });

  it('groups', async () => {
    expect(await collect(ops().groups.list())).toEqual([
      { id: 1, name: 'Admin' },
      { id: 2, name: 'Regular user' },
    ]);
    expect(await ops().groups.retrieve(2)).toEqual({ id: 2, name: 'Regular user' });
  });

  it('WABA webhooks: create with a shared secret and headers; test posts a mock statuses event to it', async () => {
    const received: { url?: string; headers?: Record<string, string | string[] | undefined>; body?: string } = {};
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        Object.assign(received, { url: req.url, headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const port = (receiver.address() as AddressInfo).port;
      const webhook = await ops().webhooks.create({
        url: `http://127.0.0.1:${port}/hook`,
        sharedSecret: 'shh-123456',
        onAssigned: true,
        headers: { 'X-Bot': 'yes' },
      });
      expect(webhook).toMatchObject({
        url: `http://127.0.0.1:${port}/hook?auth=shh-123456`,
        onAssigned: true,
        onIncomingMessage: false,
        user: { id: 1, username: 'admin' },
      });
      await ops().webhooks.test(webhook.id);
      expect(received.url).toBe('/hook?auth=shh-123456');
      expect(received.headers?.['x-bot']).toBe('yes');
      expect(JSON.parse(received.body ?? '{}')).toMatchObject({ statuses: [{ status: 'read', getchat_id: expect.any(String) }] });

      await ops().webhooks.update(webhook.id, { url: `http://127.0.0.1:${port}/v2`, onIncomingMessage: true });
      expect((await ops().webhooks.retrieve(webhook.id)).onIncomingMessage).toBe(true);
      expect(await collect(ops().webhooks.list())).toHaveLength(1);
      await ops().webhooks.delete(webhook.id);
      await expect(ops().webhooks.retrieve(webhook.id)).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });

  it('health statuses, WABA errors and FCM device tokens', async () => {
    expect(await ops().health.list()).toEqual([
      { checkName: 'database', isOk: true, message: 'ok' },
      { checkName: 'waba', isOk: true, message: 'ok' },
    ]);
    state.wabaErrors.set(1, {
      id: 1,
      waba_payload: { code: 470, title: 'Re-engagement message' },
      timestamp: 1_700_000_000,
      waba_id: '102290129340398',
      getchat_id: 'g-1',
    });
    expect(await collect(ops().wabaErrors.list())).toEqual([
      {
        id: 1,
        wabaPayload: { code: 470, title: 'Re-engagement message' },
        timestamp: new Date(1_700_000_000_000),
        wabaId: '102290129340398',
        getchatId: 'g-1',
      },
    ]);
    expect((await ops().wabaErrors.retrieve(1)).getchatId).toBe('g-1');

    const device = await ops().fcmDeviceTokens.register('fcm-token-a');
    expect((await ops().fcmDeviceTokens.register('fcm-token-a')).id).toBe(device.id);
    expect((await ops().fcmDeviceTokens.update(device.id, 'fcm-token-b')).token).toBe('fcm-token-b');
    expect((await collect(ops().fcmDeviceTokens.list({ token: 'fcm-token-b' }))).map((d) => d.id)).toEqual([device.id]);
    await ops().fcmDeviceTokens.deregister(device.id);
    expect(await collect(ops().fcmDeviceTokens.list())).toEqual([]);
  });

  it('chat import creates the chat from the exported log', async () => {
    const chat = await ops().chats.import({
      chatText: '10/03/2022, 11:00 - Customer 1: Message 1\n10/03/2022, 11:01 - Customer 1: Message 2',
      chatParticipants: [{ phone_number: '+48123123123' }],
      utcOffsetMinutes: -420,
      deviceLanguageCode: 'en-US',
      mediaFiles: [],
    });
    expect(chat).toMatchObject({ waId: '48123123123', newMessages: 2 });
    await ops().chats.resolve('48123123123');
    expect(state.chats.get('48123123123')?.resolved).toBe(true);
  });
});

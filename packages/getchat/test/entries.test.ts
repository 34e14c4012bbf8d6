import nock from 'nock';
import { useNock } from '../../../test-support/use-nock';
import { createGetchatProvider } from '../src';

// The typed operations and live events are properties of the provider,
// grouped by the document's sections; no hidden keys.

const ORIGIN = 'https://acme.inbox.getchat.360dialog.io';
const TOKEN = '8aeb44f5a318542d32bb13019d68198467ee21f0';

useNock({ loopback: true });

const provider = createGetchatProvider({ stack: 'acme', token: TOKEN, retry: false, rateLimit: false });

describe("the provider's vendor operations", () => {
  it('carries the contract, one property per section of the document, and live; nothing hidden', () => {
    const contract = [
      'capabilities',
      'close',
      'downloadMedia',
      'listMessages',
      'listTemplates',
      'markRead',
      'name',
      'parseWebhook',
      'send',
      'sendTemplateBulk',
      'specificationVersion',
      'uploadMedia',
      'verifySubscription',
    ];
    const sections = [
      'accounts',
      'auth',
      'chatAssignments',
      'chatTaggings',
      'chats',
      'contacts',
      'fcmDeviceTokens',
      'groups',
      'health',
      'media',
      'messageTaggings',
      'messages',
      'notifications',
      'persons',
      'savedResponses',
      'settings',
      'tags',
      'templates',
      'users',
      'wabaErrors',
      'webhooks',
    ];
    expect(Object.keys(provider).sort()).toEqual([...contract, ...sections, 'live'].sort());
    expect(Object.getOwnPropertySymbols(provider)).toEqual([]);
    expect(JSON.stringify({ ...provider })).not.toContain(TOKEN);
  });

  it("runs the operation groups on the provider's credentials", async () => {
    nock(ORIGIN, { reqheaders: { authorization: `Token ${TOKEN}` } })
      .get('/api/v1/tags/')
      .reply(200, { count: 1, next: null, previous: null, results: [{ id: 4, name: 'vip' }] });
    const tags = [];
    for await (const tag of provider.tags.list()) tags.push(tag);
    expect(tags).toEqual([{ id: 4, name: 'vip', webInboxColor: undefined }]);
  });

  it("opens activation links without the provider's credentials", async () => {
    const link = nock(ORIGIN, { badheaders: ['authorization'] })
      .get('/activate/abc/')
      .reply(200, { token: 'app-token-123456' });
    await expect(provider.users.activate(`${ORIGIN}/activate/abc/`)).resolves.toEqual({ token: 'app-token-123456' });
    link.done();
  });
});

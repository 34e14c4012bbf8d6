import nock from 'nock';
import { useNock } from '../../../test-support/use-nock';
import { ConfigurationError, type Provider } from '@wamux/core';
import { createGetchatProvider } from '../src';
import { getchatLive } from '../src/live';
import { getchatOperations } from '../src/operations';

// @wamux/getchat/operations and @wamux/getchat/live reach a provider's
// contexts through a Symbol.for key; anything else is refused by name.

const ORIGIN = 'https://acme.inbox.getchat.360dialog.io';
const TOKEN = '8aeb44f5a318542d32bb13019d68198467ee21f0';

useNock({ loopback: true });

const provider = createGetchatProvider({ stack: 'acme', token: TOKEN, retry: false, rateLimit: false });

describe('the provider and its other entry points', () => {
  it('carries the contract only; its contexts sit under a non-enumerable Symbol.for key', () => {
    expect(Object.keys(provider).sort()).toEqual(
      ['capabilities', 'close', 'downloadMedia', 'listMessages', 'listTemplates', 'markRead', 'name', 'parseWebhook', 'send', 'sendTemplateBulk', 'specificationVersion', 'uploadMedia'].sort(),
    );
    const key = Symbol.for('@wamux/getchat/context');
    expect(Object.getOwnPropertySymbols(provider)).toContain(key);
    expect(Object.getOwnPropertyDescriptor(provider, key)?.enumerable).toBe(false);
    expect(JSON.stringify({ ...provider })).not.toContain(TOKEN);
  });

  it('refuses anything that is not a get.chat provider with a ConfigurationError naming the argument', () => {
    const notGetchat = { ...provider } as Provider;
    for (const entry of [() => getchatOperations(notGetchat), () => getchatOperations(null as never), () => getchatLive(notGetchat)]) {
      let error: unknown;
      try {
        entry();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).toBe('provider');
    }
  });

  it('validates the operations options', () => {
    expect(() => getchatOperations(provider, { path: {} } as never)).toThrow(ConfigurationError);
  });

  it('runs the operation groups on the provider\'s credentials', async () => {
    nock(ORIGIN, { reqheaders: { authorization: `Token ${TOKEN}` } }).get('/api/v1/tags/').reply(200, { count: 1, next: null, previous: null, results: [{ id: 4, name: 'vip' }] });
    const tags = [];
    for await (const tag of getchatOperations(provider).tags.list()) tags.push(tag);
    expect(tags).toEqual([{ id: 4, name: 'vip', webInboxColor: undefined }]);
  });

  it('opens activation links without the provider\'s credentials', async () => {
    const link = nock(ORIGIN, { badheaders: ['authorization'] }).get('/activate/abc/').reply(200, { token: 'app-token-123456' });
    await expect(getchatOperations(provider).users.activate(`${ORIGIN}/activate/abc/`)).resolves.toEqual({ token: 'app-token-123456' });
    link.done();
  });
});

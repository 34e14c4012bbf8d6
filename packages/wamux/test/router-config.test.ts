import { ConfigurationError } from '@wamux/core';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { createProvider, type Router } from 'wamux';

describe('createProvider with a router config', () => {
  let primary: MemoryEmulator;
  let secondary: MemoryEmulator;
  beforeAll(async () => {
    primary = await createMemoryEmulator({ apiKey: 'primary-key-1111' });
    secondary = await createMemoryEmulator({ apiKey: 'secondary-key-2222' });
  });
  afterAll(async () => {
    await primary.close();
    await secondary.close();
  });

  const member = (emulator: MemoryEmulator, name: string) => ({
    provider: 'memory' as const,
    name,
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
    allowInsecureHttp: true,
    retry: false as const,
  });

  it('creates a router over the providers it lists, which fails over when the primary did not send', async () => {
    const router = (await createProvider(
      { router: { strategy: 'failover', providers: [member(primary, 'primary'), member(secondary, 'secondary')] } },
      { env: {} },
    )) as Router;
    try {
      expect(router.name).toBe('router');
      expect(router.providers).toEqual(['primary', 'secondary']);
      expect((await router.send({ type: 'text', to: '+905551112233', text: 'first' })).provider).toBe('primary');
      primary.injectFault({ type: 'http_error', status: 403, times: 1 });
      expect((await router.send({ type: 'text', to: '+905551112244', text: 'second' })).provider).toBe('secondary');
      expect(secondary.delivered().map((d) => d.message)).toMatchObject([{ text: 'second' }]);
    } finally {
      await router.close();
    }
  });

  it('names the field at fault under router.providers.<i>', async () => {
    const error = await createProvider(
      { router: { providers: [member(primary, 'a'), { provider: 'memory', baseUrl: secondary.url, allowInsecureHttp: true }] } },
      { env: {} },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('router.providers.1.apiKey');
  });

  it('refuses two members with one name, and an empty list', async () => {
    const twice = await createProvider({ router: { providers: [member(primary, 'same'), member(secondary, 'same')] } }, { env: {} }).catch((e: unknown) => e);
    expect((twice as ConfigurationError).field).toBe('router.providers.1.name');
    const empty = await createProvider({ router: { providers: [] } }, { env: {} }).catch((e: unknown) => e);
    expect((empty as ConfigurationError).field).toBe('router.providers');
  });
});

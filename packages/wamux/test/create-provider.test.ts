import { ConfigurationError, isWamuxError } from '@wamux/core';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';
import { createProvider, resolveConfig } from 'wamux';

describe('createProvider', () => {
  let emulator: MemoryEmulator;
  beforeAll(async () => {
    emulator = await createMemoryEmulator();
  });
  afterAll(() => emulator.close());

  it('creates the provider a config names and sends through it', async () => {
    const provider = await createProvider({ provider: 'memory', baseUrl: emulator.url, apiKey: emulator.apiKey, allowInsecureHttp: true });
    expect(provider.name).toBe('memory');
    const result = await provider.send({ type: 'text', to: '+905551112233', text: 'hi' });
    expect(emulator.delivered().at(-1)?.id).toBe(result.id);
  });

  it('reads missing secrets from the environment, never overriding the config', async () => {
    const env = { WAMUX_MEMORY_URL: emulator.url, WAMUX_MEMORY_API_KEY: emulator.apiKey };
    const provider = await createProvider({ provider: 'memory', allowInsecureHttp: true }, { env });
    await expect(provider.send({ type: 'text', to: '+905551112233', text: 'from env' })).resolves.toMatchObject({ id: expect.any(String) });
    expect(resolveConfig({ provider: 'memory', apiKey: 'from-config' }, { WAMUX_MEMORY_API_KEY: 'from-env' }).options.apiKey).toBe('from-config');
  });

  it('names the field at fault: an unknown provider', async () => {
    const error = await createProvider({ provider: 'nope' } as never, { env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).field).toBe('provider');
    expect((error as Error).message).toContain('memory');
  });

  it('names the field at fault: a missing option, reported by the adapter', async () => {
    const error = await createProvider({ provider: 'memory', baseUrl: emulator.url, allowInsecureHttp: true }, { env: {} }).catch((e: unknown) => e);
    expect(isWamuxError(error)).toBe(true);
    expect((error as ConfigurationError).field).toBe('apiKey');
  });

  it('refuses a config that is not an object', async () => {
    await expect(createProvider('memory' as never, { env: {} })).rejects.toMatchObject({ code: 'configuration_invalid', field: '(config)' });
  });

  it('never echoes a secret from a bad option value', async () => {
    const secret = 'super-secret-api-key-123';
    const error = await createProvider({ provider: 'memory', baseUrl: 42 as never, apiKey: secret }, { env: {} }).catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String((error as Error).message)).not.toContain(secret);
  });
});

// Which provider to run against, from the environment:
//   WAMUX_CONFIG='{"provider":"desk360","apiKey":"..."}'  a whole config, as JSON
//   WAMUX_PROVIDER=desk360                                  a name; createProvider reads the rest from its env variables
//   (neither)                                               the memory emulator on 127.0.0.1, no credentials needed
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/testing/emulator';
import { createProvider, type Provider, type ProviderConfig } from 'wamux';

/** A provider, and the memory emulator behind it when no config was given. */
export interface ProviderFromEnv {
  provider: Provider;
  emulator?: MemoryEmulator | undefined;
}

/** Creates the provider the environment configures, or one in front of a fresh memory emulator. */
export async function providerFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<ProviderFromEnv> {
  if (env.WAMUX_CONFIG) return { provider: await createProvider(JSON.parse(env.WAMUX_CONFIG) as ProviderConfig, { env }) };
  if (env.WAMUX_PROVIDER) return { provider: await createProvider({ provider: env.WAMUX_PROVIDER } as ProviderConfig, { env }) };
  const emulator = await createMemoryEmulator();
  const provider = await createProvider({
    provider: 'memory',
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
    webhookSecret: emulator.webhookSecret,
    allowInsecureHttp: true,
  });
  return { provider, emulator };
}

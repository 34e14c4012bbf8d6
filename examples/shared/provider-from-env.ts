// Which provider to run against, from the environment:
//   WAMUX_CONFIG='{"provider":"desk360","apiKey":"..."}'  a whole config, as JSON
//   WAMUX_PROVIDER=desk360                                  a name; createProvider reads the rest from its env variables
//   (neither), or WAMUX_PROVIDER=memory                     the memory provider in process: no server, no credentials
//                                                           (WAMUX_MEMORY_URL points it at a running memory emulator instead)
import type { MemoryEmulator } from '@wamux/memory/emulator';
import { createProvider, type Provider, type ProviderConfig } from 'wamux';

/** A provider, and the in-process memory emulator behind it when it runs on one. */
export interface ProviderFromEnv {
  provider: Provider;
  emulator?: MemoryEmulator | undefined;
}

/** Creates the provider the environment configures; with no configuration, the memory provider in process. */
export async function providerFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<ProviderFromEnv> {
  const config = env.WAMUX_CONFIG ? (JSON.parse(env.WAMUX_CONFIG) as ProviderConfig) : ({ provider: env.WAMUX_PROVIDER ?? 'memory' } as ProviderConfig);
  const provider = await createProvider(config, { env });
  return { provider, emulator: inProcessEmulator(provider) };
}

/** The emulator an in-process memory provider carries (`createMemoryProvider()` with no `baseUrl`), else `undefined`. */
function inProcessEmulator(provider: Provider): MemoryEmulator | undefined {
  return provider.name === 'memory' ? (provider as Provider & { emulator?: MemoryEmulator }).emulator : undefined;
}

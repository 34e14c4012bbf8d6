import type { Provider } from '@wamux/core';
import { resolveConfig, type Environment, type ProviderConfig } from './config';
import { adapters } from './registry';

/** Options of {@link createProvider}. */
export interface CreateProviderOptions {
  /** Where secrets missing from the config are read. Default `process.env` (when there is one). */
  env?: Environment;
}

/**
 * Creates the provider a config names, loading only that adapter.
 *
 * ```ts
 * const provider = await createProvider({ provider: 'desk360', apiKey: process.env.DESK360_API_KEY });
 * await provider.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * ```
 *
 * Switching vendors is a change of this config, not of the app. A wrong
 * config throws a `ConfigurationError` whose `field` names the option.
 */
export async function createProvider(config: ProviderConfig, options: CreateProviderOptions = {}): Promise<Provider> {
  const env = options.env ?? (typeof process === 'undefined' ? {} : process.env);
  const { provider, options: adapterOptions } = resolveConfig(config, env);
  const factory = await adapters[provider].load();
  return factory(adapterOptions as never);
}

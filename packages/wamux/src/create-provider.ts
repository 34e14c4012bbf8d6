import type { Provider } from '@wamux/core';
import type { Router } from '@wamux/router';
import { resolveConfig, type ConfigOf, type Environment, type ProviderConfig } from './config';
import { adapters, type ProviderName, type ProviderOf } from './registry';
import { createRouterFromConfig, isRouterConfig, type RouterConfig } from './router-config';
import { closingWith, redisUrlOf, shareRateLimit } from './shared-stores';

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
 *
 * With `redis` (or `WAMUX_REDIS_URL` in the environment), the rate limit
 * is kept in Redis and shared by every process created from the same
 * config (`@wamux/redis` and ioredis or redis installed); `close()` closes
 * that connection too. See docs/scaling.md.
 *
 * `{ router: { strategy, providers: [config, config, ...] } }` creates each
 * provider and a router over them (`@wamux/router`): one provider that fails
 * over only when a send was certainly not sent. See docs/routing.md.
 */
export async function createProvider(config: RouterConfig, options?: CreateProviderOptions): Promise<Router>;
/**
 * Creates the provider of the adapter `config.provider` names, typed as that
 * adapter's provider: `(await createProvider({ provider: 'desk360', ... })).templates`
 * is Desk360's template operations, and the options are checked against
 * Desk360's.
 */
export async function createProvider<Name extends ProviderName>(config: ConfigOf<Name>, options?: CreateProviderOptions): Promise<ProviderOf<Name>>;
/** Creates the provider or router of a config known only at run time (read from a file, say). */
export async function createProvider(config: ProviderConfig | RouterConfig, options?: CreateProviderOptions): Promise<Provider>;
export async function createProvider(config: ProviderConfig | RouterConfig, options: CreateProviderOptions = {}): Promise<Provider> {
  if (isRouterConfig(config)) return createRouterFromConfig(config, (member) => createProvider(member, options));
  const env = options.env ?? (typeof process === 'undefined' ? {} : process.env);
  const { provider, options: resolved } = resolveConfig(config, env);
  const { redis: _redis, ...adapterOptions } = resolved;
  const redisUrl = redisUrlOf(resolved, env);
  const factory = await adapters[provider].load();
  if (redisUrl === undefined) return factory(adapterOptions as never);
  const shared = await shareRateLimit(provider, adapterOptions, redisUrl);
  try {
    return closingWith(factory(shared.options as never), shared.close);
  } catch (error) {
    await shared.close();
    throw error;
  }
}

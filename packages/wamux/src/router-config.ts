import { ConfigurationError, isWamuxError, issueMessage, type Provider } from '@wamux/core/adapter';
import { createRouter, type BreakerOptions, type Router, type TemplateRoutes } from '@wamux/router';
import * as v from 'valibot';
import type { ProviderConfig } from './config';

/** One provider of a router config: a provider config, plus its name in the router and its weight. */
export type RouterMemberConfig = ProviderConfig & {
  /** Its name in the router (events, `health()`, `templates`). Default the provider's name; two of one vendor need names. */
  name?: string | undefined;
  /** Its share of sends under the `weighted` strategy. Default 1. */
  weight?: number | undefined;
};

/**
 * A config that makes a router over several providers (see docs/routing.md):
 * `{ router: { strategy: 'failover', providers: [{ provider: 'desk360', ... }, { provider: 'getchat', ... }] } }`.
 */
export interface RouterConfig {
  router: {
    /** Default `failover`. A custom strategy function needs `createRouter` itself. */
    strategy?: 'failover' | 'round-robin' | 'weighted' | undefined;
    /** The providers, in order of preference; each is created as `createProvider` would create it alone. */
    providers: RouterMemberConfig[];
    breaker?: BreakerOptions | undefined;
    templates?: Record<string, TemplateRoutes> | undefined;
    sticky?: boolean | undefined;
    webhookProvider?: string | undefined;
    name?: string | undefined;
  };
}

/** True when `config` asks for a router (it has a `router` field). */
export function isRouterConfig(config: unknown): config is RouterConfig {
  return typeof config === 'object' && config !== null && 'router' in config;
}

const RouterEnvelopeSchema = v.object({
  router: v.looseObject(
    {
      providers: v.pipe(
        v.array(v.looseObject({}, 'must be a provider config object'), 'must be an array of provider configs'),
        v.minLength(1, 'must name at least one provider'),
      ),
    },
    'must be an object: { strategy, providers: [...] }',
  ),
});

/** A `ConfigurationError` whose field is put under `prefix`; other errors unchanged. */
function under(prefix: string, error: unknown): unknown {
  if (!isWamuxError(error) || !(error instanceof ConfigurationError)) return error;
  return new ConfigurationError(`${prefix}.${error.field}`, error.message.slice(error.field.length + 2), { provider: error.provider });
}

/**
 * Creates the router a {@link RouterConfig} describes: each member with
 * `create` (createProvider), then `createRouter` over them. A wrong member
 * config names its field under `router.providers.<i>`; members already
 * created are closed when a later one fails.
 */
export async function createRouterFromConfig(config: RouterConfig, create: (member: ProviderConfig) => Promise<Provider>): Promise<Router> {
  const result = v.safeParse(RouterEnvelopeSchema, config);
  if (!result.success) {
    const issue = result.issues[0];
    throw new ConfigurationError(v.getDotPath(issue) ?? 'router', issueMessage(issue));
  }
  const { providers: entries, ...routing } = config.router;
  const members: Array<{ name?: string | undefined; weight?: number | undefined; provider: Provider }> = [];
  try {
    for (const [index, entry] of entries.entries()) {
      const { name, weight, ...memberConfig } = entry;
      if ('router' in memberConfig) throw new ConfigurationError(`router.providers.${index}.router`, 'a router cannot be a provider of a router config');
      const provider = await create(memberConfig as ProviderConfig).catch((error: unknown) => {
        throw under(`router.providers.${index}`, error);
      });
      members.push({ name, weight, provider });
    }
    return createRouter({ ...routing, providers: members });
  } catch (error) {
    await Promise.allSettled(members.map((member) => member.provider.close()));
    throw isWamuxError(error) && error instanceof ConfigurationError && !error.field.startsWith('router.') ? under('router', error) : error;
  }
}

import { ConfigurationError, issueMessage } from '@wamux/core/adapter';
import * as v from 'valibot';
import { adapters, PROVIDER_NAMES, type AdapterOptionsOf, type ProviderName } from './registry';

/** What every config may have besides the adapter's options (a type, not an interface, so a config stays a plain record). */
type SharedConfig = {
  /**
   * A `redis://` or `rediss://` URL: the rate limit is kept there and
   * shared by every process created from this config (needs `@wamux/redis`
   * and ioredis or redis, and `rateLimit.requests` / `rateLimit.interval`).
   * Default: `WAMUX_REDIS_URL`. See docs/scaling.md.
   */
  redis?: string | undefined;
};

/**
 * The config of the adapter `Name`: `provider` names it, the other fields
 * are its options. Secrets may be left out and read from the environment.
 */
export type ConfigOf<Name extends ProviderName> = SharedConfig & { provider: Name } & Partial<AdapterOptionsOf<Name>>;

/** Any provider config (one member per adapter, told apart by `provider`). */
export type ProviderConfig = { [Name in ProviderName]: ConfigOf<Name> }[ProviderName];

/**
 * The schema of a config's envelope: an object whose `provider` is a known
 * name. Each adapter validates its own options (and names the field at fault).
 */
export const ProviderConfigSchema = v.looseObject({
  provider: v.picklist(PROVIDER_NAMES, `must be one of ${PROVIDER_NAMES.join(', ')}`),
});

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Validates the envelope and fills options missing from `config` with the
 * environment variables the adapter reads (see `adapters[*].env`).
 */
export function resolveConfig(config: unknown, env: Environment = {}): { provider: ProviderName; options: Record<string, unknown> } {
  const result = v.safeParse(ProviderConfigSchema, config);
  if (!result.success) {
    const issue = result.issues[0];
    const field = v.getDotPath(issue) ?? (typeof config === 'object' && config !== null ? 'provider' : '(config)');
    throw new ConfigurationError(field, typeof config === 'object' && config !== null ? issueMessage(issue) : 'must be an object');
  }
  const { provider, ...options } = result.output as { provider: ProviderName } & Record<string, unknown>;
  for (const [option, source] of Object.entries(adapters[provider].env as Record<string, string | { variable: string; unless: readonly string[] }>)) {
    const { variable, unless } = typeof source === 'string' ? { variable: source, unless: [] } : source;
    const value = env[variable];
    if (options[option] !== undefined || value === undefined || value === '') continue;
    if (unless.some((other) => options[other] !== undefined)) continue;
    options[option] = value;
  }
  return { provider, options };
}

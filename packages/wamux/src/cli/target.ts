import { ConfigurationError, type Provider } from '@wamux/core/adapter';
import type { Emulator } from '@wamux/emulator';
import { resolveConfig, type Environment, type ProviderConfig } from '../config';
import { createProvider } from '../create-provider';
import { isRouterConfig, type RouterConfig } from '../router-config';
import { localTargets } from '../emulators';
import { PROVIDER_NAMES, type ProviderName } from '../registry';
import { UsageError } from './command';
import { cliConfigMessage } from './config-hint';
import { findConfigFile, loadConfigFile, type LoadedConfigFile } from './config-file';
import { envVariables } from './env-vars';
import { note } from './io';
import { DEFAULT_COUNTRY_VARIABLE } from './phone';
import { SAMPLE_TEMPLATE } from './samples';
import { closest } from '@wamux/core/adapter';
import { optionsFromFlags, type TargetFlags } from './target-flags';
import { withCliLogger } from './verbose';

/** What a configured target names instead of a provider when its config file holds a router (`{ router: { ... } }`). */
export const ROUTER_TARGET = 'router';

/** The provider used when none is configured. */
export const DEFAULT_LOCAL_PROVIDER: ProviderName = 'memory';

/** Where a command's provider comes from. */
export type ResolvedTarget =
  | {
      kind: 'configured';
      provider: ProviderName | typeof ROUTER_TARGET;
      /** The merged config (file, then flags); the environment fills the rest in `createProvider`. A router config is the file's, as it is. */
      config: ProviderConfig | RouterConfig;
      /** Option name → where its value comes from (`wamux.config.json`, `flag`, `env WAMUX_MEMORY_API_KEY`). */
      origins: Record<string, string>;
      /** Where the provider was chosen: a config file name, `--provider` or `WAMUX_PROVIDER`. */
      source: string;
      /** The provider's options as it will get them: the merged config with the environment filled in (empty for a router). */
      options: Record<string, unknown>;
      /** The country of national phone numbers (`--country`, the config's `defaultCountry`, `WAMUX_DEFAULT_COUNTRY`). */
      defaultCountry: string | undefined;
    }
  | {
      kind: 'local';
      provider: ProviderName;
      /** Options from flags, applied over the emulator's config (`--timeout`, `--rate-limit`...). */
      overrides: Record<string, unknown>;
      /** `unconfigured`: nothing configured; `flag`: `--local` was given. */
      reason: 'unconfigured' | 'flag';
      /** The country of national phone numbers (`--country`, the config's `defaultCountry`, `WAMUX_DEFAULT_COUNTRY`). */
      defaultCountry: string | undefined;
    };

/**
 * Works out which provider and config a command uses: `--provider` /
 * `--config` flags, else `WAMUX_CONFIG` / `./wamux.config.*`, else
 * `WAMUX_PROVIDER`; other flags override the file's options. With nothing
 * configured (or `--local`) the result is a built-in emulator.
 */
export async function resolveTarget(flags: TargetFlags, env: Environment, cwd: string): Promise<ResolvedTarget> {
  const overrides = optionsFromFlags(flags);
  const flagProvider = flags.provider === undefined ? undefined : providerName(flags.provider, '--provider');
  const file = findConfigFile(cwd, flags.config ?? (env.WAMUX_CONFIG || undefined));
  const loaded = file === undefined ? undefined : withoutCliOptions(await loadConfigFile(file));
  const defaultCountry = flags.country ?? loaded?.defaultCountry ?? (env[DEFAULT_COUNTRY_VARIABLE] || undefined);
  const envProvider = env.WAMUX_PROVIDER ? providerName(env.WAMUX_PROVIDER, 'WAMUX_PROVIDER') : undefined;

  if (flags.local) {
    const provider =
      flagProvider ??
      (typeof loaded?.config.provider === 'string' ? providerName(loaded.config.provider, 'provider') : undefined) ??
      envProvider ??
      DEFAULT_LOCAL_PROVIDER;
    return { kind: 'local', provider, overrides, reason: 'flag', defaultCountry };
  }
  if (flagProvider === undefined && loaded === undefined && envProvider === undefined) {
    if (Object.keys(overrides).some((key) => key !== 'timeout' && key !== 'rateLimit')) {
      throw new UsageError('provider options were given but no provider: pass --provider <name>, --config <file> or set WAMUX_PROVIDER');
    }
    return { kind: 'local', provider: DEFAULT_LOCAL_PROVIDER, overrides, reason: 'unconfigured', defaultCountry };
  }

  // A config file holding a router: each of its providers is configured in the file (and the environment).
  if (loaded !== undefined && flagProvider === undefined && isRouterConfig(loaded.config)) {
    return { kind: 'configured', provider: ROUTER_TARGET, config: loaded.config, origins: {}, source: loaded.label, options: {}, defaultCountry };
  }
  const fileProvider = loaded?.config.provider;
  if (typeof fileProvider === 'string') providerName(fileProvider, 'provider');
  // A --provider that differs from the file's makes the file's options meaningless.
  const fileOptions = loaded && (flagProvider === undefined || flagProvider === fileProvider) ? loaded.config : {};
  const provider = flagProvider ?? fileProvider ?? envProvider;
  const source =
    flagProvider !== undefined
      ? '--provider'
      : loaded && fileProvider !== undefined
        ? loaded.label
        : envProvider !== undefined
          ? 'WAMUX_PROVIDER'
          : (loaded?.label ?? 'config');
  const merged = { ...mergeOptions(fileOptions, overrides), provider };
  // Validates the envelope (an unknown `provider` names the field) and applies the env fallback.
  const { provider: name, options } = resolveConfig(merged, env);
  const variables = envVariables(name);
  const origins: Record<string, string> = {};
  for (const key of Object.keys(options)) {
    origins[key] = key in overrides ? 'flag' : key in fileOptions ? (loaded?.label ?? 'config file') : `env ${variables[key] ?? '?'}`;
  }
  return { kind: 'configured', provider: name, config: merged as ProviderConfig, origins, source, options, defaultCountry };
}

/** Options of a config file that are the CLI's own, not the provider's: taken out before the rest reaches `createProvider`. */
function withoutCliOptions(file: LoadedConfigFile): LoadedConfigFile & { defaultCountry: string | undefined } {
  const { defaultCountry, ...config } = file.config;
  if (defaultCountry !== undefined && typeof defaultCountry !== 'string') {
    throw new ConfigurationError('defaultCountry', `must be a two-letter country code such as "US" (in ${file.label})`);
  }
  return { ...file, config, defaultCountry };
}

/** A provider ready to use, and what to release afterwards. */
export interface OpenTarget {
  provider: Provider;
  name: ProviderName | typeof ROUTER_TARGET;
  /** The built-in emulator the provider talks to, in local mode. */
  emulator?: Emulator | undefined;
  /** Where the config came from, for messages. */
  source: string;
  close(): Promise<void>;
}

/** Options of {@link openTarget}. */
export interface OpenTargetOptions {
  env?: Environment;
  cwd?: string;
  /** Seed the local emulator with a sample template (what `templates list` shows). Default true. */
  seed?: boolean;
}

/**
 * Creates the provider a command uses (see {@link resolveTarget}). In local
 * mode it starts the provider's emulator first and, when nothing was
 * configured, prints a one-line notice on stderr saying so.
 */
export async function openTarget(flags: TargetFlags, options: OpenTargetOptions = {}): Promise<OpenTarget> {
  const env = options.env ?? process.env;
  return openResolved(await resolveTarget(flags, env, options.cwd ?? process.cwd()), { ...options, env });
}

/** Creates the provider for an already resolved target (see {@link openTarget}). */
export async function openResolved(target: ResolvedTarget, options: OpenTargetOptions = {}): Promise<OpenTarget> {
  const env = options.env ?? process.env;
  if (target.kind === 'configured') {
    const provider = await createProvider(withCliLogger(target.config), { env }).catch((error: unknown) => {
      throw withConfigHint(error, target.provider, target.source);
    });
    return { provider, name: target.provider, source: target.source, close: () => provider.close() };
  }
  if (target.reason === 'unconfigured') {
    note(
      `wamux: no provider configured: using the built-in ${target.provider} emulator (configure one with --config, --provider or WAMUX_PROVIDER; see docs/cli.md)`,
    );
  }
  const local = await localTargets[target.provider]({});
  try {
    if (options.seed !== false) local.emulator.seedTemplates([SAMPLE_TEMPLATE]);
    const provider = await createProvider(withCliLogger({ ...local.config, ...target.overrides } as ProviderConfig), { env: {} });
    return {
      provider,
      name: target.provider,
      emulator: local.emulator,
      source: `built-in ${target.provider} emulator`,
      close: async () => {
        await provider.close();
        await local.emulator.close();
      },
    };
  } catch (error) {
    await local.emulator.close();
    throw error;
  }
}

/**
 * Checks a provider name. `field` says where it came from: a flag or
 * command (`--provider`, `emulate`: a usage error) or the environment
 * (`WAMUX_PROVIDER`: a configuration error).
 */
export function providerName(value: string, field: string): ProviderName {
  if ((PROVIDER_NAMES as readonly string[]).includes(value)) return value as ProviderName;
  const guess = closest(value, PROVIDER_NAMES);
  const message = `unknown provider "${value}"${guess ? `: did you mean "${guess}"?` : ''} (expected one of ${PROVIDER_NAMES.join(', ')})`;
  if (/^[A-Z_]+$/.test(field) || field === 'provider') throw new ConfigurationError(field, message);
  throw new UsageError(`${field}: ${message}`);
}

/** Adds where to set the option to a `ConfigurationError` ("...; set it with --set integrationId=<value>, DESK360_INTEGRATION_ID or ..."). */
function withConfigHint(error: unknown, provider: ProviderName | typeof ROUTER_TARGET, source: string): unknown {
  if (provider === ROUTER_TARGET || !(error instanceof ConfigurationError)) return error;
  const file = source === '--provider' || source === 'WAMUX_PROVIDER' ? undefined : source;
  const message = cliConfigMessage(error.message, error.field, error.provider ?? provider, file);
  if (message === error.message) return error;
  return new ConfigurationError(error.field, message.slice(error.field.length + 2), { provider: error.provider ?? provider });
}

/** `overrides` over `base`, merging nested plain objects (`--set rateLimit.burst=5` keeps the file's `rateLimit.requests`). */
function mergeOptions(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeOptions(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

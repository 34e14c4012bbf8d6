import { PROVIDER_NAMES, type ProviderName } from '../registry';
import { envVariables } from './env-vars';
import { DEFAULT_COUNTRY_VARIABLE } from './phone';

/** Options with a flag of their own; any other is set with `--set <name>=<value>`. */
const FLAGS: Readonly<Record<string, string>> = {
  baseUrl: '--base-url <url>',
  timeout: '--timeout <ms>',
  rateLimit: '--rate-limit <n>/<t>',
  allowInsecureHttp: '--allow-insecure-http',
  defaultCountry: '--country <code>',
  provider: '--provider <name>',
};

/**
 * Where a CLI user sets a provider option: its flag (or `--set`), its
 * environment variable when the provider reads one, and the config file.
 * `set it with --set integrationId=<value>, DESK360_INTEGRATION_ID or "integrationId" in wamux.config.json`
 */
export function whereToSet(field: string, provider: string | undefined, configFile = 'wamux.config.json'): string {
  const option = field.split('.')[0] ?? field;
  const flag = FLAGS[option] ?? `--set ${field}=<value>`;
  const variable =
    option === 'defaultCountry'
      ? DEFAULT_COUNTRY_VARIABLE
      : option === 'provider'
        ? 'WAMUX_PROVIDER'
        : isProviderName(provider)
          ? envVariables(provider)[option]
          : undefined;
  return `set it with ${flag}${variable ? `, the environment variable ${variable}` : ''} or "${field}" in ${configFile}`;
}

/** True when a configuration error's field is a provider option (not a file name, a flag or a variable). */
export function isOptionField(field: string): boolean {
  return /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(field) && !/\.(json|[cm]?[jt]s)$/.test(field);
}

/**
 * A configuration error's message for a CLI user: advice written for
 * library users (`list them with provider.integrations.list()`) is dropped,
 * and where to set the option is added.
 */
export function cliConfigMessage(message: string, field: string, provider: string | undefined, configFile?: string): string {
  if (!isOptionField(field) || message.includes('; set it with')) return message;
  const withoutCodeAdvice = message.replace(/\s*\([^()]*\bprovider\.[\w.]+\([^()]*\)[^()]*\)/g, '');
  return `${withoutCodeAdvice}; ${whereToSet(field, provider, configFile)}`;
}

function isProviderName(name: string | undefined): name is ProviderName {
  return name !== undefined && (PROVIDER_NAMES as readonly string[]).includes(name);
}

import { adapters, type ProviderName } from '../registry';

/** Option name → the environment variable a provider reads it from when the config leaves it out. */
export function envVariables(provider: ProviderName): Readonly<Record<string, string>> {
  const entries: Readonly<Record<string, string | { variable: string }>> = adapters[provider].env;
  return Object.fromEntries(Object.entries(entries).map(([option, source]) => [option, typeof source === 'string' ? source : source.variable]));
}

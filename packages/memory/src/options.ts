import {
  checkBaseUrl,
  ConfigurationError,
  commonProviderOptionsEntries,
  parseOptions,
  type CommonProviderOptions,
  type ProviderCapabilities,
} from '@wamux/core/adapter';
import * as v from 'valibot';

/** The provider's name, as `provider.name` and in every error it raises. */
export const MEMORY_PROVIDER = 'memory';
export type MemoryProviderName = typeof MEMORY_PROVIDER;

/** The API's path prefix, below the emulator's origin. */
export const API_BASE_PATH = '/v1';

/**
 * Options of `createMemoryProvider`. Without `baseUrl` the provider runs in
 * process (its emulator answers through `fetch`, no socket, no credentials);
 * with it, over HTTP against a memory emulator (`emulator.url`).
 */
export interface MemoryProviderOptions extends CommonProviderOptions {
  /** The memory emulator's URL (`emulator.url`). Leave it out for the in-process mode. */
  baseUrl?: string | undefined;
  /** Sent as `Authorization: Bearer <apiKey>`. Required with `baseUrl`. */
  apiKey?: string | undefined;
  /** Verifies the `x-memory-signature` HMAC of webhook deliveries when set (in process: the emulator's secret by default). */
  webhookSecret?: string | undefined;
  /** Allow a plain `http://` base URL (the emulator on loopback). */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Narrows what the provider declares, to test how an app behaves against a
   * vendor that lacks a feature. Default: every feature (`memoryCapabilities`).
   */
  capabilities?: ProviderCapabilities | undefined;
}

const OptionsSchema = v.strictObject({
  baseUrl: v.optional(v.pipe(v.string('must be a URL'), v.nonEmpty('must not be empty'))),
  apiKey: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  webhookSecret: v.optional(v.string('must be a string')),
  allowInsecureHttp: v.optional(v.boolean('must be true or false')),
  capabilities: v.optional(v.custom<ProviderCapabilities>((value) => typeof value === 'object' && value !== null, 'must be a capabilities object')),
  ...commonProviderOptionsEntries,
});

type ParsedOptions = v.InferOutput<typeof OptionsSchema>;

/** What the driver is built from: every option checked, `baseUrl` and `apiKey` known. */
export type ResolvedOptions = Omit<ParsedOptions, 'baseUrl' | 'apiKey'> & { baseUrl: string; apiKey: string };

/**
 * Validates options (a bad or unknown one is a `ConfigurationError` naming
 * it) and picks the mode: `http` with a `baseUrl` (absolute, HTTPS unless
 * `allowInsecureHttp`, and an `apiKey`), `in-process` without one.
 */
export function resolveOptions(options: MemoryProviderOptions): { mode: 'http'; options: ResolvedOptions } | { mode: 'in-process'; options: ParsedOptions } {
  const parsed = parseOptions(OptionsSchema, options, MEMORY_PROVIDER);
  if (parsed.baseUrl === undefined) {
    if (parsed.fetch !== undefined)
      throw new ConfigurationError('fetch', 'needs baseUrl: in process, the emulator answers every request', { provider: MEMORY_PROVIDER });
    return { mode: 'in-process', options: parsed };
  }
  const baseUrl = checkBaseUrl(parsed.baseUrl, { allowInsecure: parsed.allowInsecureHttp, provider: MEMORY_PROVIDER });
  if (parsed.apiKey === undefined) throw new ConfigurationError('apiKey', "is required with baseUrl (the emulator's apiKey)", { provider: MEMORY_PROVIDER });
  return { mode: 'http', options: { ...parsed, baseUrl, apiKey: parsed.apiKey } };
}

import { it } from '@jest/globals';
import type { Provider, ProviderCapabilities, ProviderFeature } from '@wamux/core/adapter';
import type { Emulator } from '@wamux/emulator';
import type { MediaServer, Receiver } from './servers';
import type { ContractCheck, ContractProviderOptions, ContractSetup, ProviderContractOptions } from './types';

/**
 * What every part of the suite reads. The running pieces (`setup`,
 * `emulator`, `provider`, `receiver`, `media`) are set in `beforeAll`: read
 * them inside a test, never while registering one.
 */
export interface ContractContext {
  readonly options: ProviderContractOptions;
  /** The capabilities the adapter declares; tests are registered from them. */
  readonly declared: ProviderCapabilities;
  has(feature: ProviderFeature): boolean;
  /**
   * `it` for a check, or `it.skip` with the adapter's reason in its name when
   * the adapter skips it (`options.skip`), so a skipped check shows as such.
   */
  check(name: ContractCheck): (title: string, body: () => Promise<void>) => void;
  /** A provider against the emulator: valid credentials, fast retries, no client-side limit, unless overridden. */
  make(overrides?: ContractProviderOptions): Provider;
  setup: ContractSetup;
  emulator: Emulator;
  provider: Provider;
  receiver: Receiver;
  media: MediaServer;
}

const FAST_RETRY = { limit: 2, baseDelay: 5, maxDelay: 20 } as const;

/** The context of one suite; its running pieces are filled in by `beforeAll`. */
export function createContractContext(options: ProviderContractOptions): ContractContext {
  const declared = options.capabilities;
  const ctx = {
    options,
    declared,
    has: (feature: ProviderFeature) => declared.features.includes(feature),
    check: (name: ContractCheck) => {
      const reason = options.skip?.[name];
      if (reason === undefined) return (title: string, body: () => Promise<void>) => it(title, body);
      return (title: string, body: () => Promise<void>) => it.skip(`${title} (skipped by the adapter: ${reason})`, body);
    },
    make: (overrides: ContractProviderOptions = {}) =>
      ctx.setup.createProvider({ credentials: 'valid', retry: FAST_RETRY, rateLimit: false, timeout: 5_000, ...overrides }),
  } as ContractContext;
  return ctx;
}

import type { Provider, ProviderCapabilities, RateLimitOptions, RetryPolicy } from '@wamux/core';
import type { Emulator } from '../emulator/types';

/** How the contract suite asks an adapter for a provider. */
export interface ContractProviderOptions {
  /** `invalid`: credentials the emulator rejects (to check the 401 path). Default `valid`. */
  credentials?: 'valid' | 'invalid';
  /** Per-request timeout in ms. */
  timeout?: number;
  /** Retry policy; the suite passes short delays. */
  retry?: Partial<RetryPolicy> | false;
  /** Client-side rate limit; the suite passes `false` unless it tests limiting. */
  rateLimit?: RateLimitOptions | false;
}

/** What an adapter's `setup` gives the contract suite. */
export interface ContractSetup {
  /** A running emulator of the adapter's vendor. */
  emulator: Emulator;
  /**
   * Creates a provider pointed at the emulator. Webhook verification must be
   * configured to match what the emulator sends (its secret, token or signature).
   */
  createProvider(options?: ContractProviderOptions): Provider;
  /** Every secret the providers are configured with; none may appear in any error. */
  secrets: readonly string[];
  /** Stops what `setup` started besides the emulator (the suite closes the emulator). */
  teardown?(): Promise<void>;
}

/** Options of `runProviderContract`. */
export interface ProviderContractOptions {
  /** The adapter's name, as `provider.name`. */
  name: string;
  /**
   * The capabilities the adapter declares (its exported constant). Tests are
   * registered from them, and the suite checks the provider reports the same.
   */
  capabilities: ProviderCapabilities;
  /** Starts an emulator and returns how to make providers against it. Runs once per suite. */
  setup: () => Promise<ContractSetup>;
}

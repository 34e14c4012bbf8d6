import type { Provider, ProviderCapabilities, RateLimitOptions, RetryPolicy } from '@wamux/core';
import type { Emulator, SimulateOptions } from '../emulator/types';

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
  /**
   * Posts a vendor-format body to the webhook URL as the vendor would
   * (authenticated like the emulator's deliveries). Needed for
   * `webhookFixtures`.
   */
  deliver?(body: Record<string, unknown>, options: SimulateOptions): Promise<{ status: number }>;
}

/**
 * A webhook body copied from the vendor's (or WhatsApp's) document, and the
 * events it must become: an independent witness that emulator and parser
 * did not agree on a misreading.
 */
export interface ContractWebhookFixture {
  /** What it is, and the document and section it was copied from. */
  name: string;
  /** The body as the vendor posts it. */
  body: Record<string, unknown>;
  /** Every event it must produce, in order; each is compared with `toMatchObject`. */
  events: ReadonlyArray<
    | { type: 'message'; message: Record<string, unknown> }
    | { type: 'status'; status: Record<string, unknown> }
    | { type: 'provider_event'; kind: string }
  >;
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
  /** Vendor-document webhook bodies to run through the provider (needs `ContractSetup.deliver`). */
  webhookFixtures?: readonly ContractWebhookFixture[];
}

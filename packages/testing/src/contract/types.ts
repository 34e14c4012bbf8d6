import type { Provider, ProviderCapabilities, RateLimitOptions, RetryOptions } from '@wamux/core/adapter';
import type { Emulator, RecordedRequest, SimulateOptions } from '@wamux/emulator';

/** How the contract suite asks an adapter for a provider. */
export interface ContractProviderOptions {
  /** `invalid`: credentials the emulator rejects (to check the 401 path). Default `valid`. */
  credentials?: 'valid' | 'invalid' | undefined;
  /** Per-request timeout in ms. */
  timeout?: number | undefined;
  /** Retry policy; the suite passes short delays. */
  retry?: RetryOptions | false | undefined;
  /** Client-side rate limit; the suite passes `false` unless it tests limiting. */
  rateLimit?: RateLimitOptions | false | undefined;
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
  /**
   * Recognises the vendor's mark-read request among the emulator's recorded
   * requests. Without it, any request other than a GET recorded while
   * `markRead` ran counts (a vendor may mark a chat read up to a time, with
   * no message id on the wire).
   */
  isMarkReadRequest?(request: RecordedRequest, messageId: string): boolean;
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
    { type: 'message'; message: Record<string, unknown> } | { type: 'status'; status: Record<string, unknown> } | { type: 'provider_event'; kind: string }
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
  webhookFixtures?: readonly ContractWebhookFixture[] | undefined;
  /**
   * Checks this adapter cannot pass yet, each with the reason (an emulator
   * feature it lacks): they are registered as skipped, with the reason in
   * the test's name, never left out silently.
   */
  skip?: Partial<Record<ContractCheck, string>> | undefined;
}

/**
 * The checks an adapter may skip (`ProviderContractOptions.skip`):
 *
 * - `abort`: an aborted signal rejects with `AbortError`, and no request reaches the emulator.
 * - `limit`: `limit: 0` lists nothing and calls nothing, `limit: 1` one item, a negative one is a `ValidationError` naming it.
 * - `bulkOneRequest`: a bulk template send is one request to the vendor.
 * - `markReadRequest`: `markRead` writes to the vendor (the emulator records the mark-read request).
 * - `declaredStatuses`: whatever status the emulator simulates, the provider emits only statuses it declares.
 * - `webhookReply`: the `reply` of `parseWebhook`, when present, is a valid `WebhookReply`.
 * - `closeTwice`: `close()` may be called twice.
 */
export type ContractCheck = 'abort' | 'limit' | 'bulkOneRequest' | 'markReadRequest' | 'declaredStatuses' | 'webhookReply' | 'closeTwice';

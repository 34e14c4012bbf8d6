import { defineProvider, type Provider } from '@wamux/core/adapter';
import { createClient } from './client';
import { createDriver } from './driver';
import { startInProcess, type MemoryFailure, type MemoryFailureCode, type MemoryInbound, type MemoryTestControls } from './emulator/in-process';
import { resolveOptions, type MemoryProviderName, type MemoryProviderOptions, type ResolvedOptions } from './options';

export type { MemoryFailure, MemoryFailureCode, MemoryInbound, MemoryTestControls };

/** The reference provider: speaks the model as JSON to the memory emulator. */
export type MemoryProvider = Provider<MemoryProviderName>;

/** The memory provider in process: a provider, plus the outbox, `failNext`, `inbound` and `status` for tests. */
export type InProcessMemoryProvider = MemoryProvider & MemoryTestControls;

/** Options of the in-process mode: no `baseUrl` (nor credentials or `fetch`: the emulator is inside). */
export type InProcessMemoryOptions = Omit<MemoryProviderOptions, 'baseUrl' | 'apiKey' | 'fetch' | 'allowInsecureHttp'> & { baseUrl?: undefined };

/**
 * Creates the reference provider, the example to copy when writing an
 * adapter: options → client → driver → `defineProvider`.
 *
 * With no `baseUrl` it runs in process, for an app's unit tests and demos:
 * no server, no credentials, no retries and no client-side rate limit
 * unless asked for (so a failure a test asks for is the failure it gets).
 *
 * ```ts
 * const memory = createMemoryProvider();
 * await memory.send({ type: 'text', to: '+905551112233', text: 'Hi' });
 * memory.sent;                      // [{ id, message, raw }]
 * memory.failNext('rate_limited');  // the next send rejects with RateLimitError, delivery 'not_sent'
 * await webhooks.handle(await memory.inbound({ from: '+905551119988', text: 'Hello' }));
 * ```
 *
 * With `baseUrl` and `apiKey` it talks HTTP to a memory emulator
 * (`createMemoryEmulator()` from `@wamux/memory/emulator`).
 */
export function createMemoryProvider(options?: InProcessMemoryOptions): InProcessMemoryProvider;
export function createMemoryProvider(options: MemoryProviderOptions & { baseUrl: string }): MemoryProvider;
export function createMemoryProvider(options?: MemoryProviderOptions): MemoryProvider;
export function createMemoryProvider(options: MemoryProviderOptions = {}): MemoryProvider | InProcessMemoryProvider {
  const resolved = resolveOptions(options);
  if (resolved.mode === 'http') return build(resolved.options);
  const { emulator, controls } = startInProcess({ webhookSecret: resolved.options.webhookSecret });
  const provider = build({
    ...resolved.options,
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
    webhookSecret: emulator.webhookSecret,
    fetch: emulator.fetch,
    retry: resolved.options.retry ?? false,
    rateLimit: resolved.options.rateLimit ?? false,
  });
  return Object.defineProperties(provider, Object.getOwnPropertyDescriptors(controls)) as InProcessMemoryProvider;
}

function build(options: ResolvedOptions): MemoryProvider {
  return defineProvider(createDriver(createClient(options), options), {}, { whatsappLimits: options.whatsappLimits });
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderCapabilities, RetryPolicy } from '@wamux/core';
import { createMemoryProvider, type MemoryProvider } from '@wamux/memory';
import { createMemoryEmulator, type MemoryEmulator } from '@wamux/memory/emulator';

/** Short retries: a Retry-After longer than 500 ms is reported (not_sent) instead of waited out. */
export const RETRY: Partial<RetryPolicy> = { limit: 1, baseDelay: 5, maxDelay: 20, maxRetryAfter: 500 };

/** A memory provider for `emulator`, or for `baseUrl` (a fault proxy, a dead port) with the emulator's key. */
export function memberFor(emulator: MemoryEmulator, options: { baseUrl?: string; capabilities?: ProviderCapabilities } = {}): MemoryProvider {
  return createMemoryProvider({
    baseUrl: options.baseUrl ?? emulator.url,
    apiKey: emulator.apiKey,
    webhookSecret: emulator.webhookSecret,
    allowInsecureHttp: true,
    retry: RETRY,
    rateLimit: false,
    timeout: 5_000,
    capabilities: options.capabilities,
  });
}

/** Two memory emulators, closed by `close()`. */
export async function twoEmulators(): Promise<{ primary: MemoryEmulator; secondary: MemoryEmulator; close(): Promise<void> }> {
  const primary = await createMemoryEmulator({ apiKey: 'primary-key-0001' });
  const secondary = await createMemoryEmulator({ apiKey: 'secondary-key-0002' });
  return { primary, secondary, close: async () => void (await Promise.all([primary.close(), secondary.close()])) };
}

/** A URL on which nothing listens: connections are refused (the message is certainly not sent). */
export async function deadUrl(like: string): Promise<string> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${new URL(like).pathname}`;
}

/** The texts of the text messages an emulator accepted. */
export function texts(emulator: MemoryEmulator): string[] {
  return emulator.delivered().flatMap((d) => (d.message.type === 'text' ? [d.message.text] : []));
}

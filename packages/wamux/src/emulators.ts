import type { Emulator } from '@wamux/testing/emulator';
import type { ProviderConfig } from './config';
import type { ProviderName } from './registry';

/** A running emulator and the config that points a provider at it. */
export interface LocalTarget {
  emulator: Emulator;
  /** The config for `createProvider`, with the emulator's URL and credentials. */
  config: ProviderConfig;
}

/**
 * How to start each provider's emulator and configure a provider against
 * it: what `wamux demo` and `wamux emulate` run when no credentials are set.
 */
export const localTargets: Record<ProviderName, (options: { webhookUrl?: string; port?: number }) => Promise<LocalTarget>> = {
  async memory({ webhookUrl, port }) {
    const { createMemoryEmulator } = await import('@wamux/testing/emulator');
    const emulator = await createMemoryEmulator({ webhookUrl, port });
    return {
      emulator,
      config: { provider: 'memory', baseUrl: emulator.url, apiKey: emulator.apiKey, webhookSecret: emulator.webhookSecret, allowInsecureHttp: true },
    };
  },
  async desk360() {
    throw new Error('desk360 emulator: not wired yet');
  },
  async getchat() {
    throw new Error('getchat emulator: not wired yet');
  },
  async 'messaging-api'() {
    throw new Error('messaging-api emulator: not wired yet');
  },
};

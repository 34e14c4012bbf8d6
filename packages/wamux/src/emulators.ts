import type { Emulator } from '@wamux/testing/emulator';
import type { ProviderConfig } from './config';
import type { ProviderName } from './registry';

/** How to start a local emulator. */
export interface LocalTargetOptions {
  /** Where simulated webhooks are posted by default. */
  webhookUrl?: string | undefined;
  /** The port to listen on (0 or unset: any free port). */
  port?: number | undefined;
  /**
   * The rate limit the emulator enforces: the vendor's documented one by
   * default (where it documents one), another, or `false` for none.
   */
  rateLimit?: { requests: number; interval: number } | false | undefined;
}

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
export const localTargets: Record<ProviderName, (options: LocalTargetOptions) => Promise<LocalTarget>> = {
  async memory({ webhookUrl, port, rateLimit }) {
    const { createMemoryEmulator } = await import('@wamux/testing/emulator');
    const emulator = await createMemoryEmulator({ webhookUrl, port, rateLimit: rateLimit || undefined });
    return {
      emulator,
      config: { provider: 'memory', baseUrl: emulator.url, apiKey: emulator.apiKey, webhookSecret: emulator.webhookSecret, allowInsecureHttp: true },
    };
  },
  async desk360({ webhookUrl, port, rateLimit }) {
    const { createDesk360Emulator } = await import('@wamux/desk360/emulator');
    // Desk360 documents no webhook signature; the emulator and the provider
    // share the optional secret wamux offers, as an app should configure it.
    const webhookSecret = { value: 'desk360-emulator-webhook-secret', header: 'x-webhook-secret' };
    const emulator = await createDesk360Emulator({ webhookUrl, port, webhookSecret, ...(rateLimit === undefined ? {} : { rateLimit }) });
    return {
      emulator,
      config: { provider: 'desk360', baseUrl: emulator.url, apiKey: emulator.apiKey, integrationId: emulator.integrationId, webhookSecret, allowInsecureHttp: true },
    };
  },
  async getchat({ webhookUrl, port, rateLimit }) {
    const { createGetchatEmulator } = await import('@wamux/getchat/emulator');
    // The shared secret get.chat appends to the webhook URL as `?auth=`.
    const webhookSecret = 'getchat-emulator-webhook-secret';
    const emulator = await createGetchatEmulator({ webhookUrl, port, webhookSecret, rateLimit: rateLimit || undefined });
    return {
      emulator,
      config: { provider: 'getchat', baseUrl: emulator.url, token: emulator.credentials.token, webhookSecret, websocketUrl: emulator.websocketUrl, allowInsecureHttp: true },
    };
  },
  async 'messaging-api'({ webhookUrl, port, rateLimit }) {
    const { createMessagingApiEmulator } = await import('@wamux/messaging-api/emulator');
    const emulator = await createMessagingApiEmulator({ webhookUrl, rateLimit: rateLimit || undefined, port, apiId: 'emulator-api-id' });
    return {
      emulator,
      config: {
        provider: 'messaging-api',
        baseUrl: emulator.url,
        apiKey: emulator.apiKey,
        apiId: emulator.apiId,
        channelId: emulator.channelId,
        verifyToken: emulator.verifyToken,
        allowInsecureHttp: true,
      },
    };
  },
};

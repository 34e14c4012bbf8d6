import { compact } from '@wamux/core/adapter';
import type { Emulator } from '@wamux/emulator';
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
    const { createMemoryEmulator } = await import('@wamux/memory/emulator');
    const emulator = await createMemoryEmulator(compact({ webhookUrl, port, rateLimit: rateLimit || undefined }));
    return {
      emulator,
      config: { provider: 'memory', baseUrl: emulator.url, apiKey: emulator.apiKey, webhookSecret: emulator.webhookSecret },
    };
  },
  async desk360({ webhookUrl, port, rateLimit }) {
    const { createDesk360Emulator } = await import('@wamux/desk360/emulator');
    // Desk360 documents no webhook signature; the emulator and the provider
    // share the optional secret wamux offers, as an app should configure it.
    const webhookSecret = { value: 'desk360-emulator-webhook-secret', header: 'x-webhook-secret' };
    const emulator = await createDesk360Emulator(compact({ webhookUrl, port, webhookSecret, rateLimit }));
    return {
      emulator,
      config: { provider: 'desk360', baseUrl: emulator.url, apiKey: emulator.apiKey, integrationId: emulator.integrationId, webhookSecret },
    };
  },
  async getchat({ webhookUrl, port, rateLimit }) {
    const { createGetchatEmulator } = await import('@wamux/getchat/emulator');
    // The shared secret get.chat appends to the webhook URL as `?auth=`.
    const webhookSecret = 'getchat-emulator-webhook-secret';
    const emulator = await createGetchatEmulator(compact({ webhookUrl, port, webhookSecret, rateLimit: rateLimit || undefined }));
    return {
      emulator,
      config: { provider: 'getchat', baseUrl: emulator.url, token: emulator.credentials.token, webhookSecret, websocketUrl: emulator.websocketUrl },
    };
  },
  async 'messaging-api'({ webhookUrl, port, rateLimit }) {
    const { createMessagingApiEmulator } = await import('@wamux/messaging-api/emulator');
    const emulator = await createMessagingApiEmulator(compact({ webhookUrl, rateLimit: rateLimit || undefined, port }));
    return {
      emulator,
      config: compact({
        provider: 'messaging-api' as const,
        baseUrl: emulator.url,
        apiKey: emulator.apiKey,
        apiId: emulator.apiId,
        channelId: emulator.channelId,
        verifyToken: emulator.verifyToken,
      }),
    };
  },
  async 'cloud-api'({ webhookUrl, port }) {
    const { createCloudApiEmulator } = await import('@wamux/cloud-api/emulator');
    const emulator = await createCloudApiEmulator(compact({ webhookUrl, port }));
    return {
      emulator,
      config: {
        provider: 'cloud-api',
        baseUrl: emulator.url,
        accessToken: emulator.accessToken,
        phoneNumberId: emulator.phoneNumberId,
        businessAccountId: emulator.businessAccountId,
        appSecret: emulator.appSecret,
        verifyToken: emulator.verifyToken,
      },
    };
  },
  async '360dialog'({ webhookUrl, port }) {
    const { create360dialogEmulator } = await import('@wamux/360dialog/emulator');
    const emulator = await create360dialogEmulator(compact({ webhookUrl, port }));
    return {
      emulator,
      config: compact({ provider: '360dialog' as const, baseUrl: emulator.url, apiKey: emulator.apiKey, webhookSecret: emulator.webhookSecret }),
    };
  },
};

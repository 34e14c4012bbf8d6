import type { Provider } from '@wamux/core';

/** A provider wamux can create from config: how to load it, and which options may come from the environment. */
export interface AdapterEntry {
  /** Loads the adapter's factory. A dynamic import, so a bundle holds only the adapters an app uses. */
  load(): Promise<(options: never) => Provider<string>>;
  /**
   * Option name → environment variable read when the option is missing from
   * the config. `unless` names options that make this one unwanted (another
   * way to authenticate); entries apply in order.
   */
  env: Readonly<Record<string, string | { variable: string; unless: readonly string[] }>>;
}

/**
 * Every provider `createProvider` knows. The names here are the `provider`
 * discriminator of the config; the adapters themselves validate the rest.
 */
export const adapters = {
  desk360: {
    load: () => import('@wamux/desk360').then((m) => m.createDesk360Provider),
    env: {
      baseUrl: 'DESK360_BASE_URL',
      apiKey: { variable: 'DESK360_API_KEY', unless: ['email', 'password'] },
      email: { variable: 'DESK360_EMAIL', unless: ['apiKey'] },
      password: { variable: 'DESK360_PASSWORD', unless: ['apiKey'] },
      integrationId: 'DESK360_INTEGRATION_ID',
    },
  },
  getchat: {
    load: () => import('@wamux/getchat').then((m) => m.createGetchatProvider),
    env: {
      baseUrl: { variable: 'GETCHAT_BASE_URL', unless: ['stack'] },
      stack: { variable: 'GETCHAT_STACK', unless: ['baseUrl'] },
      token: { variable: 'GETCHAT_TOKEN', unless: ['d360ApiKey', 'username', 'password', 'refreshToken'] },
      d360ApiKey: { variable: 'GETCHAT_D360_API_KEY', unless: ['token', 'username', 'password', 'refreshToken'] },
      username: { variable: 'GETCHAT_USERNAME', unless: ['token', 'd360ApiKey', 'refreshToken'] },
      password: { variable: 'GETCHAT_PASSWORD', unless: ['token', 'd360ApiKey', 'refreshToken'] },
      refreshToken: { variable: 'GETCHAT_REFRESH_TOKEN', unless: ['token', 'd360ApiKey', 'username', 'password'] },
      webhookSecret: 'GETCHAT_WEBHOOK_SECRET',
    },
  },
  'messaging-api': {
    load: () => import('@wamux/messaging-api').then((m) => m.createMessagingApiProvider),
    env: {
      baseUrl: 'MESSAGING_API_BASE_URL',
      apiKey: 'MESSAGING_API_KEY',
      apiId: 'MESSAGING_API_ID',
      channelId: 'MESSAGING_API_CHANNEL_ID',
      verifyToken: 'MESSAGING_API_VERIFY_TOKEN',
    },
  },
  'cloud-api': {
    load: () => import('@wamux/cloud-api').then((m) => m.createCloudApiProvider),
    env: {
      baseUrl: 'CLOUD_API_BASE_URL',
      graphVersion: 'CLOUD_API_GRAPH_VERSION',
      accessToken: 'CLOUD_API_ACCESS_TOKEN',
      phoneNumberId: 'CLOUD_API_PHONE_NUMBER_ID',
      businessAccountId: 'CLOUD_API_BUSINESS_ACCOUNT_ID',
      appSecret: 'CLOUD_API_APP_SECRET',
      verifyToken: 'CLOUD_API_VERIFY_TOKEN',
    },
  },
  '360dialog': {
    load: () => import('@wamux/360dialog').then((m) => m.create360dialogProvider),
    env: { baseUrl: 'D360_BASE_URL', apiKey: 'D360_API_KEY' },
  },
  memory: {
    load: () => import('@wamux/memory').then((m) => m.createMemoryProvider),
    env: { baseUrl: 'WAMUX_MEMORY_URL', apiKey: 'WAMUX_MEMORY_API_KEY', webhookSecret: 'WAMUX_MEMORY_WEBHOOK_SECRET' },
  },
} as const;
// Checked apart from the declaration, so each `load` keeps its adapter's own factory type.
adapters satisfies Record<string, AdapterEntry>;

/** The provider names `createProvider` accepts. */
export type ProviderName = keyof typeof adapters;

/** The factory of the adapter `Name` names (`createDesk360Provider` for `'desk360'`). */
export type FactoryOf<Name extends ProviderName> = Awaited<ReturnType<(typeof adapters)[Name]['load']>>;

/** The options of the adapter `Name` names. */
export type AdapterOptionsOf<Name extends ProviderName> = Name extends ProviderName ? Parameters<FactoryOf<Name>>[0] : never;

/** The provider type the adapter `Name` creates, with its vendor operations (`Desk360Provider` for `'desk360'`). */
export type ProviderOf<Name extends ProviderName> = Name extends ProviderName ? ReturnType<FactoryOf<Name>> : never;

/** Every provider name, in a stable order. */
export const PROVIDER_NAMES = Object.keys(adapters) as ProviderName[];

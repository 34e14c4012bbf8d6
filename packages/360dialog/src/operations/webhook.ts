import type { CallOptions } from '@wamux/core/adapter';
import type { D360Client } from '../client';
import { getWebhookConfig, setWebhookConfig } from '../client/webhook-config';
import type { WebhookConfig } from '../wire/webhook-config';
import { webhookConfigInput } from './inputs';

/** 360dialog's webhook configuration of the phone number (`/v1/configs/webhook`). */
export interface D360WebhookOperations {
  /**
   * Sets where 360dialog posts this number's deliveries, and the headers it
   * adds to each: put the provider's `webhookSecret` here
   * (`{ url, headers: { [secret.header]: secret.value } }`).
   */
  configure(config: { url: string; headers?: Record<string, string> | undefined }, options?: CallOptions): Promise<WebhookConfig>;
  /** The current webhook URL and headers. */
  get(options?: CallOptions): Promise<WebhookConfig>;
}

/** Builds the webhook configuration operations of one provider. */
export function createWebhookOperations(client: D360Client): D360WebhookOperations {
  return {
    configure: (config, options = {}) => setWebhookConfig(client, webhookConfigInput(config), options),
    get: (options = {}) => getWebhookConfig(client, options),
  };
}

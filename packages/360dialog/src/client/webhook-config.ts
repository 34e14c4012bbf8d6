import type { CallOptions } from '@wamux/core/adapter';
import { WebhookConfigSchema, type WebhookConfig } from '../wire/webhook-config';
import { PATHS, type D360Client } from './index';

/** `POST /v1/configs/webhook` `{ url, headers? }`: where 360dialog posts this number's deliveries, and the headers it adds. */
export async function setWebhookConfig(
  client: D360Client,
  config: { url: string; headers?: Record<string, string> | undefined },
  options: CallOptions,
): Promise<WebhookConfig> {
  const json = { url: config.url, ...(config.headers === undefined ? {} : { headers: config.headers }) };
  // Setting the same URL twice leaves the same configuration: safe to retry.
  const response = await client.http.request({
    method: 'POST',
    path: PATHS.webhook,
    json,
    schema: WebhookConfigSchema,
    idempotent: true,
    signal: options.signal,
  });
  return response.data;
}

/** `GET /v1/configs/webhook`: the current URL and headers. */
export async function getWebhookConfig(client: D360Client, options: CallOptions): Promise<WebhookConfig> {
  const response = await client.http.request({ method: 'GET', path: PATHS.webhook, schema: WebhookConfigSchema, signal: options.signal });
  return response.data;
}

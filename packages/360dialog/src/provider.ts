import { defineProvider, type Provider } from '@wamux/core/adapter';
import { createClient } from './client';
import { createDriver } from './driver';
import { createOperations, type D360Operations } from './operations';
import { resolveOptions, type D360Options } from './options';

/** A 360dialog provider: the normalized `Provider` plus 360dialog's own operations. */
export type D360Provider = Provider<'360dialog'> & D360Operations;

/**
 * Creates a provider for the WhatsApp Cloud API through 360dialog.
 *
 * ```ts
 * const d360 = create360dialogProvider({
 *   apiKey: process.env.D360_API_KEY!,
 *   webhookSecret: { header: 'x-webhook-secret', value: process.env.D360_WEBHOOK_SECRET! },
 * });
 * await d360.webhook.configure({ url: 'https://example.com/webhooks/whatsapp', headers: { 'x-webhook-secret': process.env.D360_WEBHOOK_SECRET! } });
 * await d360.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * ```
 */
export function create360dialogProvider(options: D360Options): D360Provider {
  const config = resolveOptions(options);
  const client = createClient(config);
  // The API key names the number: there is no sender id to key WhatsApp's limits by (the app's `whatsappLimits.phoneNumber` does).
  return defineProvider(createDriver(client, config), createOperations(client) satisfies D360Operations, {
    whatsappLimits: config.whatsappLimits,
    sender: undefined,
  });
}

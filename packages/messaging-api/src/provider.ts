import { defineProvider, type Provider } from '@wamux/core/adapter';
import { createClient } from './client';
import { createDriver } from './driver';
import { createOperations, type MessagingApiOperations } from './operations';
import { resolveOptions, type MessagingApiName, type MessagingApiOptions } from './options';

/** A Messaging APIs v1.0 provider: the normalized contract plus the vendor's operations. */
export type MessagingApiProvider = Provider<MessagingApiName> & MessagingApiOperations;

/**
 * Creates a provider for the "Messaging APIs v1.0" (x-api-key) vendor.
 *
 * ```ts
 * const provider = createMessagingApiProvider({
 *   baseUrl: 'https://messaging.example.com',
 *   apiKey: process.env.MESSAGING_API_KEY!,
 *   apiId: process.env.MESSAGING_API_ID,
 *   channelId: 'wa360:918828218374',
 *   verifyToken: process.env.MESSAGING_API_VERIFY_TOKEN,
 * });
 * await provider.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * await provider.sessions.close({ sessionId });
 * ```
 */
export function createMessagingApiProvider(options: MessagingApiOptions): MessagingApiProvider {
  const config = resolveOptions(options);
  const client = createClient(config);
  // The channel is the sending number: WhatsApp's per-number limits are keyed by it.
  return defineProvider(createDriver(client, config), createOperations(client, config), { whatsappLimits: config.whatsappLimits, sender: config.channelId });
}

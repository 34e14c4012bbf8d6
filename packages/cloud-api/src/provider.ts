import { defineProvider, type Provider } from '@wamux/core/adapter';
import { createClient } from './client';
import { createDriver } from './driver';
import { createOperations, type CloudApiOperations } from './operations';
import { resolveOptions, type CloudApiOptions } from './options';

/** A Cloud API provider: the normalized `Provider` plus the Cloud API's own operations. */
export type CloudApiProvider = Provider<'cloud-api'> & CloudApiOperations;

/**
 * Creates a provider for Meta's WhatsApp Cloud API.
 *
 * ```ts
 * const cloudApi = createCloudApiProvider({
 *   accessToken: process.env.WHATSAPP_TOKEN!,
 *   phoneNumberId: '106540352242922',
 *   businessAccountId: '102290129340398',
 *   appSecret: process.env.META_APP_SECRET!,
 *   verifyToken: process.env.WHATSAPP_VERIFY_TOKEN!,
 * });
 * await cloudApi.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * await cloudApi.media.delete(mediaId);
 * ```
 */
export function createCloudApiProvider(options: CloudApiOptions): CloudApiProvider {
  const config = resolveOptions(options);
  const client = createClient(config);
  // Meta's per-number limits are keyed by the phone number id messages go from.
  return defineProvider(createDriver(client, config), createOperations(client) satisfies CloudApiOperations, {
    whatsappLimits: config.whatsappLimits,
    sender: config.phoneNumberId,
  });
}

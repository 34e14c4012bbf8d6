import { defineProvider, type Provider } from '@wamux/core/adapter';
import { createClient } from './client';
import { createDriver } from './driver';
import { createOperations, type Desk360Operations } from './operations';
import { resolveOptions, type DESK360, type Desk360Options } from './options';

/** A Desk360 provider: the normalized `Provider` plus Desk360's own operations. */
export type Desk360Provider = Provider<typeof DESK360> & Desk360Operations;

/**
 * Creates a Desk360 provider.
 *
 * ```ts
 * const desk360 = createDesk360Provider({ apiKey: process.env.DESK360_API_KEY!, integrationId: 11 });
 * await desk360.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * for await (const template of desk360.templates.list()) console.log(template.name);
 * ```
 */
export function createDesk360Provider(options: Desk360Options): Desk360Provider {
  const config = resolveOptions(options);
  const client = createClient(config);
  // The integration is the sending number: WhatsApp's per-number limits are keyed by it.
  const sender = config.integrationId === undefined ? undefined : String(config.integrationId);
  return defineProvider(createDriver(client, config), createOperations(client), { whatsappLimits: config.whatsappLimits, sender });
}

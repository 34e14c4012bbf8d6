import { defineProvider, type Provider } from '@wamux/core';
import { createDriver } from './driver';
import { createAnalyticsOperations, type AnalyticsOperations } from './operations/analytics';
import { createConfigOperations, type ConfigOperations } from './operations/config';
import { createContactOperations, type ContactOperations } from './operations/contacts';
import { createMessageOperations, createSendWire, type MessageOperations } from './operations/messages';
import { createSessionOperations, type SessionOperations } from './operations/sessions';
import { resolveOptions, type MessagingApiOptions } from './options';
import type { MessagingApiName } from './provider-name';
import { createVendorApi } from './vendor-api';

/** The vendor's operations, grouped as the document's sections group them. */
export interface MessagingApiOperations {
  /** Configuration management: channels, global variables, HSM templates, the webhook URL. */
  readonly config: ConfigOperations;
  /** Contact management: language preference, contact information. */
  readonly contacts: ContactOperations;
  /** Digital analytics: customer data and events. */
  readonly analytics: AnalyticsOperations;
  /** Outbound messages in the vendor's own format. */
  readonly messages: MessageOperations;
  /** Session management: close, resolve, history, routing. */
  readonly sessions: SessionOperations;
}

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
  const resolved = resolveOptions(options);
  const api = createVendorApi(resolved);
  const sendWire = createSendWire(api);
  const config = createConfigOperations(api, resolved);
  const operations: MessagingApiOperations = {
    config,
    contacts: createContactOperations(api, resolved),
    analytics: createAnalyticsOperations(api),
    messages: createMessageOperations(sendWire, resolved.channelId),
    sessions: createSessionOperations(api),
  };
  return defineProvider(createDriver({ options: resolved, sendWire, config }), operations);
}

import type { MessagingApiClient } from '../client';
import type { ResolvedOptions } from '../options';
import { createAnalyticsOperations, type AnalyticsOperations } from './analytics';
import { createConfigOperations, type ConfigOperations } from './config';
import { createContactOperations, type ContactOperations } from './contacts';
import { createMessageOperations, type MessageOperations } from './messages';
import { createSessionOperations, type SessionOperations } from './sessions';

/** The vendor's operations, grouped as the document's sections group them: `provider.<section>.<operation>()`. */
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

/** Creates every section's operations over one client. */
export function createOperations(client: MessagingApiClient, options: ResolvedOptions): MessagingApiOperations {
  return {
    config: createConfigOperations(client, options),
    contacts: createContactOperations(client, options),
    analytics: createAnalyticsOperations(client),
    messages: createMessageOperations(client, options.channelId),
    sessions: createSessionOperations(client),
  };
}

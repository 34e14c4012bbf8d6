import type { PhoneNumber, ProviderEvent } from '@wamux/core/adapter';

/** A status Desk360 sent that wamux does not model, kept rather than dropped. */
export interface Desk360UnknownStatus {
  messageId: string;
  /** Desk360's status text, as sent. */
  status: string;
  recipient?: PhoneNumber | undefined;
}

/** The provider events Desk360 webhooks can produce. */
export type Desk360ProviderEvent = ProviderEvent<'unknown_status', Desk360UnknownStatus>;

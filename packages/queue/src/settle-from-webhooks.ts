import type { StatusEvent } from '@wamux/core/adapter';
import type { Outbox } from './outbox';

/** Something that emits `status` events: a wamux webhook handler. */
export interface StatusEventSource {
  on(event: 'status', listener: (event: StatusEvent) => unknown): unknown;
  off(event: 'status', listener: (event: StatusEvent) => unknown): unknown;
}

/** Options of {@link settleFromWebhooks}. */
export interface SettleFromWebhooksOptions {
  /** Recorded as who settled. Default `webhook`. */
  by?: string | undefined;
}

/**
 * Settles `unknown` messages from a webhook handler's `status` events: a
 * status for a message to a recipient with exactly one `unknown` message
 * means that message reached the vendor (whatever the status: `failed`
 * too was processed), with the status's message id. Returns a function
 * that stops listening.
 *
 * The listener is awaited by the handler, so a Redis failure answers the
 * webhook with a 500 and the vendor delivers it again.
 */
export function settleFromWebhooks(source: StatusEventSource, outbox: Pick<Outbox, 'settleByRecipient'>, options: SettleFromWebhooksOptions = {}): () => void {
  const listener = async (event: StatusEvent) => {
    const recipient = event.status.recipient;
    if (recipient === undefined) return;
    await outbox.settleByRecipient(recipient, event.status.messageId, options.by ?? 'webhook');
  };
  source.on('status', listener);
  return () => source.off('status', listener);
}

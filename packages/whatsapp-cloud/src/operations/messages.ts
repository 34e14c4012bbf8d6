import { parseInput, type CallOptions, type SendResult } from '@wamux/core/adapter';
import { addressee, ctaUrlInteractive, markReadRequest, type CtaUrlInteractive } from '../map/outbound';
import { RawMessageRequestSchema } from '../wire/raw-message';
import type { CloudMarkReadRequest } from '../wire/send';
import { messageIdInput } from './inputs';

/** The Cloud API's messages endpoint, as a provider's `messages` operations: what the model has no type for. */
export interface CloudMessageOperations {
  /**
   * Sends a message request as Meta documents it (`messaging_product` is
   * added): for types the model lacks (a Flow, a product list, a
   * call-to-action URL button...). `to` is the number's digits, or
   * `recipient` a business-scoped user ID.
   */
  sendRaw(body: Record<string, unknown> & { type: string }, options?: CallOptions): Promise<SendResult>;
  /** Sends a call-to-action URL button (`interactive.type: cta_url`) to `to` (E.164 or a BSUID). */
  sendCtaUrl(to: string, button: CtaUrlInteractive, options?: CallOptions): Promise<SendResult>;
  /** Marks a received message read; with `typing`, shows the typing indicator too (for up to 25 seconds). */
  markRead(messageId: string, options?: CallOptions & { typing?: boolean }): Promise<void>;
}

/** An adapter's message calls over its own client (its messages path). */
export interface CloudMessageCalls<Client> {
  postMessage(client: Client, body: Record<string, unknown>, options: CallOptions): Promise<SendResult>;
  postRead(client: Client, body: CloudMarkReadRequest, options: CallOptions): Promise<void>;
}

/** Builds the message operations of one provider: the app's input checked (errors name `provider`), then the adapter's calls. */
export function cloudMessageOperations<Client>(provider: string, client: Client, calls: CloudMessageCalls<Client>): CloudMessageOperations {
  const sendRaw: CloudMessageOperations['sendRaw'] = (body, options = {}) => {
    const valid = parseInput(RawMessageRequestSchema, body, { root: 'body', provider });
    return calls.postMessage(client, { messaging_product: 'whatsapp', recipient_type: 'individual', ...valid }, options);
  };
  return {
    sendRaw,
    sendCtaUrl: (to, button, options = {}) => sendRaw({ ...addressee(to), type: 'interactive', interactive: ctaUrlInteractive(button) }, options),
    markRead: (messageId, options = {}) =>
      calls.postRead(client, markReadRequest(messageIdInput(messageId, provider), { typing: options.typing === true }), options),
  };
}

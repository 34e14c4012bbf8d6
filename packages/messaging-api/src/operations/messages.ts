import { ConfigurationError, createProviderError, parseInput, type CallOptions, type SendResult } from '@wamux/core';
import { API_PREFIX, PROVIDER } from '../provider-name';
import type { VendorApi, VendorRequest } from '../vendor-api';
import { envelopeItem } from '../wire/envelope';
import { OutBoundMsgSchema, OutBoundReceiptSchema, type OutBoundMsg, type OutBoundMsgWire, type OutBoundReceipt } from '../wire/outbound';

/** What a send returns: the normalized result plus the vendor's receipt. */
export interface MessagingApiSendResult extends SendResult {
  receipt: OutBoundReceipt;
}

/** Outbound messages in the vendor's own format. */
export interface MessageOperations {
  /**
   * `POST /message/send` with an `OutBoundMsg`: every type and recipient
   * form the vendor offers (`to.contactId`, `to.email`, `messageIdResend`,
   * `mask`, `options.buttons` shown as `auto`, `list` or `buttons`).
   * `channelId` defaults to the provider's.
   */
  send(message: OutBoundMsg, options?: CallOptions): Promise<MessagingApiSendResult>;
}

/** Sends a wire message as it is; `provider.send()` and `messages.send()` both end here. */
export type SendWire = (message: OutBoundMsgWire, signal: AbortSignal | undefined) => Promise<MessagingApiSendResult>;

/** The channel to send from, or a `ConfigurationError` before any request. */
export function requireChannelId(channelId: string | undefined): string {
  if (channelId !== undefined) return channelId;
  throw new ConfigurationError('channelId', 'is required to send messages: set it to a channelId from config.listChannels()', { provider: PROVIDER });
}

/**
 * Creates the sender. A send is not idempotent: it is repeated only when
 * the vendor provably did not take it (429, 503 with Retry-After, a refused
 * connection), never after a 500 or a timeout.
 */
export function createSendWire(api: VendorApi): SendWire {
  return async (message, signal) => {
    const request: VendorRequest = { method: 'POST', path: '/message/send', json: message, idempotent: false, signal };
    const { envelope, body, rateLimit } = await api.call(request);
    const item = envelopeItem(envelope);
    if (item === undefined) {
      throw createProviderError('unexpected_response', {
        provider: PROVIDER,
        message: `the answer to POST ${API_PREFIX}/message/send carries no receipt (no data or results)`,
      });
    }
    const receipt = api.validate(OutBoundReceiptSchema, item, request);
    return { id: receipt.id, rateLimit, raw: body, receipt };
  };
}

/** Creates the `messages` operations. */
export function createMessageOperations(sendWire: SendWire, defaultChannelId: string | undefined): MessageOperations {
  return {
    async send(message, { signal } = {}) {
      const valid = parseInput(OutBoundMsgSchema, message, { root: 'message', provider: PROVIDER });
      return sendWire({ ...valid, channelId: valid.channelId ?? requireChannelId(defaultChannelId) }, signal);
    },
  };
}

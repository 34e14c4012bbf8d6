import { parseInput, type CallOptions } from '@wamux/core/adapter';
import type { MessagingApiClient, MessagingApiSendResult } from '../client';
import { MESSAGING_API_PROVIDER, requireChannelId } from '../options';
import { OutBoundMsgSchema, type OutBoundMsg } from '../wire/outbound';

export type { MessagingApiSendResult } from '../client';

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

/** Creates the `messages` operations. */
export function createMessageOperations(client: MessagingApiClient, defaultChannelId: string | undefined): MessageOperations {
  return {
    async send(message, { signal } = {}) {
      const valid = parseInput(OutBoundMsgSchema, message, { root: 'message', provider: MESSAGING_API_PROVIDER });
      return client.send({ ...valid, channelId: valid.channelId ?? requireChannelId(defaultChannelId) }, signal);
    },
  };
}

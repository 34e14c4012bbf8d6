import { type MediaSource, type OutboundMessage, type SendResult } from '@wamux/core';
import { match, P } from 'ts-pattern';
import type { GetchatContext } from '../context';
import { uploadMediaFile } from '../media';
import { postCreateMessage } from '../messages/calls';
import { toCreateMessageBody, type WireMedia } from '../wire/outbound';
import { checkWhatsAppLimits } from './limits';

/**
 * The driver's `send`: WhatsApp's limits, media uploads, then createMessage.
 * `SendResult.id` is get.chat's id, which exists before WhatsApp's does and
 * which statuses carry as `getchat_id`.
 */
export async function sendMessage(ctx: GetchatContext, message: OutboundMessage, signal: AbortSignal | undefined): Promise<SendResult> {
  checkWhatsAppLimits(message);
  const resolveMedia = (source: MediaSource): Promise<WireMedia> =>
    match(source)
      .with({ url: P.string }, (s) => Promise.resolve({ link: s.url }))
      .with({ id: P.string }, (s) => Promise.resolve({ id: s.id }))
      .with({ data: P._ }, async (s) => {
        // Bytes are stored in the inbox first. The document's outgoing
        // messages link to the inbox's own media URL, so this one does too.
        const uploaded = await uploadMediaFile(ctx, s, { signal });
        return uploaded.url ? { link: uploaded.url } : { id: uploaded.id };
      })
      .exhaustive();
  const body = await toCreateMessageBody(message, resolveMedia);
  const { created, rateLimit, raw } = await postCreateMessage(ctx, body, signal);
  return { id: created.getchatId, whatsappMessageId: created.whatsappMessageId, rateLimit, raw };
}

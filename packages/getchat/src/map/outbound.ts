import { e164Digits, type OutboundMessage } from '@wamux/core/adapter';
import { toMessageRequest, type MediaResolver } from '@wamux/whatsapp-cloud';
import { GETCHAT } from '../options';

/** The body of createMessage (`POST /messages/`), as the adapter sends it. */
export type CreateMessageBody = Record<string, unknown> & { wa_id: string; type: string };

/**
 * The model's OutboundMessage → the createMessage body. get.chat forwards
 * WhatsApp's message object, so @wamux/whatsapp-cloud builds it (`type`,
 * the object named after the type, `context`); get.chat's own envelope
 * replaces the Cloud API's: `wa_id` (digits) instead of `messaging_product`,
 * `recipient_type` and `to`, and `preview_url` beside the text object, where
 * the document's own outgoing payloads carry it. Media given as bytes is
 * uploaded through `resolveMedia` first.
 */
export async function toCreateMessageBody(message: OutboundMessage, resolveMedia: MediaResolver): Promise<CreateMessageBody> {
  const request = await toMessageRequest(message, resolveMedia, GETCHAT);
  const { messaging_product: _product, recipient_type: _recipientType, to: _to, recipient: _recipient, context, ...content } = request;
  const { preview_url: previewUrl, ...text } = isRecord(content.text) ? content.text : {};
  return {
    wa_id: e164Digits(message.to),
    ...content,
    ...(previewUrl === undefined ? {} : { text, preview_url: previewUrl }),
    ...(context === undefined ? {} : { context }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

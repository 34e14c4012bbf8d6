import { toE164, type HistoryMessage } from '@wamux/core/adapter';
import type { GetchatMessage } from './message';

/**
 * A get.chat message → the model's HistoryMessage, or `undefined` when it
 * lacks a chat or a timestamp. Its id is the one the app already holds: for
 * a message the business sent, get.chat's id (`SendResult.id`); for a
 * customer's, WhatsApp's (`InboundMessage.id`).
 */
export function historyMessageOf(message: GetchatMessage): HistoryMessage | undefined {
  const id = message.fromUs ? (message.getchatId ?? message.whatsappMessageId) : (message.whatsappMessageId ?? message.getchatId);
  const contact = message.customerWaId === undefined ? undefined : toE164(message.customerWaId);
  if (id === undefined || contact === undefined || message.timestamp === undefined) return undefined;
  return {
    id,
    direction: message.fromUs ? 'outbound' : 'inbound',
    contact,
    timestamp: message.timestamp,
    content: message.content,
    raw: message,
  };
}

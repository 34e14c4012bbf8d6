import type { PhoneNumber } from '@wamux/core/adapter';
import { inboundFromCloud, type InboundResult, type ValueContacts } from '@wamux/whatsapp-cloud';
import type { GetchatMessage } from './message';

// Customer messages get.chat delivers: WhatsApp's message object, read by
// @wamux/whatsapp-cloud, either in a WABA value (`messages[]`, beside the
// value's `contacts`) or inside one of get.chat's own message objects
// (`incoming_messages[]`...), which adds its id, chat and contact name.

const NO_CONTACTS: ValueContacts = { find: () => undefined };

/**
 * A WhatsApp message payload of a WABA value → the model's InboundMessage,
 * or why one could not be built (`reason`, and `field`, the payload's field
 * at fault). Its id is WhatsApp's (`wamid...`), which replies and reactions
 * quote; `contacts` name the sender, `to` is the business number.
 */
export function inboundFromWaba(
  payload: Record<string, unknown>,
  value: { contacts?: ValueContacts | undefined; to?: PhoneNumber | undefined } = {},
): InboundResult {
  return inboundFromCloud(payload, { contacts: value.contacts ?? NO_CONTACTS, to: value.to });
}

/**
 * A customer's get.chat message object → the model's InboundMessage. Its
 * `waba_payload` is read as a WABA message, with get.chat's fields for what
 * the payload leaves out: get.chat's id when it has no id, and the chat's
 * `customer_wa_id` and the contact's name for the sender (after a
 * contact-request card's number: the chat may name a username user by BSUID).
 */
export function inboundFromGetchatMessage(message: GetchatMessage): InboundResult {
  const payload = message.wabaPayload;
  const getchatId = message.getchatId?.trim() ? message.getchatId : undefined;
  const withId = getchatId !== undefined && isBlankId(payload.id) ? { ...payload, id: getchatId } : payload;
  return inboundFromCloud(withId, { contacts: NO_CONTACTS, fallback: { phone: message.customerWaId, name: message.contact?.name } });
}

/** True for an id that identifies nothing: missing, `null` or blank text. */
function isBlankId(id: unknown): boolean {
  return id === undefined || id === null || (typeof id === 'string' && id.trim() === '');
}

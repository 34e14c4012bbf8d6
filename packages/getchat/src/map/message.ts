import type { MessageContent } from '@wamux/core/adapter';
import { contentFromCloud, messageTypeOf } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';
import { PersonWire, type GetchatPerson } from '../wire/persons';
import { EmbeddedUserWire, type GetchatUser } from '../wire/users';
import { LenientBoolean, LenientString, LenientTimestamp, maybe, OpaqueObject } from '../wire/lenient';

/** When WhatsApp reported each state of a message the inbox sent (`waba_statuses`). */
export interface GetchatMessageStatuses {
  sent?: Date | undefined;
  delivered?: Date | undefined;
  read?: Date | undefined;
}

/**
 * A message as get.chat stores it (`/messages/` results, and the webhook
 * fields `incoming_messages`, `outgoing_messages`, `assigned_messages`).
 * `wabaPayload` is WhatsApp's own message object, untouched.
 */
export interface GetchatMessage {
  /** get.chat's id (a UUID): what createMessage returns and statuses carry as `getchat_id`. */
  getchatId?: string | undefined;
  /** WhatsApp's id (`waba_payload.id`), once WhatsApp gave one. */
  whatsappMessageId?: string | undefined;
  /** The customer of the chat (digits, no `+`). */
  customerWaId?: string | undefined;
  /** True for messages sent by the business: inbox users, API users, automation. */
  fromUs: boolean;
  /** Whether the calling user marked it as received. */
  received?: boolean | undefined;
  timestamp?: Date | undefined;
  /** WhatsApp's message type (`text`, `image`, `template`...). */
  type: string;
  /** The content, in the wamux model (`unsupported` for types wamux does not model). */
  content: MessageContent;
  statuses?: GetchatMessageStatuses | undefined;
  /** The customer, as a person. */
  contact?: GetchatPerson | undefined;
  /** The inbox user (agent, bot, API user) who sent it; absent for customer messages. */
  sender?: GetchatUser | undefined;
  /** The message this one replies to, as get.chat embeds it. */
  context?: Record<string, unknown> | undefined;
  isFailed?: boolean | undefined;
  wabaPayload: Record<string, unknown>;
}

const StatusesWire = v.pipe(
  v.object({ sent: maybe(LenientTimestamp), delivered: maybe(LenientTimestamp), read: maybe(LenientTimestamp) }),
  v.transform((statuses): GetchatMessageStatuses => statuses),
);

/** The entries of a get.chat message object, liberal: everything but the payload may be missing. */
const messageEntries = {
  id: maybe(LenientString),
  waba_payload: maybe(OpaqueObject),
  waba_statuses: maybe(StatusesWire),
  contact: maybe(PersonWire),
  from_us: maybe(LenientBoolean),
  received: maybe(LenientBoolean),
  sender: EmbeddedUserWire,
  context: maybe(OpaqueObject),
  customer_wa_id: maybe(LenientString),
  is_failed: maybe(LenientBoolean),
};

/** Reads a get.chat message object into {@link GetchatMessage}. */
export const MessageWire = v.pipe(
  v.object(messageEntries),
  v.transform((message): GetchatMessage => {
    const payload = message.waba_payload ?? {};
    const timestamp = v.safeParse(LenientTimestamp, payload.timestamp);
    const whatsappId = v.safeParse(LenientString, payload.id);
    // A message sent by the business has `to`, a customer's has `from`.
    const fromUs = message.from_us ?? (payload.to !== undefined && payload.from === undefined);
    const customer = v.safeParse(LenientString, fromUs ? (payload.to ?? payload.wa_id) : payload.from);
    return {
      getchatId: message.id,
      whatsappMessageId: whatsappId.success ? whatsappId.output : undefined,
      customerWaId: message.customer_wa_id ?? message.contact?.waId ?? (customer.success ? customer.output : undefined),
      fromUs,
      received: message.received,
      timestamp: timestamp.success ? timestamp.output : undefined,
      type: messageTypeOf(payload),
      content: contentFromCloud(payload),
      statuses: message.waba_statuses,
      contact: message.contact,
      sender: message.sender,
      context: message.context,
      isFailed: message.is_failed,
      wabaPayload: payload,
    };
  }),
);

/** What createMessage answers: get.chat's id, before WhatsApp has one (and why it is queued). Unknown fields are kept. */
export const CreatedMessageBody = v.looseObject({ id: LenientString, reason: maybe(v.string()), waba_payload: maybe(OpaqueObject) });

/** The result of `messages.create`. */
export interface GetchatCreatedMessage {
  /** get.chat's id: `SendResult.id`, and `getchat_id` on the statuses that follow. */
  getchatId: string;
  /** get.chat's explanation when the message is queued behind others. */
  reason?: string | undefined;
  /** WhatsApp's id, when get.chat already had one. */
  whatsappMessageId?: string | undefined;
}

/** Reads createMessage's answer. */
export function createdMessageOf(body: v.InferOutput<typeof CreatedMessageBody>): GetchatCreatedMessage {
  const whatsappId = v.safeParse(LenientString, body.waba_payload?.id);
  return { getchatId: body.id, reason: body.reason, whatsappMessageId: whatsappId.success ? whatsappId.output : undefined };
}

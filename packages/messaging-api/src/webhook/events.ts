import type { MessageEvent, ProviderEvent, WebhookEvent } from '@wamux/core/adapter';
import * as v from 'valibot';
import { MESSAGING_API_PROVIDER, type ContactInfoRequest } from '../options';
import type { InBoundContact } from '../wire/contact';
import { InBoundMsgSchema, type InBoundMeta, type InBoundMsg, type InBoundMsgStatus, type MsgSession } from '../wire/inbound';
import type { InBoundEvent } from '../wire/session';

/** A session lifecycle event (`events[]` of a notification). */
export interface SessionEventPayload {
  /** What happened, e.g. `SESSION_ROUTED`. */
  eventCode: string;
  sessionId?: string | undefined;
  event: InBoundEvent;
  /** Which client app the notification was for. */
  meta?: InBoundMeta | undefined;
}

/** An action an agent or service triggered (`actions[]` of a notification), e.g. `SEND_INVOICE`. */
export interface ActionPayload {
  actionCode: string;
  /** The notification's contacts, for context: the action itself names none. */
  contacts: InBoundContact[];
  meta?: InBoundMeta | undefined;
}

/** A status whose code the document does not list: kept, not guessed. */
export interface UnknownStatusPayload {
  messageId: string;
  /** The code as sent. */
  vendorStatus: string;
  status: InBoundMsgStatus;
}

/** A customer message the WhatsApp model cannot hold (its sender is an email or a social id, not a phone). */
export interface UnmappedMessagePayload {
  reason: string;
  message: InBoundMsg;
  contact?: InBoundContact | undefined;
  meta?: InBoundMeta | undefined;
}

/** Every provider event this adapter emits, a union on `kind`. */
export type MessagingApiEvent =
  | ProviderEvent<'session_event', SessionEventPayload>
  | ProviderEvent<'action', ActionPayload>
  | ProviderEvent<'unknown_status', UnknownStatusPayload>
  | ProviderEvent<'unmapped_message', UnmappedMessagePayload>
  | ProviderEvent<'contact_info_request', ContactInfoRequest>;

/** The `kind` of a provider event of this adapter. */
export type MessagingApiEventKind = MessagingApiEvent['kind'];

/** Every kind, in a stable order. */
export const MESSAGING_API_EVENT_KINDS = [
  'session_event',
  'action',
  'unknown_status',
  'unmapped_message',
  'contact_info_request',
] as const satisfies readonly MessagingApiEventKind[];

/** Narrows a webhook event to this adapter's provider event of `kind`. */
export function isMessagingApiEvent<K extends MessagingApiEventKind>(event: WebhookEvent, kind: K): event is Extract<MessagingApiEvent, { kind: K }> {
  return event.type === 'provider_event' && event.provider === MESSAGING_API_PROVIDER && event.kind === kind;
}

/**
 * The session an inbound message belongs to (`session` of the vendor's
 * message), to close, resolve or route it with `provider.sessions`. The
 * normalized message has no place for it; it is read from the event's `raw`.
 */
export function inboundSession(event: MessageEvent): MsgSession | undefined {
  if (event.provider !== MESSAGING_API_PROVIDER) return undefined;
  const parsed = v.safeParse(InBoundMsgSchema, event.raw);
  return parsed.success ? parsed.output.session : undefined;
}

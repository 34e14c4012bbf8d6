import { compact, toE164, type MessageEvent, type StatusEvent, type StatusUpdate, type WebhookEvent } from '@wamux/core/adapter';
import type { MessagingApiEvent, MessagingApiEventKind } from './events';
import { toInboundMessage } from '../map/inbound';
import { normalizeStatusCode } from '../map/status';
import { MESSAGING_API_PROVIDER } from '../options';
import type { InBoundContact } from '../wire/contact';
import type { InBoundMsgStatus, InBoundWrapper } from '../wire/inbound';

/**
 * The events of one `message/receive` notification, in order: messages,
 * statuses, session events, actions. Every list is read, whatever the
 * wrapper's `type` says. `body` is the JSON as received, for each event's `raw`.
 */
export function notificationEvents(wrapper: InBoundWrapper, body: Record<string, unknown>, receivedAt: Date): WebhookEvent[] {
  const raw = (key: string, index: number): unknown => {
    const list = body[key];
    return Array.isArray(list) ? list[index] : list;
  };
  const meta = wrapper.meta;
  const events: WebhookEvent[] = [];

  wrapper.messages.forEach((message, index) => {
    const contact = contactFor(wrapper.contacts, message.contactId);
    const mapped = toInboundMessage(message, contact, receivedAt);
    if (mapped.ok) {
      const event: MessageEvent = { type: 'message', provider: MESSAGING_API_PROVIDER, message: mapped.message, raw: raw('messages', index) };
      events.push(event);
    } else {
      events.push(providerEvent('unmapped_message', message.id, compact({ reason: mapped.reason, message, contact, meta }), raw('messages', index)));
    }
  });

  wrapper.statuses.forEach((status, index) => {
    const normalized = normalizeStatusCode(status.status);
    if (normalized === undefined) {
      const payload = { messageId: status.id, vendorStatus: status.status, status };
      events.push(providerEvent('unknown_status', `${status.id}:${status.status}`, payload, raw('statuses', index)));
      return;
    }
    const event: StatusEvent = { type: 'status', provider: MESSAGING_API_PROVIDER, status: statusUpdate(status, normalized), raw: raw('statuses', index) };
    events.push(event);
  });

  wrapper.events.forEach((event, index) => {
    const payload = compact({ eventCode: event.eventCode ?? 'UNKNOWN', sessionId: event.sessionId, event, meta });
    events.push(providerEvent('session_event', event.eventId, payload, raw('events', index)));
  });

  wrapper.actions.forEach((action, index) => {
    const payload = compact({ actionCode: action.actionCode, contacts: wrapper.contacts, meta });
    events.push(providerEvent('action', undefined, payload, raw('actions', index)));
  });

  return events;
}

/** A normalized status; `messageIdExt` (the channel's id) is WhatsApp's message id. */
function statusUpdate(status: InBoundMsgStatus, normalized: StatusUpdate['status']): StatusUpdate {
  const errors = status.errors
    .filter((error) => error.code !== undefined || error.title !== undefined)
    .map((error) => compact({ code: error.code ?? 'unknown', title: error.title, details: error.details }));
  return compact({
    messageId: status.id,
    whatsappMessageId: status.messageIdExt !== undefined && status.messageIdExt !== status.id ? status.messageIdExt : undefined,
    status: normalized,
    vendorStatus: status.status,
    recipient: toE164(status.contact?.profile?.phone),
    timestamp: status.timestamp,
    errors: errors.length > 0 ? errors : undefined,
  });
}

/** The notification's contact of an item: the one with its `contactId`, else the only one. */
function contactFor(contacts: readonly InBoundContact[], contactId: string | undefined): InBoundContact | undefined {
  return contacts.find((contact) => contactId !== undefined && contact.contactId === contactId) ?? (contacts.length === 1 ? contacts[0] : undefined);
}

type PayloadOf<K extends MessagingApiEventKind> = Extract<MessagingApiEvent, { kind: K }>['payload'];

/**
 * A provider event whose payload type is checked against its kind. `id` is
 * its de-duplication key: a blank one identifies nothing and is left out
 * (the event is then never de-duplicated).
 */
function providerEvent<K extends MessagingApiEventKind>(kind: K, id: string | undefined, payload: PayloadOf<K>, raw: unknown): MessagingApiEvent {
  // TypeScript cannot relate `kind` and `payload` through the generic; the signature does.
  const event = { type: 'provider_event', provider: MESSAGING_API_PROVIDER, kind, payload, raw } as Extract<MessagingApiEvent, { kind: K }>;
  if (id !== undefined && id.trim() !== '') event.id = id;
  return event;
}

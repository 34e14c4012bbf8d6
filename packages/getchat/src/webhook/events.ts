import type { ProviderEvent } from '@wamux/core/adapter';
import type { GetchatMessage } from '../map/message';
import type { GetchatChatAssignment, GetchatChatAssignmentEvent } from '../wire/chats';
import type { GetchatChatTaggingEvent, GetchatMessageTaggingEvent } from '../wire/tags';

/** A status item whose status word wamux does not know (kept, not dropped). */
export interface GetchatUnknownStatus {
  /** The status word as WhatsApp sent it. */
  status: string;
  /** `getchat_id`, else WhatsApp's id. */
  messageId?: string | undefined;
}

/** Errors WhatsApp reported for the whole delivery rather than a message (`errors`). */
export interface GetchatWabaErrors {
  errors: unknown[];
}

/** A Cloud API change that is not about messages (`entry[].changes[].field` other than `messages`). */
export interface GetchatWabaChange {
  field: string;
  value: Record<string, unknown>;
}

/**
 * An item that could not be read (kept so the rest of the delivery still
 * counts): not an object, or without what the model requires (a message or
 * status without an id, a message without a sender or timestamp).
 */
export interface GetchatUnrecognizedItem {
  /** The webhook field it came from (`incoming_messages`, `chat_tagging`...). */
  field: string;
  reason: string;
  /** The dotted path, in the delivery, of the item or of its field at fault (`entry.0.changes.0.value.statuses.2.id`). */
  path: string;
}

/**
 * Every get.chat event without a cross-vendor meaning, a union on `kind`:
 *
 * - `outgoing_message`: a message the business sent from the inbox (a human
 *   agent, or another API user), from `outgoing_messages`; never a `message` event;
 * - `assigned_message`: a message of a chat assigned to the webhook's user
 *   (`assigned_messages`); customer messages also produce a `message` event;
 * - `chat_assignment`, `chat_tagging`, `message_tagging`: the extension
 *   fields (and the deprecated `tagged_chats` / `tagged_messages`);
 * - `unknown_status`, `waba_errors`, `waba_change`: kept for completeness,
 *   with the vendor item in `raw`;
 * - `unrecognized`: an item refused (it has no id, no sender...), named by
 *   its path, with the vendor item in `raw`; never de-duplicated.
 */
export type GetchatProviderEvent =
  | ProviderEvent<'outgoing_message', GetchatMessage>
  | ProviderEvent<'assigned_message', GetchatMessage>
  | ProviderEvent<'chat_assignment', GetchatChatAssignmentEvent | GetchatChatAssignment>
  | ProviderEvent<'chat_tagging', GetchatChatTaggingEvent>
  | ProviderEvent<'message_tagging', GetchatMessageTaggingEvent>
  | ProviderEvent<'unknown_status', GetchatUnknownStatus>
  | ProviderEvent<'waba_errors', GetchatWabaErrors>
  | ProviderEvent<'waba_change', GetchatWabaChange>
  | ProviderEvent<'unrecognized', GetchatUnrecognizedItem>;

/** The `kind` of a get.chat provider event. */
export type GetchatProviderEventKind = GetchatProviderEvent['kind'];

/** Narrows a webhook event to get.chat's provider events (for a typed `switch` on `kind`). */
export function isGetchatProviderEvent(event: { type: string; provider: string }): event is GetchatProviderEvent {
  return event.type === 'provider_event' && event.provider === 'getchat';
}

import * as v from 'valibot';
import { PersonWire, type GetchatPerson } from './persons';
import { TagWire, type GetchatTag } from './tags';
import { EmbeddedGroupWire, EmbeddedUserWire, type GetchatGroup, type GetchatUser } from './users';
import { LenientBoolean, LenientInt, LenientString, LenientTimestamp, lenientArray, maybe, OpaqueObject } from '../shared/wire';

/** A conversation with a WhatsApp user, and how many messages in it are new to you. */
export interface GetchatChat {
  /** WhatsApp id of the customer (digits). */
  waId: string;
  /** Messages not yet marked as received by the authenticated user. */
  newMessages: number;
  contact?: GetchatPerson | undefined;
  /**
   * The latest message, as get.chat sends message objects (`waba_payload`,
   * `from_us`, `sender`...; the same shape as `/messages/` results).
   */
  lastMessage?: Record<string, unknown> | undefined;
  assignedToUser?: GetchatUser | undefined;
  assignedGroup?: GetchatGroup | undefined;
  tags: GetchatTag[];
}

/** Who a chat is assigned to. `null` means unassigned. */
export interface GetchatChatAssignment {
  waId: string;
  assignedToUserId: number | null;
  assignedGroupId: number | null;
}

/** A historical entry of a chat's assignment. */
export interface GetchatChatAssignmentEvent {
  waId: string;
  timestamp: Date;
  /** The user the chat was assigned to by this change. */
  assignedToUserSet?: GetchatUser | undefined;
  assignedToUserWasCleared: boolean;
  /** The group the chat was assigned to by this change. */
  assignedGroupSet?: GetchatGroup | undefined;
  assignedGroupWasCleared: boolean;
  doneBy?: GetchatUser | undefined;
}

/** A chat object (`/chats/` results, `retrieveChat`, `createChatImport`). */
export const ChatWire = v.pipe(
  v.object({
    wa_id: LenientString,
    new_messages: maybe(LenientInt),
    contact: maybe(PersonWire),
    last_message: maybe(OpaqueObject),
    assigned_to_user: EmbeddedUserWire,
    assigned_group: EmbeddedGroupWire,
    tags: maybe(lenientArray(TagWire)),
  }),
  v.transform(
    (chat): GetchatChat => ({
      waId: chat.wa_id,
      newMessages: chat.new_messages ?? 0,
      contact: chat.contact,
      lastMessage: chat.last_message,
      assignedToUser: chat.assigned_to_user,
      assignedGroup: chat.assigned_group,
      tags: chat.tags ?? [],
    }),
  ),
);

/** An id, or (liberal) an object carrying it; `null` means none. */
const AssigneeIdWire = v.pipe(
  v.nullish(v.union([LenientInt, v.pipe(v.object({ id: LenientInt }), v.transform((object) => object.id))])),
  v.transform((id) => id ?? null),
);

/** A chat assignment object. */
export const ChatAssignmentWire = v.pipe(
  v.object({ wa_id: LenientString, assigned_to_user: AssigneeIdWire, assigned_group: AssigneeIdWire }),
  v.transform(
    (assignment): GetchatChatAssignment => ({
      waId: assignment.wa_id,
      assignedToUserId: assignment.assigned_to_user ?? null,
      assignedGroupId: assignment.assigned_group ?? null,
    }),
  ),
);

/**
 * A chat assignment event (the list's results, and the webhook's
 * `chat_assignment`). The document does not spell its fields; these are the
 * ones get.chat's own web inbox reads.
 */
export const ChatAssignmentEventWire = v.pipe(
  v.object({
    wa_id: LenientString,
    timestamp: LenientTimestamp,
    assigned_to_user_set: EmbeddedUserWire,
    assigned_to_user_was_cleared: maybe(LenientBoolean),
    assigned_group_set: EmbeddedGroupWire,
    assigned_group_was_cleared: maybe(LenientBoolean),
    done_by: EmbeddedUserWire,
  }),
  v.transform(
    (event): GetchatChatAssignmentEvent => ({
      waId: event.wa_id,
      timestamp: event.timestamp,
      assignedToUserSet: event.assigned_to_user_set,
      assignedToUserWasCleared: event.assigned_to_user_was_cleared ?? false,
      assignedGroupSet: event.assigned_group_set,
      assignedGroupWasCleared: event.assigned_group_was_cleared ?? false,
      doneBy: event.done_by,
    }),
  ),
);

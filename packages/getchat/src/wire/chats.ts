import * as v from 'valibot';
import { EmbeddedGroupWire, EmbeddedUserWire, type GetchatGroup, type GetchatUser } from './users';
import { LenientBoolean, LenientInt, LenientString, LenientTimestamp, maybe } from './lenient';

// Chat assignments and their events, which webhooks carry too (so the main
// entry bundles this file). The chat object itself is in chat-object.ts.

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

/** An id, or (liberal) an object carrying it; `null` means none. */
const AssigneeIdWire = v.pipe(
  v.nullish(
    v.union([
      LenientInt,
      v.pipe(
        v.object({ id: LenientInt }),
        v.transform((object) => object.id),
      ),
    ]),
  ),
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

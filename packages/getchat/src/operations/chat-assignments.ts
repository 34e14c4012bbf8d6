import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { ChatAssignmentEventWire, ChatAssignmentWire, type GetchatChatAssignment, type GetchatChatAssignmentEvent } from '../wire/chats';
import { callOperation } from '../client/call';
import { eventFilterEntries, eventQuery, type GetchatEventFilters } from './shared/events';
import { IntIdInput, parseArgs, requestSignal, splitListOptions, WaIdInput, type RequestOptions } from '../map/input';
import { listOperation } from '../client/list';

/** Who to assign a chat to. `null` removes that part of the assignment. */
export interface GetchatChatAssignmentInput {
  /** The user's id, or `null` for nobody. */
  assignedToUserId: number | null;
  /**
   * The group's id, or `null` for none. (The document's bot chapter shows
   * `0` for "hide from the group"; both are sent as given.)
   */
  assignedGroupId: number | null;
}

const Assignee = v.nullable(IntIdInput);
const AssignmentInput = v.strictObject({ assignedToUserId: Assignee, assignedGroupId: Assignee });
const PartialAssignmentInput = v.partial(AssignmentInput);
const EventFiltersInput = v.optional(v.strictObject(eventFilterEntries), {});

/** Chat assignment: which user and group handle a chat, and its history. */
export interface GetchatChatAssignmentsOperations {
  /** `retrieveChatAssignment` (`GET /chat_assignment/{wa_id}/`). */
  retrieve(waId: string, options?: RequestOptions): Promise<GetchatChatAssignment>;
  /**
   * `updateChatAssignment` (`PUT /chat_assignment/{wa_id}/`): sets both the
   * user and the group (`null` clears one).
   */
  update(waId: string, assignment: GetchatChatAssignmentInput, options?: RequestOptions): Promise<GetchatChatAssignment>;
  /**
   * `partialUpdateChatAssignment` (`PATCH /chat_assignment/{wa_id}/`):
   * changes only what is given, e.g. `{ assignedToUserId: botUserId }` to hand
   * a chat to a bot.
   */
  partialUpdate(waId: string, assignment: Partial<GetchatChatAssignmentInput>, options?: RequestOptions): Promise<GetchatChatAssignment>;
  /** `listChatAssignmentEvents` (`GET /chat_assignment_events/`): who assigned which chat to whom, and when. */
  listEvents(filters?: GetchatEventFilters): AsyncGenerator<GetchatChatAssignmentEvent, void, undefined>;
}

/** The wire body: `wa_id` is required in the body too, and only given fields are sent. */
function assignmentBody(waId: string, assignment: { assignedToUserId?: number | null | undefined; assignedGroupId?: number | null | undefined }) {
  return {
    wa_id: waId,
    ...(assignment.assignedToUserId !== undefined ? { assigned_to_user: assignment.assignedToUserId } : {}),
    ...(assignment.assignedGroupId !== undefined ? { assigned_group: assignment.assignedGroupId } : {}),
  };
}

/** Creates the `chatAssignments` namespace. */
export function createChatAssignmentsOperations(ctx: GetchatContext): GetchatChatAssignmentsOperations {
  return {
    async retrieve(waId, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const signal = requestSignal(options);
      return callOperation(ctx, 'retrieveChatAssignment', { params: { wa_id: id }, schema: ChatAssignmentWire, signal });
    },

    async update(waId, assignment, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const input = parseArgs(AssignmentInput, assignment, 'assignment');
      const signal = requestSignal(options);
      return callOperation(ctx, 'updateChatAssignment', { params: { wa_id: id }, json: assignmentBody(id, input), schema: ChatAssignmentWire, signal });
    },

    async partialUpdate(waId, assignment, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const input = parseArgs(PartialAssignmentInput, assignment, 'assignment');
      const signal = requestSignal(options);
      return callOperation(ctx, 'partialUpdateChatAssignment', {
        params: { wa_id: id },
        json: assignmentBody(id, input),
        schema: ChatAssignmentWire,
        signal,
      });
    },

    listEvents(filters) {
      const { paging, filters: query } = splitListOptions(parseArgs(EventFiltersInput, filters, 'filters'));
      return listOperation(ctx, 'listChatAssignmentEvents', { query: eventQuery(query), item: ChatAssignmentEventWire, options: paging });
    },
  };
}

import type { GetchatContext } from '../context';
import { GroupWire, type GetchatGroup } from './schemas/users';
import { callOperation } from './shared/call';
import { IntIdInput, parseArgs, requestSignal, type RequestOptions } from './shared/input';
import { PlainListOptionsInput } from './shared/plain-list';
import { listOperation, type ListOptions } from './shared/list';

/** Groups of inbox users (chats can be assigned to a group). */
export interface GetchatGroupsOperations {
  /** `listGroups` (`GET /groups/`). */
  list(options?: ListOptions): AsyncGenerator<GetchatGroup, void, undefined>;
  /** `retrieveGroup` (`GET /groups/{id}/`, path inferred). */
  retrieve(id: number, options?: RequestOptions): Promise<GetchatGroup>;
}

/** Creates the `groups` namespace. */
export function createGroupsOperations(ctx: GetchatContext): GetchatGroupsOperations {
  return {
    list(options) {
      return listOperation(ctx, 'listGroups', { item: GroupWire, options: parseArgs(PlainListOptionsInput, options, 'options') });
    },

    async retrieve(id, options) {
      const groupId = parseArgs(IntIdInput, id, 'id');
      return callOperation(ctx, 'retrieveGroup', { params: { id: groupId }, schema: GroupWire, signal: requestSignal(options) });
    },
  };
}

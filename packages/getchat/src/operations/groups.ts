import type { GetchatContext } from '../client';
import { GroupWire, type GetchatGroup } from '../wire/users';
import { callOperation } from '../client/call';
import { IntIdInput, parseArgs, requestSignal, type RequestOptions } from '../map/input';
import { PlainListOptionsInput } from './shared/plain-list';
import { listOperation, type ListOptions } from '../client/list';

/** Groups of inbox users (chats can be assigned to a group). */
export interface GetchatGroupsOperations {
  /** `listGroups` (`GET /groups/`). */
  list(options?: ListOptions): AsyncGenerator<GetchatGroup, void, undefined>;
  /**
   * `retrieveGroup` (`GET /groups/{id}/`, path inferred).
   * @experimental The path of `retrieveGroup` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
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

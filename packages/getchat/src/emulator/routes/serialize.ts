import type { EmulatedUser, OperationsEmulatorState } from './state';

// Stored objects → the JSON get.chat answers with.

/** A user as `/users/` returns it. */
export function userJson(state: OperationsEmulatorState, user: EmulatedUser, base: string): Record<string, unknown> {
  return {
    url: `${base}/users/${user.id}/`,
    id: user.id,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    profile: user.profile,
    groups: user.group_ids.flatMap((id) => {
      const group = state.groups.get(id);
      return group ? [group] : [];
    }),
    permissions: user.permissions,
  };
}

/** A user embedded in another object, or `null`. */
export function userRef(state: OperationsEmulatorState, id: number | null | undefined, base: string): Record<string, unknown> | null {
  const user = id === null || id === undefined ? undefined : state.users.get(id);
  return user ? userJson(state, user, base) : null;
}

/** A chat as `/chats/` returns it. */
export function chatJson(state: OperationsEmulatorState, waId: string, base: string): Record<string, unknown> | undefined {
  const chat = state.chats.get(waId);
  const person = state.persons.get(waId);
  if (!chat || !person) return undefined;
  const tagIds = [...state.chatTaggings.values()].filter((tagging) => tagging.chat === waId).map((tagging) => tagging.tag);
  return {
    contact: person,
    new_messages: chat.unread.length,
    wa_id: waId,
    last_message: chat.last_message ?? null,
    assigned_to_user: userRef(state, chat.assigned_to_user, base),
    assigned_group: chat.assigned_group === null ? null : (state.groups.get(chat.assigned_group) ?? null),
    tags: tagIds.flatMap((id) => {
      const tag = state.tags.get(id);
      return tag ? [tag] : [];
    }),
  };
}

/** Events newest first, filtered by `wa_id`/`chat`, `since_time` (inclusive) and `before_time` (exclusive). */
export function filterEvents(
  events: readonly Record<string, unknown>[],
  filters: {
    chatKey: string;
    waId: string | null;
    sinceTime: number | undefined;
    beforeTime: number | undefined;
    match?: (event: Record<string, unknown>) => boolean;
  },
): Record<string, unknown>[] {
  return events
    .filter((event) => filters.waId === null || event[filters.chatKey] === filters.waId)
    .filter((event) => filters.sinceTime === undefined || Number(event.timestamp) >= filters.sinceTime)
    .filter((event) => filters.beforeTime === undefined || Number(event.timestamp) < filters.beforeTime)
    .filter((event) => filters.match?.(event) ?? true)
    .sort((a, b) => Number(b.timestamp) - Number(a.timestamp));
}

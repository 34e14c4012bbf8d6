import type { EmulatorRequest, EmulatorRoute } from '@wamux/emulator';
import { apiBase, bodyOf, fieldErrors, intParam, noContent, notFound, ok, operationRoute, page } from './http';
import { filterEvents, userRef } from './serialize';
import type { OperationsEmulatorState } from './state';

/** `/tags/`, `/chat_tagging/`, `/message_tagging/` and their event lists. */
export function tagRoutes(state: OperationsEmulatorState): EmulatorRoute[] {
  const extraOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null);

  /** Records a tagging event as the webhook's `chat_tagging` / `message_tagging` carries it. */
  const recordEvent = (
    request: EmulatorRequest,
    kind: 'chat' | 'message',
    action: 'added' | 'removed',
    tagId: number,
    target: string,
    extra: Record<string, unknown> | null,
  ) => {
    const event = {
      timestamp: state.now(),
      action,
      tag: state.tags.get(tagId) ?? { id: tagId, name: '', web_inbox_color: null },
      [kind]: target,
      extra: extra ?? {},
      done_by: userRef(state, state.currentUserId, apiBase(request)),
    };
    (kind === 'chat' ? state.chatTaggingEvents : state.messageTaggingEvents).push(event);
  };

  const tagChat = (request: EmulatorRequest, tagId: number, waId: string, extra: Record<string, unknown> | null) => {
    const duplicate = [...state.chatTaggings.values()].some((tagging) => tagging.tag === tagId && tagging.chat === waId);
    if (duplicate) return undefined;
    const tagging = { id: state.nextId('chatTagging'), tag: tagId, chat: waId, extra };
    state.chatTaggings.set(tagging.id, tagging);
    recordEvent(request, 'chat', 'added', tagId, waId, extra);
    return tagging;
  };

  const eventFilters = (request: EmulatorRequest) => ({
    waId: request.query.get('wa_id'),
    sinceTime: intParam(request, 'since_time'),
    beforeTime: intParam(request, 'before_time'),
  });

  return [
    operationRoute('listTags', (request) => page(request, [...state.tags.values()])),
    operationRoute('createTag', (request) => {
      const body = bodyOf(request);
      if (typeof body.name !== 'string' || body.name === '') return fieldErrors({ name: 'This field is required.' });
      const tag = { id: state.nextId('tag'), name: body.name, web_inbox_color: typeof body.web_inbox_color === 'string' ? body.web_inbox_color : null };
      state.tags.set(tag.id, tag);
      return ok(tag, 201);
    }),
    operationRoute('destroyTag', (request) => {
      const id = Number(request.params.id);
      if (!state.tags.delete(id)) return notFound();
      for (const [taggingId, tagging] of state.chatTaggings) if (tagging.tag === id) state.chatTaggings.delete(taggingId);
      for (const [taggingId, tagging] of state.messageTaggings) if (tagging.tag === id) state.messageTaggings.delete(taggingId);
      return noContent();
    }),

    operationRoute('createChatTagging', (request) => {
      const body = bodyOf(request);
      const tagId = Number(body.tag);
      const waId = String(body.chat ?? '');
      if (!state.tags.has(tagId)) return fieldErrors({ tag: `Invalid pk "${String(body.tag)}" - object does not exist.` });
      if (!state.chats.has(waId)) return fieldErrors({ chat: `Invalid pk "${waId}" - object does not exist.` });
      const tagging = tagChat(request, tagId, waId, extraOf(body.extra));
      return tagging ? ok(tagging, 201) : fieldErrors({ non_field_errors: 'The fields tag, chat must make a unique set.' });
    }),
    operationRoute('retrieveChatTagging', (request) => {
      const tagging = state.chatTaggings.get(Number(request.params.id));
      return tagging ? ok(tagging) : notFound();
    }),
    operationRoute('destroyChatTagging', (request) => {
      const tagging = state.chatTaggings.get(Number(request.params.id));
      if (!tagging) return notFound();
      state.chatTaggings.delete(tagging.id);
      recordEvent(request, 'chat', 'removed', tagging.tag, tagging.chat, tagging.extra);
      return noContent();
    }),
    operationRoute('listChatTaggingEvents', (request) => page(request, filterEvents(state.chatTaggingEvents, { chatKey: 'chat', ...eventFilters(request) }))),

    operationRoute('createMessageTagging', (request) => {
      const body = bodyOf(request);
      const tagId = Number(body.tag);
      const messageId = String(body.message ?? '');
      if (!state.tags.has(tagId)) return fieldErrors({ tag: `Invalid pk "${String(body.tag)}" - object does not exist.` });
      if (messageId === '') return fieldErrors({ message: 'This field is required.' });
      if ([...state.messageTaggings.values()].some((tagging) => tagging.tag === tagId && tagging.message === messageId)) {
        return fieldErrors({ non_field_errors: 'The fields tag, message must make a unique set.' });
      }
      const extra = extraOf(body.extra);
      const tagging = { id: state.nextId('messageTagging'), tag: tagId, message: messageId, extra };
      state.messageTaggings.set(tagging.id, tagging);
      recordEvent(request, 'message', 'added', tagId, messageId, extra);
      // "By tagging a Message, corresponding Chat is tagged automatically with the same tag."
      const waId = state.messageChats.get(messageId);
      if (waId !== undefined && state.chats.has(waId)) tagChat(request, tagId, waId, extra);
      return ok(tagging, 201);
    }),
    operationRoute('retrieveMessageTagging', (request) => {
      const tagging = state.messageTaggings.get(Number(request.params.id));
      return tagging ? ok(tagging) : notFound();
    }),
    operationRoute('destroyMessageTagging', (request) => {
      const tagging = state.messageTaggings.get(Number(request.params.id));
      if (!tagging) return notFound();
      state.messageTaggings.delete(tagging.id);
      recordEvent(request, 'message', 'removed', tagging.tag, tagging.message, tagging.extra);
      return noContent();
    }),
    operationRoute('listMessageTaggingEvents', (request) => {
      const messageId = request.query.get('message_id');
      const filters = eventFilters(request);
      return page(
        request,
        filterEvents(state.messageTaggingEvents, {
          chatKey: 'message',
          waId: null,
          sinceTime: filters.sinceTime,
          beforeTime: filters.beforeTime,
          match: (event) =>
            (messageId === null || event.message === messageId) && (filters.waId === null || state.messageChats.get(String(event.message)) === filters.waId),
        }),
      );
    }),
  ];
}

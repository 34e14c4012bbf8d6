import type { EmulatorRequest, EmulatorRoute } from '@wamux/emulator';
import { apiBase, bodyOf, boolParam, fieldErrors, intParam, notFound, ok, operationRoute, page } from './http';
import { chatJson, filterEvents, userRef } from './serialize';
import type { EmulatedChat, OperationsEmulatorState } from './state';

/** `/chats/`, `/chat_import/` and `/chat_assignment/`: chats, import, resolve, assignment and its events. */
export function chatRoutes(state: OperationsEmulatorState): EmulatorRoute[] {
  return [
    operationRoute('listChats', (request) => {
      const base = apiBase(request);
      const chats = [...state.chats.values()]
        .filter((chat) => chatMatches(state, chat, request))
        .sort((a, b) => b.last_message_timestamp - a.last_message_timestamp)
        .flatMap((chat) => chatJson(state, chat.wa_id, base) ?? []);
      return page(request, chats);
    }),
    operationRoute('retrieveChat', (request) => {
      const chat = chatJson(state, request.params.wa_id ?? '', apiBase(request));
      return chat ? ok(chat) : notFound();
    }),
    operationRoute('resolveChat', (request) => {
      const chat = state.chats.get(request.params.wa_id ?? '');
      if (!chat) return notFound();
      chat.resolved = true;
      return ok({});
    }),
    operationRoute('createChatImport', (request) => {
      const body = bodyOf(request);
      const missing = ['chat_text', 'utc_offset_minutes', 'device_language_code', 'media_files'].find((field) => body[field] === undefined);
      if (missing) return fieldErrors({ [missing]: 'This field is required.' });
      // The partner's number comes from the participants, or the first "Name: " of the log.
      const participant = Array.isArray(body.chat_participants) ? (body.chat_participants[0] as Record<string, unknown> | undefined) : undefined;
      const waId = String(participant?.phone_number ?? participant?.wa_id ?? '').replace(/\D/g, '');
      if (waId === '') return fieldErrors({ chat_participants: 'Cannot tell the chat partner: supply chat_participants.' });
      const lines = String(body.chat_text)
        .split(/\n|(?=\d{2}\/\d{2}\/\d{4}, )/)
        .filter((line) => line.trim() !== '');
      const now = state.now();
      lines.forEach((line, index) => {
        state.recordMessage({
          waId,
          timestamp: now - lines.length + index,
          fromUs: false,
          message: {
            waba_payload: { from: waId, type: 'text', text: { body: line.replace(/^.*? - [^:]+: /, '') } },
            customer_wa_id: waId,
            from_us: false,
            imported: true,
          },
        });
      });
      if (lines.length === 0) state.recordMessage({ waId, timestamp: now, fromUs: false });
      return ok(chatJson(state, waId, apiBase(request)), 201);
    }),

    operationRoute('retrieveChatAssignment', (request) => {
      const chat = state.chats.get(request.params.wa_id ?? '');
      return chat ? ok(assignmentJson(chat)) : notFound();
    }),
    operationRoute('updateChatAssignment', (request) => assign(request, false)),
    operationRoute('partialUpdateChatAssignment', (request) => assign(request, true)),
    operationRoute('listChatAssignmentEvents', (request) =>
      page(
        request,
        filterEvents(state.chatAssignmentEvents, {
          chatKey: 'wa_id',
          waId: request.query.get('wa_id'),
          sinceTime: intParam(request, 'since_time'),
          beforeTime: intParam(request, 'before_time'),
        }),
      ),
    ),
  ];

  /** PUT and PATCH of an assignment; records an assignment event for what changed. */
  function assign(request: EmulatorRequest, partial: boolean) {
    const waId = request.params.wa_id ?? '';
    const chat = state.chats.get(waId);
    if (!chat) return notFound();
    const body = bodyOf(request);
    if (body.wa_id === undefined) return fieldErrors({ wa_id: 'This field is required.' });
    const read = (field: 'assigned_to_user' | 'assigned_group'): number | null | undefined => {
      if (!(field in body)) return partial ? undefined : null;
      const value = body[field];
      return value === null || value === '' ? null : Number(value);
    };
    const user = read('assigned_to_user');
    const group = read('assigned_group');
    if (user !== undefined && user !== null && !state.users.has(user))
      return fieldErrors({ assigned_to_user: `Invalid pk "${user}" - object does not exist.` });
    // The document's bot chapter uses group 0 for "no group".
    const groupId = group === 0 ? null : group;
    if (groupId !== undefined && groupId !== null && !state.groups.has(groupId))
      return fieldErrors({ assigned_group: `Invalid pk "${group}" - object does not exist.` });
    const base = apiBase(request);
    const event: Record<string, unknown> = {
      wa_id: waId,
      timestamp: state.now(),
      done_by: userRef(state, state.currentUserId, base),
      assigned_to_user_set: null,
      assigned_to_user_was_cleared: false,
      assigned_group_set: null,
      assigned_group_was_cleared: false,
    };
    if (user !== undefined && user !== chat.assigned_to_user) {
      if (user === null) event.assigned_to_user_was_cleared = true;
      else event.assigned_to_user_set = userRef(state, user, base);
      chat.assigned_to_user = user;
    }
    if (groupId !== undefined && groupId !== chat.assigned_group) {
      if (groupId === null) event.assigned_group_was_cleared = true;
      else event.assigned_group_set = state.groups.get(groupId) ?? null;
      chat.assigned_group = groupId;
    }
    state.chatAssignmentEvents.push(event);
    return ok(assignmentJson(chat));
  }
}

function assignmentJson(chat: EmulatedChat) {
  return { wa_id: chat.wa_id, assigned_to_user: chat.assigned_to_user, assigned_group: chat.assigned_group };
}

/** Every `listChats` filter of the document. */
function chatMatches(state: OperationsEmulatorState, chat: EmulatedChat, request: EmulatorRequest): boolean {
  const person = state.persons.get(chat.wa_id);
  const tagIds = [...state.chatTaggings.values()].filter((tagging) => tagging.chat === chat.wa_id).map((tagging) => tagging.tag);
  const search = request.query.get('search')?.toLowerCase();
  const referral = chat.last_referral;
  const referralField = (name: string) => (referral === undefined ? undefined : String(referral[name] ?? ''));
  const checks: [string, () => boolean][] = [
    ['chat_tag_id', () => tagIds.includes(intParam(request, 'chat_tag_id') ?? -1)],
    [
      'search',
      () =>
        chat.wa_id.includes(search ?? '') ||
        (person?.waba_payload.profile.name.toLowerCase().includes(search ?? '') ?? false) ||
        tagIds.some((id) =>
          state.tags
            .get(id)
            ?.name.toLowerCase()
            .includes(search ?? ''),
        ),
    ],
    ['assigned_to_me', () => !boolParam(request, 'assigned_to_me') || chat.assigned_to_user === state.currentUserId],
    ['assigned_group', () => chat.assigned_group === intParam(request, 'assigned_group')],
    ['messages_since_time', () => chat.last_message_timestamp >= (intParam(request, 'messages_since_time') ?? 0)],
    ['messages_before_time', () => chat.last_message_timestamp < (intParam(request, 'messages_before_time') ?? Infinity)],
    ['blocked', () => chat.blocked === boolParam(request, 'blocked')],
    ['reported', () => chat.reported === boolParam(request, 'reported')],
    ['message_has_referral', () => (referral !== undefined) === boolParam(request, 'message_has_referral')],
    ['message_referral_source_url', () => referralField('source_url')?.includes(request.query.get('message_referral_source_url') ?? '') ?? false],
    ['message_referral_source_id', () => referralField('source_id') === request.query.get('message_referral_source_id')],
    ['message_referral_source_type', () => referralField('source_type') === request.query.get('message_referral_source_type')],
    ['message_referral_headline', () => referralField('headline') === request.query.get('message_referral_headline')],
    ['message_referral_body', () => referralField('body') === request.query.get('message_referral_body')],
    ['message_referral_media_type', () => referralField('media_type') === request.query.get('message_referral_media_type')],
  ];
  return checks.every(([param, check]) => !request.query.has(param) || check());
}

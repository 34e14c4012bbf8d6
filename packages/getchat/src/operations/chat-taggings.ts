import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { ChatTaggingWire, type GetchatChatTagging } from '../wire/taggings';
import { ChatTaggingEventWire, type GetchatChatTaggingEvent } from '../wire/tags';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { eventFilterEntries, eventQuery, type GetchatEventFilters } from './shared/events';
import { IntIdInput, parseArgs, requestSignal, splitListOptions, StringIdInput, WaIdInput, type RequestOptions } from '../map/input';
import { listOperation } from '../client/list';

/** Fields of `chatTaggings.create`. */
export interface GetchatNewChatTaggingInput {
  tagId: number;
  /** WhatsApp id of the chat (a leading `+` is accepted). */
  waId: string;
  /** Data to pass between systems, bots and apps; not meant for front-ends. */
  extra?: Record<string, unknown> | null | undefined;
}

const NewChatTaggingInput = v.strictObject({
  tagId: IntIdInput,
  waId: WaIdInput,
  extra: v.optional(v.nullable(v.record(v.string(), v.unknown(), 'must be an object'))),
});
const EventFiltersInput = v.optional(v.strictObject(eventFilterEntries), {});

/** Chat taggings: which chats carry which tags, and the history of changes. */
export interface GetchatChatTaggingsOperations {
  /**
   * `createChatTagging` (`POST /chat_tagging/`): tags a chat. The same chat
   * and tag pair cannot be created twice (destroy it first).
   */
  create(tagging: GetchatNewChatTaggingInput, options?: RequestOptions): Promise<GetchatChatTagging>;
  /**
   * `retrieveChatTagging` (`GET /chat_tagging/{id}/`, path inferred).
   * @experimental The path of `retrieveChatTagging` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  retrieve(id: number | string, options?: RequestOptions): Promise<GetchatChatTagging>;
  /** `destroyChatTagging` (`DELETE /chat_tagging/{id}/`): removes the tag from the chat. */
  destroy(id: number | string, options?: RequestOptions): Promise<void>;
  /**
   * `listChatTaggingEvents` (`GET /chat_tagging_events/`): who tagged or
   * untagged which chat and when, optionally for one chat and a time window.
   */
  listEvents(filters?: GetchatEventFilters): AsyncGenerator<GetchatChatTaggingEvent, void, undefined>;
}

/** Creates the `chatTaggings` namespace. */
export function createChatTaggingsOperations(ctx: GetchatContext): GetchatChatTaggingsOperations {
  return {
    async create(tagging, options) {
      const input = parseArgs(NewChatTaggingInput, tagging, 'tagging');
      const signal = requestSignal(options);
      return callOperation(ctx, 'createChatTagging', { json: { tag: input.tagId, chat: input.waId, extra: input.extra }, schema: ChatTaggingWire, signal });
    },

    async retrieve(id, options) {
      const taggingId = parseArgs(StringIdInput, id, 'id');
      const signal = requestSignal(options);
      return callOperation(ctx, 'retrieveChatTagging', { params: { id: taggingId }, schema: ChatTaggingWire, signal });
    },

    async destroy(id, options) {
      const taggingId = parseArgs(StringIdInput, id, 'id');
      const signal = requestSignal(options);
      await callOperationIgnoringBody(ctx, 'destroyChatTagging', { params: { id: taggingId }, signal });
    },

    listEvents(filters) {
      const { paging, filters: query } = splitListOptions(parseArgs(EventFiltersInput, filters, 'filters'));
      return listOperation(ctx, 'listChatTaggingEvents', { query: eventQuery(query), item: ChatTaggingEventWire, options: paging });
    },
  };
}

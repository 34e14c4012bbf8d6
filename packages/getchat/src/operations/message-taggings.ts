import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { MessageTaggingWire, type GetchatMessageTagging } from '../wire/taggings';
import { MessageTaggingEventWire, type GetchatMessageTaggingEvent } from '../wire/tags';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { eventFilterEntries, eventQuery, type GetchatEventFilters } from './shared/events';
import { IntIdInput, parseArgs, requestSignal, splitListOptions, StringIdInput, type RequestOptions } from '../map/input';
import { listOperation } from '../client/list';

/** Fields of `messageTaggings.create`. */
export interface GetchatNewMessageTaggingInput {
  tagId: number;
  /** The WhatsApp message id (`waba_payload.id`). */
  messageId: string;
  /** Data to pass between systems, bots and apps; not meant for front-ends. */
  extra?: Record<string, unknown> | null | undefined;
}

/** Filters of `messageTaggings.listEvents`. */
export interface GetchatMessageTaggingEventFilters extends GetchatEventFilters {
  /** Only events of this message. */
  messageId?: string | undefined;
}

const MessageId = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));
const NewMessageTaggingInput = v.strictObject({
  tagId: IntIdInput,
  messageId: MessageId,
  extra: v.optional(v.nullable(v.record(v.string(), v.unknown(), 'must be an object'))),
});
const EventFiltersInput = v.optional(v.strictObject({ ...eventFilterEntries, messageId: v.optional(MessageId) }), {});

/** Message taggings: which messages carry which tags, and the history of changes. */
export interface GetchatMessageTaggingsOperations {
  /**
   * `createMessageTagging` (`POST /message_tagging/`, path inferred): tags a
   * message; get.chat tags its chat with the same tag at once.
   * @experimental The path of `createMessageTagging` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  create(tagging: GetchatNewMessageTaggingInput, options?: RequestOptions): Promise<GetchatMessageTagging>;
  /**
   * `retrieveMessageTagging` (`GET /message_tagging/{id}/`, path inferred).
   * @experimental The path of `retrieveMessageTagging` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  retrieve(id: number | string, options?: RequestOptions): Promise<GetchatMessageTagging>;
  /**
   * `destroyMessageTagging` (`DELETE /message_tagging/{id}/`, path inferred).
   * @experimental The path of `destroyMessageTagging` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  destroy(id: number | string, options?: RequestOptions): Promise<void>;
  /**
   * `listMessageTaggingEvents` (`GET /message_tagging_events/`, path
   * inferred): who tagged or untagged which message and when.
   * @experimental The path of `listMessageTaggingEvents` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  listEvents(filters?: GetchatMessageTaggingEventFilters): AsyncGenerator<GetchatMessageTaggingEvent, void, undefined>;
}

/** Creates the `messageTaggings` namespace. */
export function createMessageTaggingsOperations(ctx: GetchatContext): GetchatMessageTaggingsOperations {
  return {
    async create(tagging, options) {
      const input = parseArgs(NewMessageTaggingInput, tagging, 'tagging');
      const signal = requestSignal(options);
      return callOperation(ctx, 'createMessageTagging', {
        json: { tag: input.tagId, message: input.messageId, extra: input.extra },
        schema: MessageTaggingWire,
        signal,
      });
    },

    async retrieve(id, options) {
      const taggingId = parseArgs(StringIdInput, id, 'id');
      const signal = requestSignal(options);
      return callOperation(ctx, 'retrieveMessageTagging', { params: { id: taggingId }, schema: MessageTaggingWire, signal });
    },

    async destroy(id, options) {
      const taggingId = parseArgs(StringIdInput, id, 'id');
      const signal = requestSignal(options);
      await callOperationIgnoringBody(ctx, 'destroyMessageTagging', { params: { id: taggingId }, signal });
    },

    listEvents(filters) {
      const { paging, filters: query } = splitListOptions(parseArgs(EventFiltersInput, filters, 'filters'));
      return listOperation(ctx, 'listMessageTaggingEvents', {
        query: { ...eventQuery(query), message_id: query.messageId },
        item: MessageTaggingEventWire,
        options: paging,
      });
    },
  };
}

import type { GetchatContext } from '../client';
import { historyOf, markAsReceived, postCreateMessage, retrieveMessage, type GetchatMarkAsReceivedInput, type HistoryWalkOptions } from '../client/messages';
import { MessageWire, type GetchatCreatedMessage, type GetchatMessage } from '../map/message';
import { CreateMessageInput, ListMessagesInput, MessageHistoryInput, messageFilterQuery, type GetchatMessageType } from './message-inputs';
import { parseArgs, RequestOptionsInput, splitListOptions, type RequestOptions } from '../map/input';
import { listOperation, type ListOptions } from '../client/list';

/** The input of `messages.create`: one message in WhatsApp's own format. */
export interface GetchatCreateMessageInput {
  /** The recipient: digits (`905551112233`) or E.164 (`+905551112233`). */
  waId: string;
  type: GetchatMessageType;
  /**
   * WhatsApp's object for the type, sent under the type's key: `{ body }`
   * for text, `{ link }` or `{ id }` for media, a card array for contacts,
   * `{ name, language, components }` for a template...
   */
  content: Record<string, unknown> | Array<Record<string, unknown>>;
  /** WhatsApp id of the message to quote (`context.message_id`). */
  replyTo?: string | undefined;
  /** Render a preview of the first URL of a text. */
  previewUrl?: boolean | undefined;
}

/** Filters shared by `messages.list` and `messages.history`. */
export interface GetchatMessageFilters {
  /** Only the chat with this customer (digits or E.164). */
  waId?: string | undefined;
  /** Only chats tagged with this tag id. */
  chatTagId?: number | undefined;
  /** Text in the body, a media caption or filename, or a tag name. */
  search?: string | undefined;
  /** Only chats assigned to the calling user. */
  assignedToMe?: boolean | undefined;
  /** Only chats assigned to this group id. */
  assignedGroup?: number | undefined;
  /** Only messages from the business (`true`) or from customers (`false`). */
  fromUs?: boolean | undefined;
  /** Mark every returned message as received by the calling user. */
  markAsReceived?: boolean | undefined;
}

/** Options of `messages.list`: the filters, paging, and raw time bounds. */
export interface GetchatListMessagesOptions extends GetchatMessageFilters, ListOptions {
  /** `since_time`: at or after this time (a Date or POSIX seconds). */
  sinceTime?: Date | number | undefined;
  /** `before_time`: strictly before this time (a Date or POSIX seconds). */
  beforeTime?: Date | number | undefined;
}

/** Options of `messages.history`: the filters, and the walk's bounds and direction. */
export interface GetchatMessageHistoryOptions extends GetchatMessageFilters, Omit<HistoryWalkOptions, 'waId'> {}

/** The Messages section of the document. */
export interface GetchatMessagesOperations {
  /**
   * `createMessage` (`POST /messages/`): queues one message in WhatsApp's
   * format. Returns get.chat's id at once, before WhatsApp has one; statuses
   * carry it as `getchat_id`. For the wamux model use `provider.send()`.
   */
  create(input: GetchatCreateMessageInput, options?: RequestOptions): Promise<GetchatCreatedMessage>;
  /**
   * `listMessages` (`GET /messages/`) with every documented filter, paged
   * with `limit`/`offset`, newest first. Offsets shift when messages arrive
   * during the walk: to read history, use {@link GetchatMessagesOperations.history}.
   */
  list(options?: GetchatListMessagesOptions): AsyncGenerator<GetchatMessage, void, undefined>;
  /**
   * Reads history through `listMessages` with `before_time` (newest to
   * oldest) or `since_time` (oldest to newest) cursors, so messages arriving
   * during the walk are neither repeated nor missed.
   */
  history(options?: GetchatMessageHistoryOptions): AsyncGenerator<GetchatMessage, void, undefined>;
  /**
   * `retrieveMessage` (`GET /messages/{id}/`, an inferred path).
   * @experimental The path of `retrieveMessage` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  retrieve(id: string, options?: RequestOptions): Promise<GetchatMessage>;
  /**
   * `createReceivedMessageMark` (`POST /mark_as_received/`): marks the
   * customer's chat as received up to `timestamp`, for the calling user.
   */
  markAsReceived(input: GetchatMarkAsReceivedInput, options?: RequestOptions): Promise<void>;
}

/** Creates the `messages` namespace. */
export function createMessagesOperations(ctx: GetchatContext): GetchatMessagesOperations {
  return {
    async create(input, options) {
      const message = parseArgs(CreateMessageInput, input, 'input');
      const { signal } = parseArgs(RequestOptionsInput, options, 'options') ?? {};
      const body = {
        wa_id: message.waId,
        type: message.type,
        [message.type]: message.content,
        ...(message.previewUrl !== undefined ? { preview_url: message.previewUrl } : {}),
        ...(message.replyTo !== undefined ? { context: { message_id: message.replyTo } } : {}),
      };
      return (await postCreateMessage(ctx, body, signal)).created;
    },

    list(options) {
      const { paging, filters } = splitListOptions(parseArgs(ListMessagesInput, options, 'options'));
      return listOperation(ctx, 'listMessages', {
        query: { ...messageFilterQuery(filters), since_time: filters.sinceTime, before_time: filters.beforeTime },
        item: MessageWire,
        options: paging,
      });
    },

    history(options) {
      const walk = parseArgs(MessageHistoryInput, options, 'options');
      return historyOf(ctx, walk, messageFilterQuery(walk));
    },

    retrieve: (id, options) => retrieveMessage(ctx, id, options),
    markAsReceived: (input, options) => markAsReceived(ctx, input, options),
  };
}

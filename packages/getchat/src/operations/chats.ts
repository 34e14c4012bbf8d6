import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { ChatWire, type GetchatChat } from '../wire/chat-object';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { IntIdInput, listOptionEntries, parseArgs, PosixTimeInput, requestSignal, splitListOptions, WaIdInput, type RequestOptions } from '../map/input';
import { listOperation, type ListOptions } from '../client/list';

/** Filters of `chats.list`: every filter the document lists. */
export interface GetchatChatFilters extends ListOptions {
  /** Only chats tagged with this tag. */
  chatTagId?: number | undefined;
  /** Matches the contact's profile name and wa_id, and the chat's tag names. */
  search?: string | undefined;
  /** Only chats assigned to the authenticated user. */
  assignedToMe?: boolean | undefined;
  /** Only chats assigned to this group (one the user belongs to). */
  assignedGroup?: number | undefined;
  /** Only chats with messages at this time or later. A `Date` or POSIX seconds. */
  messagesSinceTime?: Date | number | undefined;
  /** Only chats with messages before this time. A `Date` or POSIX seconds. */
  messagesBeforeTime?: Date | number | undefined;
  /** Only chats blocked for spam or abuse. */
  blocked?: boolean | undefined;
  /** Only chats reported for spam or abuse. */
  reported?: boolean | undefined;
  /** Only chats with a message that came from an ad or post (has a `referral`). */
  messageHasReferral?: boolean | undefined;
  /** The last referral's `source_url` contains this text. */
  messageReferralSourceUrl?: string | undefined;
  /** The last referral's `source_id` equals this. */
  messageReferralSourceId?: string | undefined;
  /** The last referral's `source_type`. */
  messageReferralSourceType?: 'ad' | 'post' | undefined;
  /** The last referral's `headline` equals this. */
  messageReferralHeadline?: string | undefined;
  /** The last referral's `body` equals this. */
  messageReferralBody?: string | undefined;
  /** The last referral's `media_type`. */
  messageReferralMediaType?: 'image' | 'video' | undefined;
}

/**
 * Fields of `chats.import`: an "Export chat" file of the WhatsApp Business
 * app and its media. Values such as contacts and the UTC offset must come
 * from the device the chat was exported on.
 */
export interface GetchatChatImportInput {
  /** The exported text log, as WhatsApp produced it. */
  chatText: string;
  /**
   * The chat partner's entry (at most two: supply both when you cannot tell
   * incoming from outgoing). Required when the partner is in the device's
   * contacts. The document does not spell the fields of an entry, so each is
   * sent as given (snake_case, e.g. `{ phone_number: '+48123123123' }`).
   */
  chatParticipants?: Record<string, unknown>[] | undefined;
  /** Minutes the device's time zone is ahead of UTC (negative in the Americas). */
  utcOffsetMinutes: number;
  /** Locale of the device's system language, e.g. `en-US`. */
  deviceLanguageCode: string;
  /** The exported media files; entries are sent as given (their fields are not documented). */
  mediaFiles: Record<string, unknown>[];
}

const Text = v.string('must be a string');
const ChatFiltersInput = v.optional(
  v.strictObject({
    ...listOptionEntries,
    chatTagId: v.optional(IntIdInput),
    search: v.optional(Text),
    assignedToMe: v.optional(v.boolean('must be a boolean')),
    assignedGroup: v.optional(IntIdInput),
    messagesSinceTime: v.optional(PosixTimeInput),
    messagesBeforeTime: v.optional(PosixTimeInput),
    blocked: v.optional(v.boolean('must be a boolean')),
    reported: v.optional(v.boolean('must be a boolean')),
    messageHasReferral: v.optional(v.boolean('must be a boolean')),
    messageReferralSourceUrl: v.optional(Text),
    messageReferralSourceId: v.optional(Text),
    messageReferralSourceType: v.optional(v.picklist(['ad', 'post'], 'must be ad or post')),
    messageReferralHeadline: v.optional(Text),
    messageReferralBody: v.optional(Text),
    messageReferralMediaType: v.optional(v.picklist(['image', 'video'], 'must be image or video')),
  }),
  {},
);
const JsonObject = v.record(v.string(), v.unknown(), 'must be an object');
const ChatImportInput = v.strictObject({
  chatText: v.pipe(Text, v.nonEmpty('must not be empty')),
  chatParticipants: v.optional(v.pipe(v.array(JsonObject, 'must be an array'), v.maxLength(2, 'must not list more than two participants'))),
  utcOffsetMinutes: v.pipe(v.number('must be a number'), v.integer('must be whole minutes'), v.minValue(-24 * 60), v.maxValue(24 * 60)),
  deviceLanguageCode: v.pipe(Text, v.regex(/^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/, 'must be a locale code such as en-US')),
  mediaFiles: v.array(JsonObject, 'must be an array'),
});

/** Chats: the conversations with WhatsApp users. */
export interface GetchatChatsOperations {
  /**
   * `listChats` (`GET /chats/`): conversations newest first with their
   * count of new messages, filtered by any of the document's filters.
   */
  list(filters?: GetchatChatFilters): AsyncGenerator<GetchatChat, void, undefined>;
  /** `retrieveChat` (`GET /chats/{wa_id}/`). */
  retrieve(waId: string, options?: RequestOptions): Promise<GetchatChat>;
  /**
   * `createChatImport` (`POST /chat_import/`): imports a chat exported from
   * the WhatsApp Business app; returns the resulting chat.
   */
  import(input: GetchatChatImportInput, options?: RequestOptions): Promise<GetchatChat>;
  /**
   * Resolves (closes) a chat: `PATCH /chats/{wa_id}/resolve`. Not in the
   * document; get.chat's own web inbox calls it.
   */
  resolve(waId: string, options?: RequestOptions): Promise<void>;
}

/** Creates the `chats` namespace. */
export function createChatsOperations(ctx: GetchatContext): GetchatChatsOperations {
  return {
    list(filters) {
      const { paging, filters: f } = splitListOptions(parseArgs(ChatFiltersInput, filters, 'filters'));
      return listOperation(ctx, 'listChats', {
        query: {
          chat_tag_id: f.chatTagId,
          search: f.search,
          assigned_to_me: f.assignedToMe,
          assigned_group: f.assignedGroup,
          messages_since_time: f.messagesSinceTime,
          messages_before_time: f.messagesBeforeTime,
          blocked: f.blocked,
          reported: f.reported,
          message_has_referral: f.messageHasReferral,
          message_referral_source_url: f.messageReferralSourceUrl,
          message_referral_source_id: f.messageReferralSourceId,
          message_referral_source_type: f.messageReferralSourceType,
          message_referral_headline: f.messageReferralHeadline,
          message_referral_body: f.messageReferralBody,
          message_referral_media_type: f.messageReferralMediaType,
        },
        item: ChatWire,
        options: paging,
      });
    },

    async retrieve(waId, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const signal = requestSignal(options);
      return callOperation(ctx, 'retrieveChat', { params: { wa_id: id }, schema: ChatWire, signal });
    },

    async import(input, options) {
      const parsed = parseArgs(ChatImportInput, input, 'input');
      const signal = requestSignal(options);
      return callOperation(ctx, 'createChatImport', {
        json: {
          chat_text: parsed.chatText,
          chat_participants: parsed.chatParticipants,
          utc_offset_minutes: parsed.utcOffsetMinutes,
          device_language_code: parsed.deviceLanguageCode,
          media_files: parsed.mediaFiles,
        },
        schema: ChatWire,
        signal,
      });
    },

    async resolve(waId, options) {
      const id = parseArgs(WaIdInput, waId, 'waId');
      const signal = requestSignal(options);
      await callOperationIgnoringBody(ctx, 'resolveChat', { params: { wa_id: id }, signal });
    },
  };
}

import * as v from 'valibot';
import { historyWalkEntries } from '../map/message-input';
import type { GetchatMessageFilters } from './messages';
import { IntIdInput, listOptionEntries, PosixTimeInput, WaIdInput } from '../map/input';

// Strict schemas of the `messages` namespace: create, list, and history with
// every filter (the driver's own history walk and read marks use
// ../map/message-input.ts).

/** The message types createMessage's `type` enum lists (`hsm` is deprecated by WhatsApp). */
export const GETCHAT_MESSAGE_TYPES = [
  'text',
  'image',
  'contacts',
  'document',
  'hsm',
  'location',
  'sticker',
  'template',
  'audio',
  'video',
  'interactive',
  'reaction',
] as const;

/** A type createMessage accepts. */
export type GetchatMessageType = (typeof GETCHAT_MESSAGE_TYPES)[number];

const WabaObject = v.record(v.string(), v.unknown(), 'must be an object');
const MediaObject = v.pipe(
  WabaObject,
  v.check((media) => typeof media.id === 'string' || typeof media.link === 'string', 'needs an id or a link'),
);

/**
 * The content object of each type, checked for what WhatsApp requires;
 * anything else in it is forwarded as given (it is WhatsApp's schema).
 */
const ContentByType = {
  text: v.looseObject({ body: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'), v.maxLength(4096, 'must be at most 4096 characters')) }),
  image: MediaObject,
  video: MediaObject,
  audio: MediaObject,
  document: MediaObject,
  sticker: MediaObject,
  location: v.looseObject({ latitude: v.number('must be a number'), longitude: v.number('must be a number') }),
  contacts: v.pipe(v.array(WabaObject, 'must be an array of contact cards'), v.minLength(1, 'must hold at least one contact')),
  interactive: v.looseObject({ type: v.string('must be a string'), action: WabaObject }),
  template: v.looseObject({ name: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')), language: WabaObject }),
  hsm: WabaObject,
  reaction: v.looseObject({ message_id: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')), emoji: v.string('must be a string') }),
} satisfies Record<GetchatMessageType, v.GenericSchema>;

/** The input of `messages.create`. */
export const CreateMessageInput = v.pipe(
  v.strictObject({
    waId: WaIdInput,
    type: v.picklist(GETCHAT_MESSAGE_TYPES, `must be one of ${GETCHAT_MESSAGE_TYPES.join(', ')}`),
    content: v.union([v.array(WabaObject), WabaObject], 'must be the WhatsApp object of the type (an array for contacts)'),
    replyTo: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
    previewUrl: v.optional(v.boolean('must be a boolean')),
  }),
  v.forward(
    v.check((input) => v.is(ContentByType[input.type], input.content), 'is not a valid WhatsApp object for this type'),
    ['content'],
  ),
);

const Bool = v.boolean('must be a boolean');

/** The filters `listMessages` documents, besides paging and time. */
const messageFilterEntries = {
  waId: v.optional(WaIdInput),
  chatTagId: v.optional(IntIdInput),
  search: v.optional(v.string('must be a string')),
  assignedToMe: v.optional(Bool),
  assignedGroup: v.optional(IntIdInput),
  fromUs: v.optional(Bool),
  markAsReceived: v.optional(Bool),
};

/** The input of `messages.list`: every documented filter, plus paging. */
export const ListMessagesInput = v.optional(
  v.strictObject({ ...listOptionEntries, ...messageFilterEntries, sinceTime: v.optional(PosixTimeInput), beforeTime: v.optional(PosixTimeInput) }),
  {},
);

/** The input of `messages.history`: the time-cursor walk, with every filter. */
export const MessageHistoryInput = v.optional(v.strictObject({ ...messageFilterEntries, ...historyWalkEntries }), {});

/** The query fields of the filters, on the wire. */
export function messageFilterQuery(filters: GetchatMessageFilters): Record<string, string | number | boolean | undefined> {
  return {
    wa_id: filters.waId,
    chat_tag_id: filters.chatTagId,
    search: filters.search,
    assigned_to_me: filters.assignedToMe,
    assigned_group: filters.assignedGroup,
    from_us: filters.fromUs,
    // Documented as an integer flag.
    mark_as_received: filters.markAsReceived === undefined ? undefined : filters.markAsReceived ? 1 : 0,
  };
}

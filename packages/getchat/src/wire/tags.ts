import * as v from 'valibot';
import { EmbeddedUserWire, type GetchatUser } from './users';
import { LenientInt, LenientString, LenientTimestamp, maybe, OpaqueObject } from './lenient';

// Tags and tagging events, which webhooks carry too. Tagging objects are in
// taggings.ts.

/** A tag used on chats and messages. */
export interface GetchatTag {
  id: number;
  name: string;
  /** The colour the web inbox shows it in. */
  webInboxColor?: string | undefined;
}

/** What happened to a tagging. */
export type GetchatTaggingAction = 'added' | 'removed' | (string & {});

/** A historical entry: a chat was tagged or untagged, by whom and when. */
export interface GetchatChatTaggingEvent {
  timestamp: Date;
  action: GetchatTaggingAction;
  tag?: GetchatTag | undefined;
  /** WhatsApp id of the chat. */
  waId: string;
  extra?: Record<string, unknown> | undefined;
  doneBy?: GetchatUser | undefined;
}

/** A historical entry: a message was tagged or untagged, by whom and when. */
export interface GetchatMessageTaggingEvent {
  timestamp: Date;
  action: GetchatTaggingAction;
  tag?: GetchatTag | undefined;
  /** The WhatsApp message id. */
  messageId: string;
  extra?: Record<string, unknown> | undefined;
  doneBy?: GetchatUser | undefined;
}

/** A tag object. */
export const TagWire = v.pipe(
  v.object({ id: LenientInt, name: v.nullish(v.string()), web_inbox_color: maybe(v.string()) }),
  v.transform((tag): GetchatTag => ({ id: tag.id, name: tag.name ?? '', webInboxColor: tag.web_inbox_color })),
);

/** A chat reference: the wa_id, or (liberal) an object carrying it. */
export const ChatRefWire = v.union([
  LenientString,
  v.pipe(
    v.object({ wa_id: LenientString }),
    v.transform((chat) => chat.wa_id),
  ),
]);

/** A message reference: the id, or (liberal) an object carrying it (`waba_payload.id` or `id`). */
export const MessageRefWire = v.union([
  LenientString,
  v.pipe(
    v.object({ id: maybe(LenientString), waba_payload: maybe(v.object({ id: maybe(LenientString) })) }),
    v.check((message) => (message.waba_payload?.id ?? message.id) !== undefined, 'has no message id'),
    v.transform((message) => message.waba_payload?.id ?? message.id ?? ''),
  ),
]);

/** An embedded tag; `null`/`{}` read as `undefined`. */
const EmbeddedTagWire = v.pipe(
  v.nullish(
    v.union([
      TagWire,
      v.pipe(
        v.object({}),
        v.transform(() => null),
      ),
    ]),
  ),
  v.transform((tag) => tag ?? undefined),
);

const taggingEventEntries = {
  timestamp: LenientTimestamp,
  action: v.string(),
  tag: EmbeddedTagWire,
  extra: maybe(OpaqueObject),
  done_by: EmbeddedUserWire,
};

/** A chat tagging event (the list's results, and the webhook's `chat_tagging`). */
export const ChatTaggingEventWire = v.pipe(
  v.object({ ...taggingEventEntries, chat: ChatRefWire }),
  v.transform(
    (event): GetchatChatTaggingEvent => ({
      timestamp: event.timestamp,
      action: event.action,
      tag: event.tag,
      waId: event.chat,
      extra: event.extra,
      doneBy: event.done_by,
    }),
  ),
);

/** A message tagging event (the list's results, and the webhook's `message_tagging`). */
export const MessageTaggingEventWire = v.pipe(
  v.object({ ...taggingEventEntries, message: MessageRefWire }),
  v.transform(
    (event): GetchatMessageTaggingEvent => ({
      timestamp: event.timestamp,
      action: event.action,
      tag: event.tag,
      messageId: event.message,
      extra: event.extra,
      doneBy: event.done_by,
    }),
  ),
);

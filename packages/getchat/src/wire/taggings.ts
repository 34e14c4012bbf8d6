import * as v from 'valibot';
import { ChatRefWire, MessageRefWire } from './tags';
import { LenientInt, maybe, OpaqueObject } from './lenient';

// Tagging objects, which only the tagging namespaces read (the tagging
// events webhooks carry are in ./tags.ts).

/** A chat tagged with a tag. */
export interface GetchatChatTagging {
  id: number;
  tagId: number;
  /** WhatsApp id of the chat. */
  waId: string;
  /** Data passed between systems when the chat was tagged. */
  extra?: Record<string, unknown> | undefined;
}

/** A message tagged with a tag. */
export interface GetchatMessageTagging {
  id: number;
  tagId: number;
  /** The WhatsApp message id. */
  messageId: string;
  extra?: Record<string, unknown> | undefined;
}

/** A tag reference: the id, or (liberal) the whole tag object. */
const TagIdWire = v.union([
  LenientInt,
  v.pipe(
    v.object({ id: LenientInt }),
    v.transform((tag) => tag.id),
  ),
]);

/** A chat tagging object. */
export const ChatTaggingWire = v.pipe(
  v.object({ id: LenientInt, tag: TagIdWire, chat: ChatRefWire, extra: maybe(OpaqueObject) }),
  v.transform((tagging): GetchatChatTagging => ({ id: tagging.id, tagId: tagging.tag, waId: tagging.chat, extra: tagging.extra })),
);

/** A message tagging object. */
export const MessageTaggingWire = v.pipe(
  v.object({ id: LenientInt, tag: TagIdWire, message: MessageRefWire, extra: maybe(OpaqueObject) }),
  v.transform((tagging): GetchatMessageTagging => ({ id: tagging.id, tagId: tagging.tag, messageId: tagging.message, extra: tagging.extra })),
);

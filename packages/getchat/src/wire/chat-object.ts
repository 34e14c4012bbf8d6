import * as v from 'valibot';
import { PersonWire, type GetchatPerson } from './persons';
import { TagWire, type GetchatTag } from './tags';
import { EmbeddedGroupWire, EmbeddedUserWire, type GetchatGroup, type GetchatUser } from './users';
import { LenientInt, LenientString, lenientArray, maybe, OpaqueObject } from './lenient';

// Chat objects, which the `chats` namespace reads (the assignment events
// webhooks carry are in ./chats.ts).

/** A conversation with a WhatsApp user, and how many messages in it are new to you. */
export interface GetchatChat {
  /** WhatsApp id of the customer (digits). */
  waId: string;
  /** Messages not yet marked as received by the authenticated user. */
  newMessages: number;
  contact?: GetchatPerson | undefined;
  /**
   * The latest message, as get.chat sends message objects (`waba_payload`,
   * `from_us`, `sender`...; the same shape as `/messages/` results).
   */
  lastMessage?: Record<string, unknown> | undefined;
  assignedToUser?: GetchatUser | undefined;
  assignedGroup?: GetchatGroup | undefined;
  tags: GetchatTag[];
}

/** A chat object (`/chats/` results, `retrieveChat`, `createChatImport`). */
export const ChatWire = v.pipe(
  v.object({
    wa_id: LenientString,
    new_messages: maybe(LenientInt),
    contact: maybe(PersonWire),
    last_message: maybe(OpaqueObject),
    assigned_to_user: EmbeddedUserWire,
    assigned_group: EmbeddedGroupWire,
    tags: maybe(lenientArray(TagWire)),
  }),
  v.transform(
    (chat): GetchatChat => ({
      waId: chat.wa_id,
      newMessages: chat.new_messages ?? 0,
      contact: chat.contact,
      lastMessage: chat.last_message,
      assignedToUser: chat.assigned_to_user,
      assignedGroup: chat.assigned_group,
      tags: chat.tags ?? [],
    }),
  ),
);

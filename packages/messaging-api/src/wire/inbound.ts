import * as v from 'valibot';
import { LocationSchema, MessageReferralSchema, TagDocumentSchema } from './common';
import { InBoundContactSchema } from './contact';
import { LooseBoolean, LooseString, listOf, opt, VendorTimestamp } from './liberal';
import { InBoundEventSchema } from './session';

// What the vendor posts to the app's `message/receive` URL (`InBoundWrapper`),
// read liberally. Only what identifies an item is required: a message's and
// a status's `id`, a status's `status`, an action's `actionCode`.

/** Media in an inbound message (`InBoundMsgMedia`). */
export const InBoundMsgMediaSchema = v.looseObject({
  id: opt(LooseString),
  /** Link to the file; may be plain http. */
  link: opt(LooseString),
  /** HTTPS link to the file. */
  linkSecure: opt(LooseString),
  mime_type: opt(LooseString),
  /** Not in the document; accepted as a camelCase spelling of `mime_type`. */
  mimeType: opt(LooseString),
  sha256: opt(LooseString),
  caption: opt(LooseString),
  filename: opt(LooseString),
  type: opt(LooseString),
});
/** Media in an inbound message. */
export type InBoundMsgMedia = v.InferOutput<typeof InBoundMsgMediaSchema>;

/** The customer's answer to buttons or a form (`FormReply`). */
export const FormReplySchema = v.looseObject({
  /** The button's code (`ACCEPT`). */
  reply_id: opt(LooseString),
  /** The button's title (`I Accept`). */
  reply_title: opt(LooseString),
  /** The button's description. */
  reply_desc: opt(LooseString),
  /** Every input the customer gave in a form. */
  reply_json: opt(v.unknown()),
});
/** The customer's answer to buttons or a form. */
export type FormReply = v.InferOutput<typeof FormReplySchema>;

/** The session an inbound message belongs to (`MsgSession`). */
export const MsgSessionSchema = v.looseObject({
  sessionId: opt(LooseString),
  routingId: opt(LooseString),
  assignedToAgent: opt(LooseString),
  assignedToDept: opt(LooseString),
});
/** The session an inbound message belongs to. */
export type MsgSession = v.InferOutput<typeof MsgSessionSchema>;

/** The text of an inbound message: `{ body }` as documented, or a bare string. */
const InBoundMsgTextSchema = v.union([
  v.pipe(
    LooseString,
    v.transform((body) => ({ body })),
  ),
  v.looseObject({ body: opt(LooseString), type: opt(LooseString) }),
]);

/** A customer message (`InBoundMsg`). */
export const InBoundMsgSchema = v.looseObject({
  /** The service's message id. */
  id: LooseString,
  /** The channel's message id (WhatsApp's), when there is one. */
  messageIdExt: opt(LooseString),
  /** The customer's number; a number in the sample. */
  from: opt(LooseString),
  contactId: opt(LooseString),
  /** `text`, `image`, `video`, `audio`, `voice`, `document`, `location`, `system`, ... */
  type: opt(LooseString),
  timestamp: opt(VendorTimestamp),
  text: opt(InBoundMsgTextSchema),
  image: opt(InBoundMsgMediaSchema),
  video: opt(InBoundMsgMediaSchema),
  audio: opt(InBoundMsgMediaSchema),
  voice: opt(InBoundMsgMediaSchema),
  document: opt(InBoundMsgMediaSchema),
  attachments: listOf(InBoundMsgMediaSchema),
  location: opt(LocationSchema),
  form: opt(FormReplySchema),
  referral: opt(MessageReferralSchema),
  session: opt(MsgSessionSchema),
  tags: opt(TagDocumentSchema),
  originalMessage: opt(v.unknown()),
});
/** A customer message. */
export type InBoundMsg = v.InferOutput<typeof InBoundMsgSchema>;

/** An error on a message status (`MessageReportError`). */
export const MessageReportErrorSchema = v.looseObject({
  /** A string in the schema table, a number (`470`) in the sample. */
  code: opt(LooseString),
  title: opt(LooseString),
  details: opt(LooseString),
  href: opt(LooseString),
});

/** A delivery status of a message the business sent (`InBoundMsgStatus`). */
export const InBoundMsgStatusSchema = v.looseObject({
  /** The service's message id: the `id` the send answered with. */
  id: LooseString,
  messageIdExt: opt(LooseString),
  /** `SENT`, `DLVRD`, `READ`, `FAILD`, `DELTD`, ... */
  status: LooseString,
  timestamp: opt(VendorTimestamp),
  contactId: opt(LooseString),
  contact: opt(InBoundContactSchema),
  errors: listOf(MessageReportErrorSchema),
});
/** A delivery status of a message the business sent. */
export type InBoundMsgStatus = v.InferOutput<typeof InBoundMsgStatusSchema>;

/** An action an agent or service triggered (`InBoundAction`). */
export const InBoundActionSchema = v.looseObject({
  /** E.g. `SEND_INVOICE`. */
  actionCode: LooseString,
});
/** An action an agent or service triggered. */
export type InBoundAction = v.InferOutput<typeof InBoundActionSchema>;

/** Which client app the notification is for (`InBoundMeta`). */
export const InBoundMetaSchema = v.looseObject({
  appCode: opt(LooseString),
  appId: opt(LooseString),
  /** `AGENT`, `BOT`, `PUSH`, `NONE` (the sample says `WEBHOOK`). */
  appMode: opt(LooseString),
  appType: opt(LooseString),
  debug: opt(LooseBoolean),
  domain: opt(LooseString),
  server: opt(LooseString),
});
/** Which client app the notification is for. */
export type InBoundMeta = v.InferOutput<typeof InBoundMetaSchema>;

/** The body of a `message/receive` notification (`InBoundWrapper`). */
export const InBoundWrapperSchema = v.looseObject({
  /** `messages`, `statuses`, `events` or `actions` (`message` in the sample); every list is read whatever it says. */
  type: opt(LooseString),
  contacts: listOf(InBoundContactSchema),
  messages: listOf(InBoundMsgSchema),
  statuses: listOf(InBoundMsgStatusSchema),
  events: listOf(InBoundEventSchema),
  actions: listOf(InBoundActionSchema),
  meta: opt(InBoundMetaSchema),
});
/** The body of a `message/receive` notification. */
export type InBoundWrapper = v.InferOutput<typeof InBoundWrapperSchema>;

import * as v from 'valibot';
import {
  AttachmentSchema,
  ContactableSchema,
  MessageReferralSchema,
  MessageRouterSchema,
  MessageSessionSchema,
  SessionAssignedSchema,
  SessionRoutedSchema,
  TagDocumentSchema,
} from './common';
import { JsonObject, LooseString, listOf, opt, VendorTimestamp } from './liberal';

const NonEmpty = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'));

/**
 * A session lifecycle event (`InBoundEvent`): in notifications' `events`,
 * and in the answers of the session and contact-preference operations.
 */
export const InBoundEventSchema = v.looseObject({
  /** What happened, e.g. `SESSION_ROUTED` (the document's enumeration is empty). */
  eventCode: opt(LooseString),
  eventId: opt(LooseString),
  sessionId: opt(LooseString),
  contactId: opt(LooseString),
  messageId: opt(LooseString),
  /** `INBOUND` or `OUTBOUND`. */
  type: opt(LooseString),
  checksum: opt(LooseString),
  contact: opt(ContactableSchema),
  route: opt(MessageRouterSchema),
  session: opt(MessageSessionSchema),
  sessionAssigned: opt(SessionAssignedSchema),
  sessionRouted: opt(SessionRoutedSchema),
  trace: listOf(v.unknown()),
});
/** A session lifecycle event. */
export type InBoundEvent = v.InferOutput<typeof InBoundEventSchema>;

/** A contact as the session history describes it (`ContactDTO`, the fields worth typing). */
export const ChatContactSchema = v.looseObject({
  contactId: opt(LooseString),
  contactType: opt(LooseString),
  channelType: opt(LooseString),
  name: opt(LooseString),
  phone: opt(LooseString),
  email: opt(LooseString),
  lane: opt(LooseString),
  csid: opt(LooseString),
  sessionId: opt(LooseString),
});

/** One message of a session's history (`ChatMessageDTO`). */
export const ChatMessageDTOSchema = v.looseObject({
  messageId: opt(LooseString),
  messageIdExt: opt(LooseString),
  messageIdRef: opt(LooseString),
  messageIdResend: opt(LooseString),
  sessionId: opt(LooseString),
  type: opt(LooseString),
  status: opt(LooseString),
  text: opt(LooseString),
  name: opt(LooseString),
  sender: opt(LooseString),
  action: opt(LooseString),
  template: opt(LooseString),
  templateId: opt(LooseString),
  replyId: opt(LooseString),
  replyIdExt: opt(LooseString),
  timestamp: opt(VendorTimestamp),
  contact: opt(ChatContactSchema),
  attachments: listOf(AttachmentSchema),
  vccards: listOf(v.unknown()),
  form: opt(JsonObject),
  referral: opt(MessageReferralSchema),
  route: opt(MessageRouterSchema),
  tags: opt(TagDocumentSchema),
  options: opt(JsonObject),
  meta: opt(JsonObject),
});
/** One message of a session's history. */
export type ChatMessageDTO = v.InferOutput<typeof ChatMessageDTOSchema>;

/** Body of `session/close`, `session/resolve` and `session/messages` (`SessionStatusClose`). */
export const SessionRequestSchema = v.strictObject({
  /** The session, from an inbound message's `session.sessionId`. */
  sessionId: NonEmpty,
});
/** Body of the session close, resolve and messages operations. */
export type SessionRequest = v.InferInput<typeof SessionRequestSchema>;

/** Body of `session/routing` (`SessionQueueAssignment`). */
export const SessionQueueAssignmentSchema = v.strictObject({
  sessionId: NonEmpty,
  /** The queue the session goes to; later inbound messages are sent there. */
  queue: NonEmpty,
  /** Agent code, when the queue is an agent queue. */
  agent: v.optional(NonEmpty),
  /** Team code, when the queue is an agent queue. */
  team: v.optional(NonEmpty),
  /** Agent skills, when the queue is an agent queue. */
  skills: v.optional(v.array(NonEmpty)),
  /** Routing parameters. Sent as `{}` when absent (the document requires it). */
  params: v.optional(JsonObject, {}),
});
/** Body of `sessions.route()`. */
export type SessionQueueAssignment = v.InferInput<typeof SessionQueueAssignmentSchema>;

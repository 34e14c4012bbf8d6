import * as v from 'valibot';
import { JsonObject, LooseBoolean, LooseNumber, LooseString, listOf, opt, VendorTimestamp } from './liberal';

// Objects the document reuses across operations and inbound requests, read
// liberally: every field optional, unknown fields kept.

/** A stored file or media item (`Attachment`). */
export const AttachmentSchema = v.looseObject({
  attachmentId: opt(LooseString),
  drive: opt(LooseString),
  mediaCaption: opt(LooseString),
  mediaCode: opt(LooseString),
  mediaId: opt(LooseString),
  mediaIdExt: opt(LooseString),
  mediaIdInline: opt(LooseString),
  mediaMimeType: opt(LooseString),
  mediaName: opt(LooseString),
  mediaSrc: opt(LooseString),
  /** `SHARE`, `bg_voice`, ... per the document; `IMAGE` in its sample. */
  mediaSubType: opt(LooseString),
  mediaTemplate: opt(LooseString),
  mediaTemplateStyle: opt(LooseString),
  /** `IMAGE`, `DOCUMENT`, `TEXT`, `PDF`, `VIDEO`, `URL`, `AUDIO`. */
  mediaType: opt(LooseString),
  mediaURL: opt(LooseString),
});
/** A stored file or media item. */
export type Attachment = v.InferOutput<typeof AttachmentSchema>;

/** A contact as events describe it (`Contactable`). */
export const ContactableSchema = v.looseObject({
  channelType: opt(LooseString),
  contactId: opt(LooseString),
  contactType: opt(LooseString),
  csid: opt(LooseString),
  email: opt(LooseString),
  lane: opt(LooseString),
  name: opt(LooseString),
  phone: opt(LooseString),
});
/** A contact as events describe it. */
export type Contactable = v.InferOutput<typeof ContactableSchema>;

/** How a message was routed (`MessageRouter`). */
export const MessageRouterSchema = v.looseObject({
  queueCode: opt(LooseString),
  routerId: opt(LooseString),
  sendMode: opt(LooseString),
  senderApp: opt(LooseString),
  senderCode: opt(LooseString),
  senderType: opt(LooseString),
});
/** How a message was routed. */
export type MessageRouter = v.InferOutput<typeof MessageRouterSchema>;

/** The state of a conversation session (`MessageSession`). */
export const MessageSessionSchema = v.looseObject({
  agent: opt(LooseString),
  bot: opt(LooseString),
  dept: opt(LooseString),
  firstMessage: opt(LooseBoolean),
  initMessage: opt(LooseBoolean),
  mode: opt(LooseString),
  queue: opt(LooseString),
  resolved: opt(LooseBoolean),
  routingId: opt(LooseString),
  sessionStamp: opt(VendorTimestamp),
  ticketHash: opt(LooseString),
});
/** The state of a conversation session. */
export type MessageSession = v.InferOutput<typeof MessageSessionSchema>;

/** Who a session moved from and to (`SessionAssigned`). */
export const SessionAssignedSchema = v.looseObject({
  newAgent: opt(LooseString),
  newBot: opt(LooseString),
  newDept: opt(LooseString),
  oldAgent: opt(LooseString),
  oldBot: opt(LooseString),
  oldDept: opt(LooseString),
});
/** Who a session moved from and to. */
export type SessionAssigned = v.InferOutput<typeof SessionAssignedSchema>;

/** Which queue a session was routed from and to (`SessionRouted`). */
export const SessionRoutedSchema = v.looseObject({
  params: opt(JsonObject),
  routingId: opt(LooseString),
  sessionStart: opt(LooseBoolean),
  sourceQueue: opt(LooseString),
  targetQueue: opt(LooseString),
});
/** Which queue a session was routed from and to. */
export type SessionRouted = v.InferOutput<typeof SessionRoutedSchema>;

/** What started a conversation: an ad, a post, a campaign (`MessageReferral`). */
export const MessageReferralSchema = v.looseObject({
  body: opt(LooseString),
  bulkdId: opt(LooseString),
  imageUrl: opt(LooseString),
  info: opt(v.unknown()),
  mediaType: opt(LooseString),
  mediaUrl: opt(LooseString),
  messageId: opt(LooseString),
  messageIdExt: opt(LooseString),
  /** `message`, `social`, `ads`, `campaign`. */
  sourceCategory: opt(LooseString),
  sourceId: opt(LooseString),
  /** `inbound`, `outbound`, `feedback`, `story`, `post`. */
  sourceType: opt(LooseString),
  sourceUrl: opt(LooseString),
  thumbUrl: opt(LooseString),
  title: opt(LooseString),
});
/** What started a conversation. */
export type MessageReferral = v.InferOutput<typeof MessageReferralSchema>;

/** Text analysis of a message (`TagDocument`). */
export const TagDocumentSchema = v.looseObject({
  categories: listOf(LooseString),
  cities: listOf(LooseString),
  countries: listOf(LooseString),
  langs: listOf(LooseString),
  locations: listOf(LooseString),
  organizations: listOf(LooseString),
  persons: listOf(LooseString),
  sentimentScore: opt(LooseNumber),
  sentiments: listOf(LooseString),
});
/** Text analysis of a message. */
export type TagDocument = v.InferOutput<typeof TagDocumentSchema>;

/**
 * A location (`CommonMsgLocation`): latitude and longitude as numbers or
 * numeric strings. Both may be missing here (the samples attach a location
 * object to messages of every type); a location message needs both.
 */
export const LocationSchema = v.looseObject({
  latitude: opt(LooseNumber),
  longitude: opt(LooseNumber),
  name: opt(LooseString),
  address: opt(LooseString),
  url: opt(LooseString),
});
/** A location. */
export type Location = v.InferOutput<typeof LocationSchema>;

// @wamux/messaging-api: the "Messaging APIs v1.0" (x-api-key) adapter.
// The emulator is a separate entry point: `@wamux/messaging-api/emulator`.

export { createMessagingApiProvider, type MessagingApiOperations, type MessagingApiProvider } from './provider';
export type { MessagingApiOptions } from './options';
export { messagingApiCapabilities } from './capabilities';
export { PROVIDER as MESSAGING_API_PROVIDER, type MessagingApiName } from './provider-name';

export type { ConfigOperations } from './operations/config';
export type { ContactOperations } from './operations/contacts';
export type { AnalyticsOperations } from './operations/analytics';
export type { MessageOperations, MessagingApiSendResult } from './operations/messages';
export type { SessionOperations } from './operations/sessions';

export {
  isMessagingApiEvent,
  inboundSession,
  MESSAGING_API_EVENT_KINDS,
  type ActionPayload,
  type ContactInfoRequest,
  type MessagingApiEvent,
  type MessagingApiEventKind,
  type SessionEventPayload,
  type UnknownStatusPayload,
  type UnmappedMessagePayload,
} from './events';
export type { ContactInfoHandler } from './webhook/contact-info';
export { VERIFY_TOKEN_HEADER } from './webhook/verify';
export { STATUS_CODES, normalizeStatusCode } from './mappers/status-codes';

export type { ApiFieldError } from './wire/envelope';
export type { Attachment, Contactable, Location, MessageReferral, MessageRouter, MessageSession, SessionAssigned, SessionRouted, TagDocument } from './wire/common';
export type {
  ApprovedChannel,
  ClientApp,
  CompanyVarsConfigDoc,
  GlobalVarsQuery,
  HSMTemplateDoc,
  ListChannelsQuery,
  ListTemplatesQuery,
  MsgChannel,
  WebhookUrlRequest,
} from './wire/config';
export type { ContactInfoUpdate, ContactInfoUpdateInput, ContactPrefsUpdate, InBoundContact } from './wire/contact';
export type { DigitalEventDto, DigitalEventResult, DigitalObjectDto, DigitalObjectLink, DigitalObjectResult } from './wire/analytics';
export type { ChatMessageDTO, InBoundEvent, SessionQueueAssignment, SessionRequest } from './wire/session';
export type { OutBoundMsg, OutBoundMsgType, OutBoundReceipt } from './wire/outbound';
export type { FormReply, InBoundAction, InBoundMeta, InBoundMsg, InBoundMsgMedia, InBoundMsgStatus, InBoundWrapper, MsgSession } from './wire/inbound';

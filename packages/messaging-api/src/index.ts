// @wamux/messaging-api: the "Messaging APIs v1.0" (x-api-key) adapter.
// The emulator is a separate entry point: `@wamux/messaging-api/emulator`.

export { createMessagingApiProvider, type MessagingApiProvider } from './provider';
export {
  MESSAGING_API_PROVIDER,
  VERIFY_TOKEN_HEADER,
  type ContactInfoHandler,
  type ContactInfoRequest,
  type MessagingApiName,
  type MessagingApiOptions,
} from './options';
export { messagingApiCapabilities } from './capabilities';

export type { MessagingApiOperations } from './operations';
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
  type MessagingApiEvent,
  type MessagingApiEventKind,
  type SessionEventPayload,
  type UnknownStatusPayload,
  type UnmappedMessagePayload,
} from './webhook/events';

// The vendor's own shapes that the operations and events above take and return.
export type {
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
export type { OutBoundMsg, OutBoundReceipt } from './wire/outbound';
export type { InBoundMeta, InBoundMsg, InBoundMsgStatus, MsgSession } from './wire/inbound';

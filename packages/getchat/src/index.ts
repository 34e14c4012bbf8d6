// @wamux/getchat: the get.chat (360dialog inbox) Integration API adapter.
// The emulator is a separate entry point: @wamux/getchat/emulator.

export { createGetchatProvider, type GetchatProvider, type GetchatOperations, type GetchatLiveOperations } from './provider';
export { getchatCapabilities } from './capabilities';
export {
  stackBaseUrl,
  websocketUrlFor,
  type GetchatOptions,
  type GetchatLocation,
  type GetchatCredentials,
  type GetchatTokenAuth,
  type GetchatD360Auth,
  type GetchatPasswordAuth,
  type GetchatRefreshTokenAuth,
} from './options';
export { getchatPaths, type GetchatOperationName, type GetchatPathOverrides, type OperationPath, type PathStatus } from './paths';
export type {
  GetchatAuthOperations,
  GetchatAuthToken,
  GetchatRefreshToken,
  GetchatLoginInput,
  GetchatConvertRefreshTokenInput,
} from './auth-operations';
export type { GetchatAccountsOperations, GetchatWhatsAppAccount, GetchatListAccountsOptions } from './accounts';
export type {
  GetchatMessagesOperations,
  GetchatCreateMessageInput,
  GetchatMessageFilters,
  GetchatListMessagesOptions,
  GetchatMessageHistoryOptions,
  GetchatMarkAsReceivedInput,
} from './messages/operations';
export { GETCHAT_MESSAGE_TYPES, type GetchatMessageType } from './messages/inputs';
export type { GetchatMessage, GetchatMessageStatuses, GetchatCreatedMessage } from './messages/schema';
export type { GetchatMediaOperations, GetchatMediaFile, GetchatDownloadOptions } from './media';
export {
  isGetchatProviderEvent,
  type GetchatProviderEvent,
  type GetchatProviderEventKind,
  type GetchatUnknownStatus,
  type GetchatWabaErrors,
  type GetchatWabaChange,
  type GetchatUnrecognizedItem,
} from './webhook/events';
export type { GetchatLiveConnection, GetchatLiveOptions, GetchatLiveState, GetchatReconnectOptions } from './websocket/client';
export type * from './operations';
export { GETCHAT_TEMPLATE_CATEGORIES, GETCHAT_BUSINESS_VERTICALS } from './operations';

// @wamux/getchat: the get.chat (360dialog inbox) Integration API adapter
// behind the `Provider` contract, with every typed get.chat operation and
// live events as properties of the provider. The emulator is
// @wamux/getchat/emulator.

export { createGetchatProvider, type GetchatProvider, type GetchatOptions } from './provider';
export { getchatCapabilities } from './capabilities';
export {
  GETCHAT,
  stackBaseUrl,
  websocketUrlFor,
  type GetchatLocation,
  type GetchatCredentials,
  type GetchatTokenAuth,
  type GetchatD360Auth,
  type GetchatPasswordAuth,
  type GetchatRefreshTokenAuth,
} from './options';
export {
  getchatPaths,
  GETCHAT_EXPERIMENTAL_OPERATIONS,
  type GetchatOperationName,
  type GetchatExperimentalOperationName,
  type GetchatPathOverrides,
  type OperationPath,
  type PathStatus,
} from './client/paths';
export type { GetchatMessage, GetchatMessageStatuses, GetchatCreatedMessage } from './map/message';
export {
  isGetchatProviderEvent,
  type GetchatProviderEvent,
  type GetchatProviderEventKind,
  type GetchatUnknownStatus,
  type GetchatWabaErrors,
  type GetchatWabaChange,
  type GetchatUnrecognizedItem,
} from './webhook/events';
export type { GetchatLive, GetchatLiveConnection, GetchatLiveOptions, GetchatLiveState, GetchatReconnectOptions } from './live';
export { GETCHAT_TEMPLATE_CATEGORIES } from './operations/templates';
export { GETCHAT_BUSINESS_VERTICALS } from './operations/settings';
export { GETCHAT_MESSAGE_TYPES } from './operations/message-inputs';
export type * from './operations/types';

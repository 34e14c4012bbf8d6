// @wamux/getchat: the get.chat (360dialog inbox) Integration API adapter
// behind the `Provider` contract. Three more entry points, so an app bundles
// only what it uses: @wamux/getchat/operations (every typed get.chat
// operation), @wamux/getchat/live (the websocket client) and
// @wamux/getchat/emulator.

export { createGetchatProvider, type GetchatProvider } from './provider';
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
export type { GetchatOperationName, GetchatProviderOperationName, GetchatPathOverrides, OperationPath, PathStatus } from './paths';
export type { GetchatMessage, GetchatMessageStatuses, GetchatCreatedMessage } from './messages/schema';
export {
  isGetchatProviderEvent,
  type GetchatProviderEvent,
  type GetchatProviderEventKind,
  type GetchatUnknownStatus,
  type GetchatWabaErrors,
  type GetchatWabaChange,
  type GetchatUnrecognizedItem,
} from './webhook/events';
// The other entries' types, type-only: they cost an app nothing unless it
// imports @wamux/getchat/operations or @wamux/getchat/live.
export type { GetchatLiveOperations, GetchatLiveConnection, GetchatLiveOptions, GetchatLiveState, GetchatReconnectOptions } from './live';
export type * from './operations/types';
export type { GetchatOperationsOptions } from './operations';

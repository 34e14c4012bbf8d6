// @wamux/whatsapp-cloud/emulation: what the emulators of Cloud API vendors
// share (Meta's own, 360dialog's proxy): request decoding, Graph error
// bodies, template checks, webhook payloads, the state, the media and
// message routes, and the control surface. A separate entry, so an app that
// imports the main entry loads no emulator code.

export { CloudRequestError, decodeMessageRequest, requestRecipient } from './decode';
export { graphCodeForStatus, graphErrorResponse, statusForCode, type GraphErrorResponse } from './graph-error';
export { graphTemplateFromSeed, templateSendProblem, type CloudTemplateSeed, type EmulatedGraphTemplate } from './templates';
export {
  fieldDelivery,
  inboundPayload,
  messagesDelivery,
  statusPayload,
  type CloudInboundDraft,
  type CloudStatusDraft,
  type CloudWebhookAccount,
} from './payloads';
export { createCloudEmulatorState, type CloudEmulatorState, type InjectedMetaError, type ReadMark } from './state';
export { injectedError, requireId, unknownObject, type RouteGuard } from './guards';
export { cloudMessageRoutes, type CloudMessageRoutesOptions } from './message-routes';
export { cloudMediaRoutes, MEDIA_DOWNLOAD_PATH, type CloudMediaRoutesOptions } from './media-routes';
export { cloudEmulatorControls, type CloudDeliver, type CloudEmulator, type CloudEmulatorParts, type DeliveryOutcome } from './controls';

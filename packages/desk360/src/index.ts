// @wamux/desk360: the Desk360 WhatsApp API behind the wamux Provider
// contract, with Desk360's own operations as properties of the provider
// (`desk360.templates.list()`). The emulator is a separate entry point:
// `@wamux/desk360/emulator`.

export { createDesk360Provider, type Desk360Provider } from './provider';
export { desk360Capabilities } from './capabilities';
export {
  DESK360,
  type Desk360ApiKeyOptions,
  type Desk360CommonOptions,
  type Desk360LoginOptions,
  type Desk360Options,
  type Desk360WebhookSecret,
} from './options';
export { LIMITS as DESK360_LIMITS } from './map/limits';
export type { Desk360Operations } from './operations';
export type { Desk360Integration, Desk360IntegrationOperations } from './operations/integrations';
export type { Desk360MessageOperations } from './operations/messages';
export type { Desk360BulkSent, Desk360TemplateOperations } from './operations/templates';
export type {
  InteractiveHeaderInput,
  MarkReadInput,
  SendContactsInput,
  SendInteractiveInput,
  SendLocationInput,
  SendLocationRequestInput,
  SendMediaInput,
  SendTextInput,
  TemplateBulkInput,
  TemplateSendInput,
} from './operations/inputs';
export type { Desk360MediaSent, Desk360MessageSent } from './client/requests';
export type { Desk360SentMedia } from './wire/responses';
export type { Desk360Template, Desk360TemplateTranslation } from './map/template';
export type { Desk360ProviderEvent, Desk360UnknownStatus } from './webhook/events';

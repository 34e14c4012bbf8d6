// @wamux/desk360: the Desk360 WhatsApp API behind the wamux Provider
// contract, with Desk360's own operations. The emulator is a separate
// entry point: `@wamux/desk360/emulator`.

export { createDesk360Provider, type Desk360Operations, type Desk360Provider } from './provider';
export { desk360Capabilities } from './capabilities';
export type {
  Desk360ApiKeyOptions,
  Desk360CommonOptions,
  Desk360LoginOptions,
  Desk360Options,
  Desk360WebhookSecret,
} from './options';
export { DESK360_ERROR_KINDS } from './errors';
export { LIMITS as DESK360_LIMITS } from './limits';
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
export type { Desk360MediaSent, Desk360MessageSent } from './wire/requests';
export type { Desk360SentMedia } from './wire/responses';
export type { Desk360Template, Desk360TemplateTranslation } from './wire/templates';
export type { Desk360ProviderEvent, Desk360UnknownStatus } from './webhook/parse';

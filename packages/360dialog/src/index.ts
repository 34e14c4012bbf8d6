// @wamux/360dialog: the WhatsApp Cloud API through 360dialog's proxy
// (`D360-API-KEY`, no phone number id in the paths) behind the wamux
// Provider contract, with 360dialog's media, message, template and webhook
// configuration operations. The Cloud API's wire shapes and mappings come
// from @wamux/whatsapp-cloud. The emulator is a separate entry point:
// `@wamux/360dialog/emulator`.

export { create360dialogProvider, type D360Provider } from './provider';
export { d360Capabilities } from './capabilities';
export { API_KEY_HEADER, D360, DEFAULT_BASE_URL, type D360Options, type D360WebhookSecret } from './options';
export { CLOUD_ERROR_CODES, type CloudErrorRule } from './errors';
export type { D360Operations } from './operations';
export type { D360MediaOperations } from './operations/media';
export type { D360MessageOperations } from './operations/messages';
export type { D360TemplateOperations } from './operations/templates';
export type { D360WebhookOperations } from './operations/webhook';
export type { WebhookConfig } from './wire/webhook-config';
export type { CloudProviderEvent, CloudProviderEventKind, CtaUrlInteractive, GraphTemplate, MediaUrlResponse, TemplateListFilter } from '@wamux/whatsapp-cloud';

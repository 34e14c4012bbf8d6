// @wamux/cloud-api: Meta's WhatsApp Cloud API (Graph API) behind the wamux
// Provider contract, with its own media, message and template operations.
// The emulator is a separate entry point: `@wamux/cloud-api/emulator`.

export { createCloudApiProvider, type CloudApiProvider } from './provider';
export { cloudApiCapabilities } from './capabilities';
export { CLOUD_API, DEFAULT_GRAPH_VERSION, type CloudApiOptions } from './options';
export { CLOUD_ERROR_CODES, type CloudErrorRule } from './errors';
export type { CloudApiOperations } from './operations';
export type { CloudApiMediaOperations } from './operations/media';
export type { CloudApiMessageOperations } from './operations/messages';
export type { CloudApiTemplateOperations } from './operations/templates';
export type { CloudProviderEvent, CloudProviderEventKind, CtaUrlInteractive, GraphTemplate, MediaUrlResponse, TemplateListFilter } from '@wamux/whatsapp-cloud';

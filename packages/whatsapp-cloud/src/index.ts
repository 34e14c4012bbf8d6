// @wamux/whatsapp-cloud: the WhatsApp Cloud API's wire shapes (valibot) and
// their mapping to the wamux model, shared by every adapter that speaks the
// Cloud API (Meta's own, 360dialog, get.chat). Not an adapter: it does no I/O.

export { LenientBoolean, LenientString, LenientTimestamp, lenientArray, maybe } from './wire/lenient';
export { GraphErrorBodySchema, WebhookErrorSchema, type GraphErrorBody, type WebhookError } from './wire/graph-error';
export {
  AccountUpdateSchema,
  ContactSchema,
  MetadataSchema,
  OTHER_WEBHOOK_FIELDS,
  PhoneNumberQualityUpdateSchema,
  TemplateStatusUpdateSchema,
  type CloudContact,
  type OtherWebhookField,
} from './wire/webhook';
export { MESSAGE_TYPES, MessageEnvelopeSchema, messageTypeOf, type MessageEnvelope } from './wire/message';
export { ConversationSchema, PricingSchema, StatusItemSchema, type StatusItem } from './wire/status';
export { ContactCardWireSchema, type ContactCardWire } from './wire/contact-card';
export { SendResponseSchema, SuccessResponseSchema, type CloudMarkReadRequest, type CloudMessageRequest, type SendResponse } from './wire/send';
export { MediaUploadResponseSchema, MediaUrlResponseSchema, type MediaUrlResponse } from './wire/media';
export { GraphTemplateSchema, graphPageSchema, nextCursor, TemplatePageSchema, type GraphTemplate, type TemplatePage } from './wire/templates';

export { contactCardFromCloud } from './map/contact-card';
export { valueContacts, senderOf, recipientOf, type SenderFallback, type ValueContact, type ValueContacts } from './map/customer';
export { contentFromCloud, inboundFromCloud, type InboundContext, type InboundResult } from './map/inbound';
export { CLOUD_DELIVERY_STATUSES, cloudStatusWord, deliveryStatusOf, statusFromCloud, type StatusWords } from './map/status';
export {
  addressee,
  ctaUrlInteractive,
  markReadRequest,
  mediaFromSource,
  toMessageRequest,
  type CloudMedia,
  type CtaUrlInteractive,
  type MediaResolver,
} from './map/outbound';
export { graphTemplateItems, templateFromGraph } from './map/template';
export { CLOUD_ERROR_CODES, cloudErrorRule, graphErrorInfo, type CloudErrorRule } from './map/errors';

export { SIGNATURE_HEADER, signatureFor, verifySignature } from './webhook/verify';
export { answerSubscription } from './webhook/subscription';
export { parseCloudWebhook, type ParseCloudWebhookOptions } from './webhook/parse';
export type { CloudProviderEvent, CloudProviderEventKind } from './webhook/events';

export { RawMessageRequestSchema } from './wire/raw-message';

// What adapters over the Cloud API share besides the wire: capabilities and the shape of their operations.
export { CLOUD_CAPABILITIES, cloudCapabilitiesFor } from './capabilities';
export { mediaIdInput, mediaInput, messageIdInput } from './operations/inputs';
export { cloudMediaOperations, type CloudMediaCalls, type CloudMediaOperations } from './operations/media';
export { cloudMessageOperations, type CloudMessageCalls, type CloudMessageOperations } from './operations/messages';
export { cloudTemplateOperations, type CloudTemplateOperations, type TemplateListFilter } from './operations/templates';

// The Cloud API's JSON shapes are @wamux/whatsapp-cloud's (wire/), shared
// with the other adapters that speak it; these are the ones this adapter reads.
export {
  GraphTemplateSchema,
  MediaUploadResponseSchema,
  MediaUrlResponseSchema,
  nextCursor,
  SendResponseSchema,
  SuccessResponseSchema,
  TemplatePageSchema,
  type CloudMarkReadRequest,
  type GraphTemplate,
  type MediaUrlResponse,
} from '@wamux/whatsapp-cloud';

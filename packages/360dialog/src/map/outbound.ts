// OutboundMessage -> Cloud API message request is @wamux/whatsapp-cloud's
// (map/outbound.ts): 360dialog takes Meta's body unchanged at POST /messages.
export {
  addressee,
  ctaUrlInteractive,
  markReadRequest,
  mediaFromSource,
  toMessageRequest,
  type CloudMedia,
  type CtaUrlInteractive,
} from '@wamux/whatsapp-cloud';

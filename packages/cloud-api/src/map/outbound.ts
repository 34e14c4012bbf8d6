// OutboundMessage -> message request is @wamux/whatsapp-cloud's (map/outbound.ts).
export {
  addressee,
  ctaUrlInteractive,
  markReadRequest,
  mediaFromSource,
  toMessageRequest,
  type CloudMedia,
  type CtaUrlInteractive,
} from '@wamux/whatsapp-cloud';

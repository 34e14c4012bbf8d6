// Cloud API message -> InboundMessage is @wamux/whatsapp-cloud's (map/inbound.ts),
// run by its webhook parser (see webhook/parse.ts).
export { contentFromCloud, inboundFromCloud } from '@wamux/whatsapp-cloud';

// Graph template -> Template is @wamux/whatsapp-cloud's (map/template.ts).
export { templateFromGraph } from '@wamux/whatsapp-cloud';

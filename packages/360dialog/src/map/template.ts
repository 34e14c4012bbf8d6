// Graph template -> Template is @wamux/whatsapp-cloud's (map/template.ts):
// 360dialog lists Graph's template objects inside its own paging.
export { templateFromGraph } from '@wamux/whatsapp-cloud';

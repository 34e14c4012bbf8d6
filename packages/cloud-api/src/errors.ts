// The Graph error body and the Cloud API error-code table live in
// @wamux/whatsapp-cloud (map/errors.ts); this adapter uses them as they are.
export { CLOUD_ERROR_CODES, cloudErrorRule, graphErrorInfo, type CloudErrorRule } from '@wamux/whatsapp-cloud';

// The Cloud API's one status table lives in @wamux/whatsapp-cloud, shared
// with the other adapters that forward Cloud API payloads.
export { CLOUD_DELIVERY_STATUSES, deliveryStatusOf } from '@wamux/whatsapp-cloud';

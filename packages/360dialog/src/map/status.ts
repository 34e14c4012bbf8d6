// The Cloud API's one status table lives in @wamux/whatsapp-cloud: 360dialog
// forwards Meta's status webhooks as they are.
export { CLOUD_DELIVERY_STATUSES, deliveryStatusOf } from '@wamux/whatsapp-cloud';

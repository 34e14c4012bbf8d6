import { parseJsonBody, type WebhookParseResult, type WebhookRequest } from '@wamux/core/adapter';
import { parseCloudWebhook } from '@wamux/whatsapp-cloud';
import { D360 } from '../options';
import { authenticateDelivery, type WebhookAuth } from './verify';

/** One delivery → its events, in order: the secret header first, then the shared Cloud API parser (360dialog forwards Meta's payloads as they are). */
export function parseDelivery(request: WebhookRequest, auth: WebhookAuth): WebhookParseResult {
  authenticateDelivery(request, auth);
  return { events: parseCloudWebhook(parseJsonBody(request, D360), { provider: D360 }) };
}

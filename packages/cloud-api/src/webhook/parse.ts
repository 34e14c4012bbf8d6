import { parseJsonBody, type WebhookParseResult, type WebhookRequest } from '@wamux/core/adapter';
import { parseCloudWebhook } from '@wamux/whatsapp-cloud';
import { CLOUD_API } from '../options';
import { authenticateDelivery, type WebhookAuth } from './verify';

/** One delivery → its events, in order: the signature first, then the shared Cloud API parser. */
export async function parseDelivery(request: WebhookRequest, auth: WebhookAuth): Promise<WebhookParseResult> {
  await authenticateDelivery(request, auth);
  return { events: parseCloudWebhook(parseJsonBody(request, CLOUD_API), { provider: CLOUD_API }) };
}

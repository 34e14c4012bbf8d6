import { compact, parseJsonBody, toE164, type StatusUpdate, type WebhookEvent, type WebhookParseResult, type WebhookRequest } from '@wamux/core/adapter';
import { messageEvent, readWebhookPart } from '../map/inbound';
import { toDeliveryStatus } from '../map/status';
import { DESK360 } from '../options';
import { EnvelopeSchema, StatusItemSchema } from '../wire/webhook';
import type { Desk360ProviderEvent } from './events';
import { verifyWebhook, type WebhookAuth } from './verify';

/**
 * Verifies and normalizes one Desk360 webhook delivery: every documented
 * message type, ad referrals, and statuses. Desk360 posts one item per
 * delivery, so an item that cannot be read (no id, not in the documented
 * shape) refuses the whole delivery: a `WebhookPayloadError` whose `field`
 * names the path at fault (`messages.id`). Nothing else escapes.
 */
export function parseDesk360Webhook(request: WebhookRequest, auth: WebhookAuth): WebhookParseResult {
  verifyWebhook(request, auth);
  const envelope = readWebhookPart(EnvelopeSchema, parseJsonBody(request, DESK360), '(body)');
  const events: WebhookEvent[] = [];
  forEachItem(envelope.messages, 'messages', (item, path) => events.push(messageEvent(item, path)));
  forEachItem(envelope.statuses, 'statuses', (item, path) => events.push(statusEvent(item, path)));
  return { events };
}

/** Calls `read` for each item of a documented single object or an array, with the item's path (`messages.3`). */
function forEachItem(value: unknown, key: string, read: (item: unknown, path: string) => void): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    read(value, key);
    return;
  }
  for (let index = 0; index < value.length; index += 1) read(value[index], `${key}.${index}`);
}

/** A status item as a status event; a status word the table lacks becomes an `unknown_status` provider event. */
function statusEvent(item: unknown, path: string): WebhookEvent {
  const parsed = readWebhookPart(StatusItemSchema, item, path);
  const recipient = parsed.from === undefined || parsed.from === null ? undefined : toE164(parsed.from);
  const status = toDeliveryStatus(parsed.status);
  if (status === undefined) {
    const event: Desk360ProviderEvent = {
      type: 'provider_event',
      provider: DESK360,
      kind: 'unknown_status',
      id: `${parsed.id}:${parsed.status}`,
      payload: compact({ messageId: parsed.id, status: parsed.status, recipient }),
      raw: item,
    };
    return event;
  }
  const update: StatusUpdate = compact({
    messageId: parsed.id,
    status,
    vendorStatus: parsed.status,
    recipient,
    timestamp: parsed.timestamp ?? undefined,
    errors:
      parsed.errors.length === 0
        ? undefined
        : parsed.errors.map((error) => compact({ code: String(error.code), title: error.title ?? error.message, details: error.details })),
  });
  return { type: 'status', provider: DESK360, status: update, raw: item };
}

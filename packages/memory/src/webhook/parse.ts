import {
  issueMessage,
  parseJsonBody,
  WebhookPayloadError,
  type DeliveryStatus,
  type WebhookEvent,
  type WebhookParseResult,
  type WebhookRequest,
} from '@wamux/core/adapter';
import * as v from 'valibot';
import { toInboundMessage } from '../map/inbound';
import { toStatusUpdate } from '../map/status';
import { MEMORY_PROVIDER } from '../options';
import { WebhookBodySchema, type WireWebhookEvent } from '../wire/webhook';

/**
 * A memory delivery → its events, in delivery order. A status outside
 * `statuses` (a provider narrowed to imitate a vendor without that word)
 * is kept as a provider event of kind `status`, never emitted undeclared.
 */
export function parseDelivery(request: WebhookRequest, statuses: readonly DeliveryStatus[]): WebhookParseResult {
  const body = v.safeParse(WebhookBodySchema, parseJsonBody(request, MEMORY_PROVIDER));
  if (!body.success) {
    const issue = body.issues[0];
    const field = v.getDotPath(issue) ?? 'events';
    throw new WebhookPayloadError(`${field}: ${issueMessage(issue)}`, { provider: MEMORY_PROVIDER, status: 400, field });
  }
  return { events: body.output.events.map((item, index) => toEvent(item, `events.${index}`, statuses)) };
}

function toEvent(item: WireWebhookEvent, root: string, statuses: readonly DeliveryStatus[]): WebhookEvent {
  if (item.kind === 'message') return { type: 'message', provider: MEMORY_PROVIDER, message: toInboundMessage(item.message, `${root}.message`), raw: item };
  if (item.kind === 'status') {
    const status = toStatusUpdate(item.status, `${root}.status`);
    if (statuses.includes(status.status)) return { type: 'status', provider: MEMORY_PROVIDER, status, raw: item };
  }
  // Liberal: a kind this version does not know is kept, not dropped.
  return { type: 'provider_event', provider: MEMORY_PROVIDER, kind: item.kind, payload: item, raw: item };
}

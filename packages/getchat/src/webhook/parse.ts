import { parseJsonBody, type WebhookParseResult, type WebhookRequest } from '@wamux/core/adapter';
import { GETCHAT } from '../options';
import { eventsFromPayload } from './payload';
import { verifyDelivery, type WebhookVerification } from './verify';

/**
 * Requests built in this process from an authenticated websocket frame. A
 * WeakSet of objects, not a flag in the request: nothing that arrives over
 * HTTP can claim to be one.
 */
export interface TrustedRequests {
  /** Marks a request this process built (it skips the shared-secret check). */
  add(request: WebhookRequest): void;
  has(request: WebhookRequest): boolean;
}

/** Creates an empty {@link TrustedRequests}. */
export function createTrustedRequests(): TrustedRequests {
  const trusted = new WeakSet<WebhookRequest>();
  return {
    add: (request) => void trusted.add(request),
    has: (request) => trusted.has(request),
  };
}

/**
 * The driver's `parseWebhook`: verifies the delivery (unless this process
 * built it from a websocket frame), parses the JSON and maps every item.
 * get.chat expects an empty 200, so there is no `reply`. Synchronous: the
 * driver's own async `parseWebhook` is the one promise a delivery needs.
 */
export function parseGetchatWebhook(request: WebhookRequest, verification: WebhookVerification, trusted: TrustedRequests): WebhookParseResult {
  if (!trusted.has(request)) verifyDelivery(request, verification);
  return { events: eventsFromPayload(parseJsonBody(request, GETCHAT)) };
}

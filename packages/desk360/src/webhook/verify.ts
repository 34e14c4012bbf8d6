import { constantTimeEqual, queryParam, WebhookVerificationError, type WebhookRequest } from '@wamux/core';
import { DESK360 } from '../constants';
import type { Desk360WebhookSecret } from '../options';

/**
 * Desk360 signs nothing. When the app configured a shared secret (in a
 * header, or a query parameter of the webhook URL it registered), every
 * delivery must carry it; the comparison takes constant time.
 */
export function verifyWebhook(request: WebhookRequest, secret: Desk360WebhookSecret): void {
  const where = secret.header !== undefined ? `${secret.header} header` : `${secret.query} query parameter`;
  const provided = secret.header !== undefined ? request.headers[secret.header.toLowerCase()] : queryParam(request, secret.query);
  if (!constantTimeEqual(provided, secret.value)) {
    throw new WebhookVerificationError(provided === undefined ? `the delivery has no ${where}` : `the ${where} does not match the configured secret`, {
      provider: DESK360,
      status: 401,
    });
  }
}

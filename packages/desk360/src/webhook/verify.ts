import { ConfigurationError, constantTimeEqual, queryParam, WebhookVerificationError, type WebhookRequest } from '@wamux/core/adapter';
import { DESK360, type Desk360WebhookSecret } from '../options';

/** How deliveries are authenticated, from the options. */
export interface WebhookAuth {
  secret: Desk360WebhookSecret | undefined;
  /** The app's explicit opt-out; only read without a secret. */
  allowUnauthenticated: boolean;
}

/**
 * Desk360 signs nothing: the app gives the URL it registers a shared secret
 * (a query parameter, or a header a proxy adds), and every delivery must
 * carry it; the comparison takes constant time. Without a secret every
 * delivery is refused with a `ConfigurationError` naming `webhookSecret`
 * (the handler answers 500, so Desk360 redelivers once the app is fixed),
 * unless the app opted out with `allowUnauthenticatedWebhooks: true`.
 */
export function verifyWebhook(request: WebhookRequest, auth: WebhookAuth): void {
  const { secret } = auth;
  if (secret === undefined) {
    if (auth.allowUnauthenticated) return;
    throw new ConfigurationError(
      'webhookSecret',
      'is required to accept webhooks (Desk360 deliveries carry no other proof of origin); set allowUnauthenticatedWebhooks: true to accept them unauthenticated',
      { provider: DESK360 },
    );
  }
  const where = secret.header !== undefined ? `${secret.header} header` : `${secret.query} query parameter`;
  const provided = secret.header !== undefined ? request.headers[secret.header.toLowerCase()] : queryParam(request, secret.query);
  if (!constantTimeEqual(provided, secret.value)) {
    throw new WebhookVerificationError(provided === undefined ? `the delivery has no ${where}` : `the ${where} does not match the configured secret`, {
      provider: DESK360,
      status: 401,
    });
  }
}

import { ConfigurationError, constantTimeEqual, WebhookVerificationError, type WebhookRequest } from '@wamux/core/adapter';
import { D360, type D360WebhookSecret } from '../options';

/** How this provider authenticates webhooks. */
export interface WebhookAuth {
  secret: D360WebhookSecret | undefined;
  /** The app's explicit opt-out; only read without a secret. */
  allowUnauthenticated: boolean;
}

/**
 * 360dialog does not sign message webhooks with Meta's
 * `X-Hub-Signature-256` (it receives them from Meta and posts them again):
 * the proof of origin is a header the app sets in the webhook configuration,
 * which every delivery must carry, compared in constant time before the body
 * is read. Without a secret every delivery is refused with a
 * `ConfigurationError` naming `webhookSecret` (the handler answers 500, so
 * 360dialog redelivers once the app is fixed), unless the app opted out
 * with `allowUnauthenticatedWebhooks: true`.
 */
export function authenticateDelivery(request: Pick<WebhookRequest, 'headers'>, auth: WebhookAuth): void {
  const { secret } = auth;
  if (secret === undefined) {
    if (auth.allowUnauthenticated) return;
    throw new ConfigurationError(
      'webhookSecret',
      'is required to accept webhooks (360dialog signs no message webhook: set a secret header in the webhook configuration and name it here); set allowUnauthenticatedWebhooks: true to accept them unauthenticated',
      { provider: D360 },
    );
  }
  const provided = request.headers[secret.header];
  if (!constantTimeEqual(provided, secret.value)) {
    const reason = provided === undefined ? `the delivery has no ${secret.header} header` : `the ${secret.header} header does not match the configured secret`;
    throw new WebhookVerificationError(reason, { provider: D360, status: 401, secrets: [secret.value] });
  }
}

import { ConfigurationError, constantTimeEqual, WebhookVerificationError, type WebhookRequest } from '@wamux/core/adapter';
import { MESSAGING_API_PROVIDER, VERIFY_TOKEN_HEADER } from '../options';

/** How deliveries are authenticated, from the options. */
export interface WebhookAuth {
  verifyToken: string | undefined;
  /** The app's explicit opt-out; only read without a token. */
  allowUnauthenticatedWebhooks: boolean;
}

/**
 * Checks `x-verify-token` against the configured token in constant time,
 * before the body is read. Without a configured token every delivery is
 * refused with a `ConfigurationError` naming `verifyToken` (the handler
 * answers 500, so the vendor redelivers once the app is fixed), unless the
 * app opted out with `allowUnauthenticatedWebhooks: true`.
 */
export function verifyToken(request: WebhookRequest, auth: WebhookAuth): void {
  const expected = auth.verifyToken;
  if (expected === undefined) {
    if (auth.allowUnauthenticatedWebhooks) return;
    throw new ConfigurationError(
      'verifyToken',
      `is required to accept webhooks (the vendor sends it as ${VERIFY_TOKEN_HEADER}); set allowUnauthenticatedWebhooks: true to accept them unauthenticated`,
      { provider: MESSAGING_API_PROVIDER },
    );
  }
  if (!constantTimeEqual(request.headers[VERIFY_TOKEN_HEADER], expected)) {
    throw new WebhookVerificationError(`the ${VERIFY_TOKEN_HEADER} header is missing or does not match`, { provider: MESSAGING_API_PROVIDER, status: 401 });
  }
}

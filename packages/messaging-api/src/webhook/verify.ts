import { ConfigurationError, constantTimeEqual, WebhookVerificationError, type WebhookRequest } from '@wamux/core';
import { PROVIDER } from '../provider-name';

/** The header both inbound requests carry the app's token in. */
export const VERIFY_TOKEN_HEADER = 'x-verify-token';

/**
 * Checks `x-verify-token` against the configured token in constant time,
 * before the body is read. Without a configured token nothing is accepted:
 * an unverifiable webhook is refused, not trusted.
 */
export function verifyToken(request: WebhookRequest, expected: string | undefined): void {
  if (expected === undefined) {
    throw new ConfigurationError('verifyToken', 'is required to accept webhooks (the vendor sends it as x-verify-token)', { provider: PROVIDER });
  }
  if (!constantTimeEqual(request.headers[VERIFY_TOKEN_HEADER], expected)) {
    throw new WebhookVerificationError(`the ${VERIFY_TOKEN_HEADER} header is missing or does not match`, { provider: PROVIDER, status: 401 });
  }
}

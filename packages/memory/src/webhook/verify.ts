import { constantTimeEqual, hmacSha256Hex, WebhookVerificationError, type WebhookRequest } from '@wamux/core/adapter';
import { MEMORY_PROVIDER } from '../options';
import { SIGNATURE_HEADER } from '../wire/webhook';

/** Checks `x-memory-signature: sha256=<hex HMAC-SHA256 of the raw body>` in constant time, or throws `WebhookVerificationError` (401). */
export async function verifySignature(request: WebhookRequest, secret: string): Promise<void> {
  const expected = `sha256=${await hmacSha256Hex(secret, request.body)}`;
  if (!constantTimeEqual(request.headers[SIGNATURE_HEADER], expected)) {
    throw new WebhookVerificationError(`missing or wrong ${SIGNATURE_HEADER} signature`, { provider: MEMORY_PROVIDER, status: 401 });
  }
}

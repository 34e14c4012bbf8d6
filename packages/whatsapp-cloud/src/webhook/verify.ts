import { constantTimeEqual, hmacSha256Hex, WebhookVerificationError, type WebhookRequest } from '@wamux/core/adapter';

/** The header Meta signs every webhook delivery with: `sha256=<hex HMAC-SHA256 of the raw body, keyed with the app secret>`. */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/**
 * Checks a delivery's `X-Hub-Signature-256` against the HMAC-SHA256 of the
 * raw body keyed with the app secret, in constant time, before anything of
 * the body is parsed. Throws `WebhookVerificationError` (status 401) when
 * the header is missing or does not match; the error never carries the
 * secret, the expected signature or the one received.
 */
export async function verifySignature(request: Pick<WebhookRequest, 'headers' | 'body'>, appSecret: string, provider: string): Promise<void> {
  const header = request.headers[SIGNATURE_HEADER];
  if (header === undefined || header === '') {
    throw new WebhookVerificationError(`the delivery has no ${SIGNATURE_HEADER} header`, { provider, status: 401 });
  }
  const expected = `sha256=${await hmacSha256Hex(appSecret, request.body)}`;
  // Meta sends lower-case hex; a proxy that upper-cased it would not change the signature.
  const received = header
    .trim()
    .replace(/^sha256=/i, 'sha256=')
    .toLowerCase();
  if (!constantTimeEqual(received, expected)) {
    throw new WebhookVerificationError(`the ${SIGNATURE_HEADER} signature does not match the body (check the app secret)`, {
      provider,
      status: 401,
      secrets: [appSecret],
    });
  }
}

/** The `X-Hub-Signature-256` value Meta would send for `body` (emulators and tests). */
export async function signatureFor(body: string, appSecret: string): Promise<string> {
  return `sha256=${await hmacSha256Hex(appSecret, body)}`;
}

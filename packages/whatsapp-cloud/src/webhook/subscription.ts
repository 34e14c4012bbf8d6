import { constantTimeEqual, WebhookVerificationError, type WebhookReply, type WebhookRequest } from '@wamux/core/adapter';

/**
 * Answers Meta's subscription handshake: a `GET` with `hub.mode=subscribe`,
 * `hub.verify_token` and `hub.challenge`, answered with the challenge as
 * `text/plain` when the token is the one configured in the App Dashboard.
 *
 * Returns `undefined` for a request that is not a handshake (another
 * method, no `hub.mode`); throws `WebhookVerificationError` (status 403)
 * when the token does not match or the challenge is missing. The token
 * is compared in constant time and never put in the error.
 */
export function answerSubscription(request: Pick<WebhookRequest, 'method' | 'url'>, verifyToken: string, provider: string): WebhookReply | undefined {
  if (request.method.toUpperCase() !== 'GET') return undefined;
  let query: URLSearchParams;
  try {
    query = new URL(request.url, 'http://localhost').searchParams;
  } catch {
    return undefined;
  }
  const mode = query.get('hub.mode');
  if (mode === null) return undefined;
  if (mode !== 'subscribe') throw new WebhookVerificationError(`hub.mode must be "subscribe"`, { provider, status: 403 });
  if (!constantTimeEqual(query.get('hub.verify_token'), verifyToken)) {
    throw new WebhookVerificationError('hub.verify_token does not match the configured verify token', { provider, status: 403, secrets: [verifyToken] });
  }
  const challenge = query.get('hub.challenge');
  if (challenge === null || challenge === '') throw new WebhookVerificationError('the handshake has no hub.challenge', { provider, status: 400 });
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: challenge };
}

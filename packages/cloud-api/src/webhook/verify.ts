import { ConfigurationError, queryParam, type WebhookReply, type WebhookRequest } from '@wamux/core/adapter';
import { answerSubscription, verifySignature } from '@wamux/whatsapp-cloud';
import { CLOUD_API } from '../options';

/** How this provider authenticates webhooks. */
export interface WebhookAuth {
  appSecret: string | undefined;
  verifyToken: string | undefined;
  allowUnauthenticated: boolean;
}

/**
 * Checks a delivery's `X-Hub-Signature-256` with the app secret, before its
 * body is parsed. Without an app secret the app must have opted out
 * (`allowUnauthenticatedWebhooks`), else every delivery is refused with a
 * `ConfigurationError` naming `appSecret`.
 */
export async function authenticateDelivery(request: WebhookRequest, auth: WebhookAuth): Promise<void> {
  if (auth.appSecret !== undefined) return verifySignature(request, auth.appSecret, CLOUD_API);
  if (auth.allowUnauthenticated) return;
  throw new ConfigurationError(
    'appSecret',
    'is required to verify webhook signatures (X-Hub-Signature-256); pass allowUnauthenticatedWebhooks: true to accept unsigned deliveries in development',
    { provider: CLOUD_API },
  );
}

/**
 * Answers Meta's `GET` subscription handshake with the challenge, or
 * `undefined` when the request is not one. A handshake without a configured
 * `verifyToken` throws a `ConfigurationError` naming it.
 */
export function answerHandshake(request: WebhookRequest, auth: WebhookAuth): WebhookReply | undefined {
  if (auth.verifyToken !== undefined) return answerSubscription(request, auth.verifyToken, CLOUD_API);
  if (request.method.toUpperCase() !== 'GET' || queryParam(request, 'hub.mode') === undefined) return undefined;
  throw new ConfigurationError('verifyToken', 'is required to answer the webhook subscription handshake', { provider: CLOUD_API });
}

import { ConfigurationError, constantTimeEqual, queryParam, WebhookVerificationError, type WebhookRequest } from '@wamux/core/adapter';
import { GETCHAT } from '../options';

/** What a delivery must carry to be accepted. */
export interface WebhookVerification {
  /** The `auth` query parameter of the webhook URL (`https://you.example/hook?auth=<secret>`). */
  secret?: string | undefined;
  /** Headers configured on the WABA webhook (`headers`), by name. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** The app's explicit opt-out (`allowUnauthenticatedWebhooks`); only read when nothing above is configured. */
  allowUnauthenticated?: boolean | undefined;
}

/** Whether the options give anything to check a delivery against. */
export function hasWebhookCredentials(verification: WebhookVerification): boolean {
  return verification.secret !== undefined || Object.keys(verification.headers ?? {}).length > 0;
}

/**
 * Checks a delivery against the shared secret get.chat documents (a query
 * parameter of the webhook URL) and the headers configured on the webhook,
 * each compared in constant time. Throws `WebhookVerificationError` (401);
 * its message names what was wrong, never the expected value. With neither
 * configured, every delivery is refused with a `ConfigurationError` naming
 * `webhookSecret` (the handler answers 500, so get.chat redelivers once the
 * app is fixed), unless the app opted out with `allowUnauthenticatedWebhooks`.
 */
export function verifyDelivery(request: WebhookRequest, verification: WebhookVerification): void {
  if (!hasWebhookCredentials(verification)) {
    if (verification.allowUnauthenticated === true) return;
    throw new ConfigurationError(
      'webhookSecret',
      'is required to accept webhooks (the "auth" query parameter of the webhook URL; or configure webhookHeaders); set allowUnauthenticatedWebhooks: true to accept them unauthenticated',
      { provider: GETCHAT },
    );
  }
  if (verification.secret !== undefined && !constantTimeEqual(queryParam(request, 'auth'), verification.secret)) {
    throw new WebhookVerificationError('missing or wrong "auth" query parameter (the webhook URL\'s shared secret)', { provider: GETCHAT, status: 401 });
  }
  for (const [name, expected] of Object.entries(verification.headers ?? {})) {
    if (!constantTimeEqual(request.headers[name.toLowerCase()], expected)) {
      throw new WebhookVerificationError(`missing or wrong "${name}" header (configured on the WABA webhook)`, { provider: GETCHAT, status: 401 });
    }
  }
}

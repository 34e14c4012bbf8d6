import type { ProviderCapabilities } from '@wamux/core/adapter';
import { CLOUD_CAPABILITIES, cloudCapabilitiesFor } from '@wamux/whatsapp-cloud';

// The declared statuses are CLOUD_DELIVERY_STATUSES, the table map/status.ts re-exports.

/**
 * What the Cloud API adapter can do: the Cloud API's own capabilities. A
 * provider created without an `appSecret` reports the same minus
 * `webhooks.verify`; one without a `businessAccountId` still declares
 * `templates.list`, which then throws a `ConfigurationError` naming the option.
 */
export const cloudApiCapabilities: ProviderCapabilities = CLOUD_CAPABILITIES;

/** The capabilities of one provider instance: `webhooks.verify` only with an app secret to verify with. */
export function capabilitiesFor(verifiesWebhooks: boolean): ProviderCapabilities {
  return cloudCapabilitiesFor(verifiesWebhooks);
}

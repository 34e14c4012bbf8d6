import type { ProviderCapabilities } from '@wamux/core/adapter';
import { CLOUD_CAPABILITIES, cloudCapabilitiesFor } from '@wamux/whatsapp-cloud';

// The declared statuses are CLOUD_DELIVERY_STATUSES, the table map/status.ts re-exports.

/**
 * What the 360dialog adapter can do: the Cloud API's messages through
 * 360dialog's proxy, so the Cloud API's own capabilities. A provider created
 * without a `webhookSecret` reports the same minus `webhooks.verify`.
 */
export const d360Capabilities: ProviderCapabilities = CLOUD_CAPABILITIES;

/** The capabilities of one provider instance: `webhooks.verify` only with a secret header to check. */
export function capabilitiesFor(verifiesWebhooks: boolean): ProviderCapabilities {
  return cloudCapabilitiesFor(verifiesWebhooks);
}

import { SAMPLE_TEMPLATES } from '@wamux/emulator';
import { createCloudEmulatorState, type CloudEmulatorState } from '@wamux/whatsapp-cloud/emulation';

export type { InjectedMetaError, ReadMark } from '@wamux/whatsapp-cloud/emulation';

/** The number's webhook configuration: where deliveries go, and the headers added to each. */
export interface EmulatedWebhookConfig {
  url: string | undefined;
  headers: Record<string, string>;
}

/** Everything the emulator remembers: the shared Cloud API emulator state, and 360dialog's webhook configuration. */
export interface EmulatorState extends CloudEmulatorState {
  webhook: EmulatedWebhookConfig;
}

/** Creates the emulator's state: the sample templates seeded, the webhook configured as given. */
export function createState(webhook: EmulatedWebhookConfig): EmulatorState {
  // The same object, extended: the shared state's methods read and write it.
  return Object.assign(createCloudEmulatorState(SAMPLE_TEMPLATES), { webhook: { url: webhook.url, headers: { ...webhook.headers } } });
}

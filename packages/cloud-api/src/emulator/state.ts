import type { TemplateSeed } from '@wamux/emulator';
import { createCloudEmulatorState, type CloudEmulatorState } from '@wamux/whatsapp-cloud/emulation';

export type { InjectedMetaError, ReadMark } from '@wamux/whatsapp-cloud/emulation';

/** Everything the emulator remembers: the shared Cloud API emulator state. */
export type EmulatorState = CloudEmulatorState;

/** The templates a standalone emulator starts with: Meta's sample `hello_world`, and an order update with two parameters. */
export const SAMPLE_TEMPLATES: readonly TemplateSeed[] = [
  {
    id: '1192339204654487',
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    header: 'Hello World',
    body: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
    footer: 'WhatsApp Business Platform sample message',
  },
  { id: '1192339204654488', name: 'order_update', language: 'en', category: 'UTILITY', body: 'Hello {{1}}, your order {{2}} is on its way' },
];

/** Creates the emulator's state, with {@link SAMPLE_TEMPLATES} seeded. */
export function createState(): EmulatorState {
  return createCloudEmulatorState(SAMPLE_TEMPLATES);
}

// @wamux/getchat/emulator: a get.chat inbox on 127.0.0.1 for tests and demos:
// the Integration API (auth, messages, media, templates and every other
// section), `{count, next, previous, results}` pages, `before_time` /
// `since_time`, WABA webhook deliveries in both shapes, and the websockets
// protocol.

export {
  createGetchatEmulator,
  type GetchatEmulator,
  type GetchatEmulatorOptions,
  type SimulatedOutgoing,
  type SeededMessage,
} from './emulator';
export type { EmulatorCredentials as GetchatEmulatorCredentials } from './auth-routes';
export type { WebhookShape as GetchatWebhookShape } from './payloads';

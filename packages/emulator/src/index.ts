// @wamux/emulator: the toolkit every adapter's emulator is built on (a
// request handler with recorded requests and injectable faults, reachable
// in process through `fetch` or over HTTP on a port; simulated customers and
// signed webhook posts), and the vendor-neutral control surface the contract
// suite drives. It has no test-runner dependency, so an adapter can ship its
// emulator without pulling in the contract suite.
export * from './types';
export {
  createEmulatorHandler,
  type EmulatorHandler,
  type EmulatorHandlerOptions,
  type EmulatorOutcome,
  type EmulatorRequest,
  type EmulatorResponse,
  type EmulatorRoute,
  type IncomingEmulatorRequest,
} from './handler';
export { createEmulatorServer, PortInUseError, type EmulatorServer, type EmulatorServerOptions } from './server';
export { postWebhook } from './webhook';
export { idGenerator } from './ids';
export { SAMPLE_TEMPLATES } from './samples';
export { simulatedCustomer } from './customer';

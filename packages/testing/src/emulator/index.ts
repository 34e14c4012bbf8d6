// @wamux/testing/emulator: the toolkit every adapter's emulator is built on,
// and the vendor-neutral control surface the contract suite drives.
export * from './types';
export * from './server';
export { simulatedCustomer } from './customer';
export { createMemoryEmulator, type MemoryEmulator, type MemoryEmulatorOptions } from '../memory/emulator';

// @wamux/testing: the contract suite every adapter runs, and the in-memory
// reference provider. Emulators and their toolkit are in
// `@wamux/testing/emulator` (no jest needed there).
export { runProviderContract, expectNoSecret } from './contract/run-provider-contract';
export type { ContractProviderOptions, ContractSetup, ProviderContractOptions } from './contract/types';
export { CUSTOMER, MEDIA, RECIPIENT, TEMPLATE_SEED, inboundFixture, outboundFixture } from './contract/fixtures';
export { createMemoryProvider, memoryCapabilities, type MemoryProvider, type MemoryProviderOptions } from './memory';

// @wamux/testing: the contract suite every adapter runs, and the in-memory
// reference provider. Emulators and their toolkit are in
// `@wamux/testing/emulator` (no jest needed there).
export { runProviderContract, expectNoSecret } from './contract/run-provider-contract';
export { webhookEventIssues, WebhookEventSchema } from './contract/model-events';
export type { ContractProviderOptions, ContractSetup, ContractWebhookFixture, ProviderContractOptions } from './contract/types';
export { CUSTOMER, MEDIA, RECIPIENT, TEMPLATE_SEED, USERNAME_CUSTOMER, inboundFixture, outboundFixture } from './contract/fixtures';
export { createMemoryProvider, memoryCapabilities, type MemoryProvider, type MemoryProviderOptions } from './memory';
export { createFaultProxy, FAULT_KINDS, seededRandom, type FaultKind, type FaultProxy, type FaultProxyOptions, type FaultRecord } from './faults';
export { runStoreContract, type StoreContractOptions, type StoreContractSetup } from './stores';

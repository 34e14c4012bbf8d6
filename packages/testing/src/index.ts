// @wamux/testing: the contract suite every adapter runs, the store contract
// suite, and fault injection. Emulators are built on `@wamux/emulator`; the
// in-memory reference provider is `@wamux/memory`.
export { runProviderContract, expectNoSecret } from './contract/run-provider-contract';
export { webhookEventIssues, WebhookEventSchema } from './contract/model-events';
export type { ContractProviderOptions, ContractSetup, ContractWebhookFixture, ProviderContractOptions } from './contract/types';
export { CUSTOMER, MEDIA, RECIPIENT, TEMPLATE_SEED, USERNAME_CUSTOMER, inboundFixture, outboundFixture } from './contract/fixtures';
export { createFaultProxy, FAULT_KINDS, seededRandom, type FaultKind, type FaultProxy, type FaultProxyOptions, type FaultRecord } from './faults';
export { runStoreContract, type CustomerWindowStores, type StoreContractOptions, type StoreContractSetup } from './stores';

export { runStoreContract } from './run-store-contract';
export type { StoreContractOptions, StoreContractSetup } from './types';
export type { CustomerWindowStores } from './customer-window-contract';

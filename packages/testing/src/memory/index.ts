export { createMemoryProvider, memoryCapabilities, type MemoryProvider, type MemoryProviderOptions } from './provider';

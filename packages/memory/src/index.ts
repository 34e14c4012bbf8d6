export {
  createMemoryProvider,
  type InProcessMemoryOptions,
  type InProcessMemoryProvider,
  type MemoryFailure,
  type MemoryFailureCode,
  type MemoryInbound,
  type MemoryProvider,
  type MemoryTestControls,
} from './provider';
export { MEMORY_PROVIDER, type MemoryProviderName, type MemoryProviderOptions } from './options';
export { memoryCapabilities } from './capabilities';

import { runProviderContract } from '@wamux/testing';
import { createInProcessMemoryEmulator, createMemoryEmulator } from '@wamux/memory/emulator';
import { createMemoryProvider, memoryCapabilities } from '@wamux/memory';

runProviderContract({
  name: 'memory',
  capabilities: memoryCapabilities,
  async setup() {
    const emulator = await createMemoryEmulator();
    return {
      emulator,
      secrets: [emulator.apiKey, emulator.webhookSecret],
      createProvider: (options = {}) =>
        createMemoryProvider({
          baseUrl: emulator.url,
          apiKey: options.credentials === 'invalid' ? 'wrong-key-0000' : emulator.apiKey,
          webhookSecret: emulator.webhookSecret,
          allowInsecureHttp: true,
          timeout: options.timeout,
          retry: options.retry,
          rateLimit: options.rateLimit,
        }),
    };
  },
});

// The same suite in process: the emulator answers through the provider's
// `fetch`, no socket (what `createMemoryProvider()` with no options runs on).
// Webhooks are still posted over HTTP to the suite's receiver.
runProviderContract({
  name: 'memory',
  capabilities: memoryCapabilities,
  async setup() {
    const emulator = createInProcessMemoryEmulator();
    return {
      emulator,
      secrets: [emulator.apiKey, emulator.webhookSecret],
      createProvider: (options = {}) =>
        createMemoryProvider({
          baseUrl: emulator.url,
          apiKey: options.credentials === 'invalid' ? 'wrong-key-0000' : emulator.apiKey,
          webhookSecret: emulator.webhookSecret,
          fetch: emulator.fetch,
          timeout: options.timeout,
          retry: options.retry,
          rateLimit: options.rateLimit,
        }),
    };
  },
});

// The same suite against a narrow vendor: text and images by URL only, no
// optional features. Every undeclared type, kind, media form and feature
// must fail with UnsupportedFeatureError before any request.
const narrow = {
  outbound: ['text', 'image', 'interactive'],
  interactive: ['buttons'],
  mediaSources: ['url'],
  inbound: ['text', 'image'],
  statuses: ['delivered', 'read'],
  features: [],
} as const;

runProviderContract({
  name: 'memory',
  capabilities: narrow,
  async setup() {
    const emulator = await createMemoryEmulator();
    return {
      emulator,
      secrets: [emulator.apiKey, emulator.webhookSecret],
      createProvider: (options = {}) =>
        createMemoryProvider({
          baseUrl: emulator.url,
          apiKey: options.credentials === 'invalid' ? 'wrong-key-0000' : emulator.apiKey,
          allowInsecureHttp: true,
          capabilities: narrow,
          timeout: options.timeout,
          retry: options.retry,
          rateLimit: options.rateLimit,
        }),
    };
  },
});

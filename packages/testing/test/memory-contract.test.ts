import { runProviderContract } from '@wamux/testing';
import { createMemoryEmulator } from '@wamux/testing/emulator';
import { createMemoryProvider, memoryCapabilities } from '@wamux/testing';

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

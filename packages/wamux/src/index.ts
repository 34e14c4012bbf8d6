// wamux: one WhatsApp interface in front of many providers. Everything from
// @wamux/core, plus createProvider(config) that loads the adapter a config names.
export * from '@wamux/core';
export { createProvider, type CreateProviderOptions } from './create-provider';
export { resolveConfig, ProviderConfigSchema, type ProviderConfig, type Environment } from './config';
export { PROVIDER_NAMES, type ProviderName } from './registry';

// wamux: one WhatsApp interface in front of many providers. Everything from
// @wamux/core, plus createProvider(config) that loads the adapter a config names,
// and createRouter (@wamux/router): many providers as one.
export * from '@wamux/core';
export { createProvider, type CreateProviderOptions } from './create-provider';
export { resolveConfig, ProviderConfigSchema, type ProviderConfig, type Environment } from './config';
export { PROVIDER_NAMES, type ProviderName } from './registry';
export { isRouterConfig, type RouterConfig, type RouterMemberConfig } from './router-config';
export * from '@wamux/router';

import { INTERACTIVE_KINDS, MESSAGE_CONTENT_TYPES, OUTBOUND_MESSAGE_TYPES, PROVIDER_FEATURES, type ProviderCapabilities } from '@wamux/core/adapter';
import { EMITTED_STATUSES } from './map/status';

/**
 * Everything but live events (it has webhooks only), so the contract suite
 * exercises every check against the reference adapter.
 */
export const memoryCapabilities: ProviderCapabilities = {
  outbound: OUTBOUND_MESSAGE_TYPES,
  interactive: INTERACTIVE_KINDS,
  mediaSources: ['url', 'id', 'data'],
  inbound: MESSAGE_CONTENT_TYPES,
  statuses: EMITTED_STATUSES,
  features: PROVIDER_FEATURES.filter((feature) => feature !== 'events.live'),
};

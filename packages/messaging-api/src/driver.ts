import { paginate, type ProviderDriver, type Template } from '@wamux/core';
import { capabilitiesFor } from './capabilities';
import { toOutBoundMsg } from './mappers/outbound';
import { toTemplate } from './mappers/template';
import type { ConfigOperations } from './operations/config';
import { requireChannelId, type SendWire } from './operations/messages';
import type { ResolvedOptions } from './options';
import { PROVIDER, type MessagingApiName } from './provider-name';
import { createWebhookParser } from './webhook/parse';

/** What the driver is built from. */
export interface DriverParts {
  options: ResolvedOptions;
  sendWire: SendWire;
  config: ConfigOperations;
}

/** The adapter's implementation of the core contract. */
export function createDriver({ options, sendWire, config }: DriverParts): ProviderDriver<MessagingApiName> {
  return {
    specificationVersion: 'v1',
    name: PROVIDER,
    capabilities: capabilitiesFor(options.verifyToken !== undefined),

    async send(message, { signal }) {
      const channelId = requireChannelId(options.channelId);
      const { receipt: _receipt, ...result } = await sendWire(toOutBoundMsg(message, channelId), signal);
      return result;
    },

    parseWebhook: createWebhookParser(options),

    // The vendor answers with every template at once: one page.
    listTemplates({ limit, signal }) {
      return paginate<Template, never>({
        limit,
        signal,
        fetchPage: async (_cursor, pageSignal) => {
          const docs = await config.listTemplates({}, { signal: pageSignal });
          return { items: docs.map((doc) => toTemplate(doc, options.channelId)).filter((template) => template !== undefined) };
        },
      });
    },
  };
}

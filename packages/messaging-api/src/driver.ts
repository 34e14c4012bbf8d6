import { paginate, type ProviderDriver, type Template } from '@wamux/core/adapter';
import { capabilitiesFor } from './capabilities';
import { ENDPOINTS, type MessagingApiClient } from './client';
import { toOutBoundMsg } from './map/outbound';
import { toTemplate } from './map/template';
import { MESSAGING_API_PROVIDER, requireChannelId, type MessagingApiName, type ResolvedOptions } from './options';
import { createWebhookParser } from './webhook/parse';
import { HSMTemplateDocSchema } from './wire/config';

/** The adapter's implementation of the core contract: each method maps with map/ and calls the client. */
export function createDriver(client: MessagingApiClient, options: ResolvedOptions): ProviderDriver<MessagingApiName> {
  return {
    specificationVersion: 'v1',
    name: MESSAGING_API_PROVIDER,
    capabilities: capabilitiesFor(options.verifyToken !== undefined),

    async send(message, { signal }) {
      const channelId = requireChannelId(options.channelId);
      const { receipt: _receipt, ...result } = await client.send(toOutBoundMsg(message, channelId), signal);
      return result;
    },

    parseWebhook: createWebhookParser(options),

    // The vendor answers with every template at once: one page.
    listTemplates({ limit, signal }) {
      return paginate<Template, never>({
        limit,
        signal,
        fetchPage: async (_cursor, pageSignal) => {
          const docs = await client.list(HSMTemplateDocSchema, { method: 'GET', path: ENDPOINTS.templates, signal: pageSignal });
          return { items: docs.map((doc) => toTemplate(doc, options.channelId)).filter((template) => template !== undefined) };
        },
      });
    },
  };
}

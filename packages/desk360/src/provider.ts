import { defineProvider, parseInput, type Provider, type ProviderDriver } from '@wamux/core';
import * as v from 'valibot';
import { capabilitiesFor } from './capabilities';
import { DESK360 } from './constants';
import { createContext } from './context';
import { createSendTemplateBulk } from './driver/bulk';
import { createSend } from './driver/send';
import { createIntegrationOperations, type Desk360IntegrationOperations } from './operations/integrations';
import { createMessageOperations, type Desk360MessageOperations } from './operations/messages';
import { createTemplateDirectory } from './operations/template-directory';
import { createTemplateOperations, type Desk360TemplateOperations } from './operations/templates';
import { resolveOptions, type Desk360Options } from './options';
import { downloadDesk360Media } from './wire/media';
import { postReads } from './wire/requests';
import { listDesk360Templates } from './wire/template-list';
import { toTemplates } from './wire/templates';
import { parseDesk360Webhook } from './webhook/parse';
import { createSenderMemory } from './webhook/senders';

/** `listTemplates({ limit })`: a count. */
const ListLimitSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Desk360's own operations, grouped as the document's sections are. */
export interface Desk360Operations {
  /** Integrations: the account's WhatsApp numbers. */
  readonly integrations: Desk360IntegrationOperations;
  /** WhatsApp Message Templates: list, send, bulk send. */
  readonly templates: Desk360TemplateOperations;
  /** WhatsApp Messages: every send endpoint, read receipts, media download. */
  readonly messages: Desk360MessageOperations;
}

/** A Desk360 provider: the normalized `Provider` plus Desk360's own operations. */
export type Desk360Provider = Provider<'desk360'> & Desk360Operations;

/**
 * Creates a Desk360 provider.
 *
 * ```ts
 * const desk360 = createDesk360Provider({ apiKey: process.env.DESK360_API_KEY!, integrationId: 11 });
 * await desk360.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * for await (const template of desk360.templates.list()) console.log(template.name);
 * ```
 */
export function createDesk360Provider(options: Desk360Options): Desk360Provider {
  const config = resolveOptions(options);
  const ctx = createContext(config);
  const directory = createTemplateDirectory(ctx);
  const senders = createSenderMemory();
  const webhookAuth = { secret: config.webhookSecret, allowUnauthenticated: config.allowUnauthenticatedWebhooks };

  const driver: ProviderDriver<'desk360'> = {
    specificationVersion: 'v1',
    name: DESK360,
    capabilities: capabilitiesFor(config.webhookSecret !== undefined),
    send: createSend(ctx, directory),
    sendTemplateBulk: createSendTemplateBulk(ctx, directory),
    parseWebhook: async (request) => parseDesk360Webhook(request, { auth: webhookAuth, senders }),
    downloadMedia: (mediaId, callOptions) => downloadDesk360Media(ctx, mediaId, callOptions),
    async markRead(messageId, callOptions) {
      // Desk360 wants the customer's number too: known when the message came through this provider's webhook.
      await postReads(ctx, { to: senders.senderOf(messageId), messageIds: [messageId] }, callOptions);
    },
    async *listTemplates(listOptions) {
      const limit = listOptions.limit === undefined ? undefined : parseInput(ListLimitSchema, listOptions.limit, { root: 'options.limit', provider: DESK360 });
      if (limit === 0) return;
      let yielded = 0;
      for await (const template of listDesk360Templates(ctx, { signal: listOptions.signal })) {
        for (const normalized of toTemplates(template)) {
          yield normalized;
          yielded += 1;
          if (limit !== undefined && yielded >= limit) return;
        }
      }
    },
  };

  return defineProvider(driver, {
    integrations: createIntegrationOperations(ctx),
    templates: createTemplateOperations(ctx),
    messages: createMessageOperations(ctx),
  } satisfies Desk360Operations);
}

import {
  createRecentMap,
  isWamuxError,
  type BulkTemplateRequest,
  type BulkTemplateResult,
  type CallOptions,
  type OutboundMessage,
  type PhoneNumber,
  type ProviderDriver,
  type SendResult,
  type TemplateSpec,
} from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import { capabilitiesFor } from './capabilities';
import type { Desk360Client } from './client';
import { downloadDesk360Media, resolveMedia } from './client/media';
import {
  postContacts,
  postInteractive,
  postLocation,
  postLocationRequest,
  postMedia,
  postReads,
  postTemplate,
  postTemplateBulk,
  postText,
  type Desk360MessageSent,
} from './client/requests';
import { createTemplateDirectory, type TemplateDirectory } from './client/template-directory';
import { listDesk360Templates } from './client/templates';
import { checkTemplateLimits } from './map/limits';
import { checkFileKind, groupBulkRecipients, planSend, type SendPlan } from './map/outbound';
import { toTemplates } from './map/template';
import { DESK360, type Desk360Config } from './options';
import { parseDesk360Webhook } from './webhook/parse';

/** How many recent senders are remembered for `markRead` (oldest forgotten first). */
const SENDER_MEMORY = 10_000;

/**
 * The Desk360 driver: each method maps with map/ and calls the endpoint
 * through the client. The core has already validated the input and refused
 * what the capabilities do not declare.
 */
export function createDriver(client: Desk360Client, config: Desk360Config): ProviderDriver<typeof DESK360> {
  const templates = createTemplateDirectory(client);
  // Desk360's read receipt wants the customer's number besides the message
  // id; `markRead(messageId)` has only the id, so senders of messages that
  // came through this provider's webhook are remembered.
  const senders = createRecentMap<string, PhoneNumber>(SENDER_MEMORY);
  const webhookAuth = { secret: config.webhookSecret, allowUnauthenticated: config.allowUnauthenticatedWebhooks };

  return {
    specificationVersion: 'v1',
    name: DESK360,
    capabilities: capabilitiesFor(config.webhookSecret !== undefined),
    async send(message: OutboundMessage, options: CallOptions): Promise<SendResult> {
      const sent = await execute(client, templates, planSend(message), options);
      return { id: sent.messageId, rateLimit: sent.rateLimit, raw: sent.raw };
    },
    sendTemplateBulk: (request, options) => sendTemplateBulk(client, templates, request, options),
    async parseWebhook(request) {
      const result = parseDesk360Webhook(request, webhookAuth);
      for (const event of result.events) if (event.type === 'message') senders.set(event.message.id, event.message.from);
      return result;
    },
    downloadMedia: (mediaId, options) => downloadDesk360Media(client, mediaId, options),
    async markRead(messageId, options) {
      await postReads(client, { to: senders.get(messageId), messageIds: [messageId] }, options);
    },
    async *listTemplates(options) {
      // The core checks `limit` and stops after it; stopping closes the listing before its next page.
      for await (const template of listDesk360Templates(client, { signal: options.signal })) yield* toTemplates(template);
    },
  };
}

/** Sends a planned message: resolves its media or template ids first where it has them. */
function execute(client: Desk360Client, templates: TemplateDirectory, plan: SendPlan, options: CallOptions): Promise<Desk360MessageSent> {
  return match(plan)
    .with({ endpoint: 'text' }, (p) => postText(client, p.input, options))
    .with({ endpoint: 'medias' }, async (p) => {
      const file = await resolveMedia(client, p.media, { field: 'message.media', filename: p.filename }, options);
      checkFileKind(file, p.type);
      const sent = await postMedia(client, { to: p.to, attachments: [file] }, options);
      const first = sent.messages[0] as NonNullable<(typeof sent.messages)[number]>;
      return { messageId: first.messageId, rateLimit: sent.rateLimit, raw: sent.raw };
    })
    .with({ endpoint: 'location' }, (p) => postLocation(client, p.input, options))
    .with({ endpoint: 'contacts' }, (p) => postContacts(client, p.input, options))
    .with({ endpoint: 'interactive' }, (p) => postInteractive(client, p.input, options))
    .with({ endpoint: 'location_request' }, (p) => postLocationRequest(client, p.input, options))
    .with({ endpoint: 'template' }, async (p) => {
      const { templateId, languageId, attachment } = await resolveTemplate(client, templates, p.template, 'message.template', options);
      try {
        return await postTemplate(client, { templateId, languageId, to: p.to, parameters: p.parameters, attachment }, options);
      } catch (error) {
        // The cached listing may name a template that was deleted since.
        if (isWamuxError(error) && error.code === 'not_found') templates.invalidate();
        throw error;
      }
    })
    .exhaustive();
}

/** A template's Desk360 ids, and its header media as a file to upload. */
async function resolveTemplate(client: Desk360Client, templates: TemplateDirectory, template: TemplateSpec, field: string, options: CallOptions) {
  const resolved = await templates.resolve(template, field, options);
  const header = template.headerMedia;
  const attachment = header ? await resolveMedia(client, header.media, { field: `${field}.headerMedia.media`, filename: header.filename }, options) : undefined;
  return { templateId: resolved.templateId, languageId: resolved.languageId, attachment };
}

/**
 * The normalized `sendTemplateBulk()`: one Desk360 bulk call per group of
 * recipients sharing parameters. Groups go in order; an error stops the
 * rest and names how many numbers were already accepted.
 */
async function sendTemplateBulk(
  client: Desk360Client,
  templates: TemplateDirectory,
  request: BulkTemplateRequest,
  options: CallOptions,
): Promise<BulkTemplateResult> {
  checkTemplateLimits(request.template, 'request.template');
  const { templateId, languageId, attachment } = await resolveTemplate(client, templates, request.template, 'request.template', options);
  const accepted: PhoneNumber[] = [];
  const raw: unknown[] = [];
  for (const group of groupBulkRecipients(request)) {
    try {
      const sent = await postTemplateBulk(client, { templateId, languageId, destinations: group.phones, parameters: group.parameters, attachment }, options);
      accepted.push(...sent.phones);
      raw.push(sent.raw);
    } catch (error) {
      if (accepted.length > 0 && error instanceof Error) {
        error.message = `${error.message} (${DESK360} had already accepted ${accepted.length} of ${request.recipients.length} numbers in earlier bulk calls)`;
      }
      throw error;
    }
  }
  return { accepted: accepted.map((to) => ({ to })), raw: raw.length === 1 ? raw[0] : raw };
}

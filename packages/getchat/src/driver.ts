import { e164Digits, type MediaSource, type ProviderDriver } from '@wamux/core/adapter';
import { match, P } from 'ts-pattern';
import type { CloudMedia } from '@wamux/whatsapp-cloud';
import { capabilitiesFor } from './capabilities';
import type { GetchatClient } from './client';
import { listOperation } from './client/list';
import { downloadMediaFile, uploadMediaFile } from './client/media';
import { messageHistory, postCreateMessage } from './client/messages';
import { createReadMarker } from './client/read-marks';
import { historyMessageOf } from './map/history';
import { checkWhatsAppLimits } from './map/limits';
import { toCreateMessageBody } from './map/outbound';
import { templateFromGetchat } from './map/template';
import { GETCHAT, type ResolvedOptions } from './options';
import { parseGetchatWebhook, type TrustedRequests } from './webhook/parse';
import { hasWebhookCredentials, type WebhookVerification } from './webhook/verify';
import { TemplateWire } from './wire/templates';

/** What the driver is built from. */
/** What the driver needs besides the client and the options: the live connections' side of webhooks. */
export interface DriverExtras {
  /** Requests built from authenticated websocket frames (live/), which skip the shared-secret check. */
  trusted: TrustedRequests;
  /** Closes what the provider opened besides HTTP (live connections). */
  closeExtras(): Promise<void>;
}

/**
 * The get.chat driver: the wamux contract on get.chat's Integration API.
 * `send` checks WhatsApp's limits, uploads bytes, then calls createMessage;
 * `SendResult.id` is get.chat's id, which exists before WhatsApp's does and
 * which statuses carry as `getchat_id`.
 */
export function createDriver(client: GetchatClient, config: ResolvedOptions, { trusted, closeExtras }: DriverExtras): ProviderDriver<'getchat'> {
  const { ctx } = client;
  // What a webhook delivery must carry.
  const verification: WebhookVerification = {
    secret: config.webhookSecret,
    headers: config.webhookHeaders,
    allowUnauthenticated: config.allowUnauthenticatedWebhooks,
  };
  const readMarker = createReadMarker(ctx);

  return {
    specificationVersion: 'v1',
    name: GETCHAT,
    capabilities: capabilitiesFor(hasWebhookCredentials(verification)),

    async send(message, { signal }) {
      checkWhatsAppLimits(message);
      const resolveMedia = (source: MediaSource): Promise<CloudMedia> =>
        match(source)
          .with({ url: P.string }, (s) => Promise.resolve({ link: s.url }))
          .with({ id: P.string }, (s) => Promise.resolve({ id: s.id }))
          .with({ data: P._ }, async (s) => {
            // Bytes are stored in the inbox first. The document's outgoing
            // messages link to the inbox's own media URL, so this one does too.
            const uploaded = await uploadMediaFile(ctx, s, { signal });
            return uploaded.url ? { link: uploaded.url } : { id: uploaded.id };
          })
          .exhaustive();
      const body = await toCreateMessageBody(message, resolveMedia);
      const { created, rateLimit, raw } = await postCreateMessage(ctx, body, signal);
      return { id: created.getchatId, whatsappMessageId: created.whatsappMessageId, rateLimit, raw };
    },

    async parseWebhook(request) {
      const result = parseGetchatWebhook(request, verification, trusted);
      readMarker.rememberEvents(result.events);
      return result;
    },

    async uploadMedia(upload, { signal }) {
      const stored = await uploadMediaFile(ctx, upload, { signal });
      return { id: stored.id, raw: stored };
    },

    downloadMedia: (mediaId, { signal }) => downloadMediaFile(ctx, mediaId, { signal }),

    markRead: (messageId, { signal }) => readMarker.markRead(messageId, signal),

    async *listTemplates(options) {
      for await (const item of listOperation(ctx, 'listTemplates', { item: TemplateWire, options: { limit: options.limit, signal: options.signal } })) {
        yield templateFromGetchat(item);
      }
    },

    async *listMessages(query) {
      const contact = query.contact ?? query.conversationId;
      const walk = messageHistory(ctx, {
        waId: contact === undefined ? undefined : contact.startsWith('+') ? e164Digits(contact) : contact,
        before: query.before,
        since: query.since,
        order: query.order,
        signal: query.signal,
      });
      let yielded = 0;
      for await (const message of walk) {
        readMarker.rememberMessage(message);
        const history = historyMessageOf(message);
        if (!history) continue;
        yield history;
        yielded += 1;
        if (query.limit !== undefined && yielded >= query.limit) return;
      }
    },

    close: closeExtras,
  };
}

import type { MediaSource, ProviderDriver } from '@wamux/core/adapter';
import { capabilitiesFor } from './capabilities';
import type { D360Client } from './client';
import { downloadMedia, uploadMedia } from './client/media';
import { postMessage, postRead } from './client/messages';
import { listD360Templates } from './client/templates';
import { markReadRequest, mediaFromSource, toMessageRequest, type CloudMedia } from './map/outbound';
import { templateFromGraph } from './map/template';
import { D360, type D360Config } from './options';
import { parseDelivery } from './webhook/parse';
import type { WebhookAuth } from './webhook/verify';

/**
 * The 360dialog driver: sends Cloud API message requests through `POST
 * /messages` (bytes uploaded first), reads webhooks with the shared Cloud
 * API parser after checking the secret header. 360dialog has no
 * subscription handshake: `verifySubscription` answers `undefined`.
 */
export function createDriver(client: D360Client, config: D360Config): ProviderDriver<typeof D360> {
  const auth: WebhookAuth = { secret: config.webhookSecret, allowUnauthenticated: config.allowUnauthenticatedWebhooks };

  return {
    specificationVersion: 'v1',
    name: D360,
    capabilities: capabilitiesFor(config.webhookSecret !== undefined),
    async send(message, options) {
      const resolveMedia = async (source: MediaSource): Promise<CloudMedia> =>
        mediaFromSource(source) ?? { id: (await uploadMedia(client, source as Extract<MediaSource, { data: Uint8Array }>, options)).id };
      return postMessage(client, await toMessageRequest(message, resolveMedia, D360), options);
    },
    parseWebhook: async (request) => parseDelivery(request, auth),
    uploadMedia: (media, options) => uploadMedia(client, media, options),
    downloadMedia: (mediaId, options) => downloadMedia(client, mediaId, options),
    markRead: (messageId, options) => postRead(client, markReadRequest(messageId), options),
    async *listTemplates(options) {
      for await (const { template, raw } of listD360Templates(client, options)) yield templateFromGraph(template, raw);
    },
  };
}

import type { MediaSource, ProviderDriver } from '@wamux/core/adapter';
import { capabilitiesFor } from './capabilities';
import type { CloudApiClient } from './client';
import { downloadMedia, uploadMedia } from './client/media';
import { postMessage, postRead } from './client/messages';
import { listGraphTemplates } from './client/templates';
import { markReadRequest, mediaFromSource, toMessageRequest, type CloudMedia } from './map/outbound';
import { templateFromGraph } from './map/template';
import { CLOUD_API, type CloudApiConfig } from './options';
import { parseDelivery } from './webhook/parse';
import { answerHandshake, type WebhookAuth } from './webhook/verify';

/**
 * The Cloud API driver: sends through `POST /{phone-number-id}/messages`
 * (bytes uploaded first), reads webhooks with the shared Cloud API parser
 * after checking their signature, and answers Meta's subscription handshake.
 */
export function createDriver(client: CloudApiClient, config: CloudApiConfig): ProviderDriver<typeof CLOUD_API> {
  const auth: WebhookAuth = { appSecret: config.appSecret, verifyToken: config.verifyToken, allowUnauthenticated: config.allowUnauthenticatedWebhooks };

  return {
    specificationVersion: 'v1',
    name: CLOUD_API,
    capabilities: capabilitiesFor(config.appSecret !== undefined),
    async send(message, options) {
      const resolveMedia = async (source: MediaSource): Promise<CloudMedia> =>
        mediaFromSource(source) ?? { id: (await uploadMedia(client, source as Extract<MediaSource, { data: Uint8Array }>, options)).id };
      return postMessage(client, await toMessageRequest(message, resolveMedia, CLOUD_API), options);
    },
    parseWebhook: (request) => parseDelivery(request, auth),
    verifySubscription: (request) => answerHandshake(request, auth),
    uploadMedia: (media, options) => uploadMedia(client, media, options),
    downloadMedia: (mediaId, options) => downloadMedia(client, mediaId, options),
    markRead: (messageId, options) => postRead(client, markReadRequest(messageId), options),
    async *listTemplates(options) {
      for await (const { template, raw } of listGraphTemplates(client, options)) yield templateFromGraph(template, raw);
    },
  };
}

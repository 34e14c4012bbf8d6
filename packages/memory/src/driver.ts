import {
  paginate,
  toFormData,
  type HistoryMessage,
  type HttpClient,
  type ProviderCapabilities,
  type ProviderDriver,
  type ProviderFeature,
  type Template,
} from '@wamux/core/adapter';
import { PATHS } from './client';
import { toHistoryMessage } from './map/history';
import { toBulkRequest, toSendRequest } from './map/outbound';
import { toTemplate } from './map/template';
import { memoryCapabilities } from './capabilities';
import { MEMORY_PROVIDER, type MemoryProviderName, type ResolvedOptions } from './options';
import { parseDelivery } from './webhook/parse';
import { verifySignature } from './webhook/verify';
import { BulkAnswerSchema, HistoryPageSchema, IdSchema, TemplatePageSchema } from './wire/schemas';

/** The methods of the optional features, so a narrowed provider carries none it does not declare. */
const FEATURE_METHODS = [
  ['media.upload', 'uploadMedia'],
  ['media.download', 'downloadMedia'],
  ['messages.markRead', 'markRead'],
  ['messages.history', 'listMessages'],
  ['templates.list', 'listTemplates'],
  ['templates.bulkSend', 'sendTemplateBulk'],
] as const satisfies ReadonlyArray<readonly [ProviderFeature, string]>;

/** The memory driver: each method is one request through `http`, its body and answer translated by map/. */
export function createDriver(http: HttpClient, config: ResolvedOptions): ProviderDriver<MemoryProviderName> {
  const capabilities: ProviderCapabilities = config.capabilities ?? memoryCapabilities;
  const webhookSecret = config.webhookSecret;
  const driver: ProviderDriver<MemoryProviderName> = {
    specificationVersion: 'v1',
    name: MEMORY_PROVIDER,
    capabilities,

    async send(message, { signal }) {
      const res = await http.request({ method: 'POST', path: PATHS.messages, json: toSendRequest(message), schema: IdSchema, signal });
      return { id: res.data.id, rateLimit: res.rateLimit, raw: res.data };
    },

    async parseWebhook(request) {
      if (webhookSecret !== undefined) await verifySignature(request, webhookSecret);
      return parseDelivery(request, capabilities.statuses);
    },

    async uploadMedia(media, { signal }) {
      const res = await http.request({ method: 'POST', path: PATHS.media, form: toFormData({ file: media }), schema: IdSchema, signal });
      return { id: res.data.id, raw: res.data };
    },

    async downloadMedia(mediaId, { signal }) {
      const res = await http.request({ method: 'GET', path: PATHS.mediaItem(mediaId), responseType: 'bytes', signal });
      return { data: res.data, mimeType: res.headers.get('content-type') ?? 'application/octet-stream' };
    },

    async markRead(messageId, { signal }) {
      await http.request({ method: 'POST', path: PATHS.markRead(messageId), responseType: 'none', idempotent: true, signal });
    },

    listTemplates({ signal, limit }) {
      return paginate<Template, string>({
        signal,
        limit,
        fetchPage: async (cursor, pageSignal) => {
          const res = await http.request({ method: 'GET', path: PATHS.templates, query: { cursor }, schema: TemplatePageSchema, signal: pageSignal });
          return { items: res.data.items.map(toTemplate), next: res.data.next };
        },
      });
    },

    async sendTemplateBulk(request, { signal }) {
      const res = await http.request({ method: 'POST', path: PATHS.templatesBulk, json: toBulkRequest(request), schema: BulkAnswerSchema, signal });
      return { accepted: res.data.accepted, raw: res.data };
    },

    listMessages({ contact, before, since, order, signal, limit }) {
      return paginate<HistoryMessage, string>({
        signal,
        limit,
        key: (message) => message.id,
        fetchPage: async (cursor, pageSignal) => {
          const query = { contact, before: before?.toISOString(), since: since?.toISOString(), order, cursor };
          const res = await http.request({ method: 'GET', path: PATHS.messages, query, schema: HistoryPageSchema, signal: pageSignal });
          return { items: res.data.items.map(toHistoryMessage), next: res.data.next };
        },
      });
    },
  };
  for (const [feature, method] of FEATURE_METHODS) if (!capabilities.features.includes(feature)) delete driver[method];
  return driver;
}

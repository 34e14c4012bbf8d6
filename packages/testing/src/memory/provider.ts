import {
  checkBaseUrl,
  commonProviderOptionsEntries,
  constantTimeEqual,
  createHttpClient,
  defineProvider,
  hmacSha256Hex,
  InboundMessageSchema,
  MESSAGE_CONTENT_TYPES,
  MessageContentSchema,
  OUTBOUND_MESSAGE_TYPES,
  INTERACTIVE_KINDS,
  DELIVERY_STATUSES,
  PROVIDER_FEATURES,
  paginate,
  parseJsonBody,
  parseOptions,
  resolveRateLimiter,
  StatusUpdateSchema,
  templateVariables,
  toFormData,
  WebhookPayloadError,
  WebhookVerificationError,
  type CommonProviderOptions,
  type HistoryMessage,
  type Provider,
  type ProviderCapabilities,
  type ProviderDriver,
  type ProviderFeature,
  type Template,
  type WebhookEvent,
} from '@wamux/core';
import * as v from 'valibot';
import { SIGNATURE_HEADER, toWire } from './wire';

/** Options of {@link createMemoryProvider}. */
export interface MemoryProviderOptions extends CommonProviderOptions {
  /** The memory emulator's URL (`emulator.url`). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /** Verifies the `x-memory-signature` HMAC of webhook deliveries when set. */
  webhookSecret?: string | undefined;
  /** Allow a plain `http://` base URL (the emulator). */
  allowInsecureHttp?: boolean | undefined;
  /**
   * Narrows what the provider declares, to test how an app behaves against a
   * vendor that lacks a feature. Default: {@link memoryCapabilities}.
   */
  capabilities?: ProviderCapabilities | undefined;
}

const OptionsSchema = v.object({
  baseUrl: v.pipe(v.string(), v.nonEmpty('is required')),
  apiKey: v.pipe(v.string('is required'), v.nonEmpty('is required')),
  webhookSecret: v.optional(v.string()),
  allowInsecureHttp: v.optional(v.boolean()),
  capabilities: v.optional(v.custom<ProviderCapabilities>((value) => typeof value === 'object' && value !== null, 'must be a capabilities object')),
  ...commonProviderOptionsEntries,
});

/** Everything but live events (it has webhooks only), so the contract suite exercises every check. */
export const memoryCapabilities: ProviderCapabilities = {
  outbound: OUTBOUND_MESSAGE_TYPES,
  interactive: INTERACTIVE_KINDS,
  mediaSources: ['url', 'id', 'data'],
  inbound: MESSAGE_CONTENT_TYPES,
  statuses: DELIVERY_STATUSES,
  features: PROVIDER_FEATURES.filter((feature) => feature !== 'events.live'),
};

const IdSchema = v.object({ id: v.union([v.string(), v.pipe(v.number(), v.transform(String))]) });
const WireDate = v.pipe(v.union([v.string(), v.number()]), v.transform((value) => new Date(value)), v.date('must be a valid timestamp'));
/** A wire object whose `timestamp` (ISO string) becomes a Date before the model's schema checks it. */
const WireTimestamp = v.looseObject({ timestamp: v.optional(WireDate) });
const WebhookBodySchema = v.object({
  events: v.array(v.looseObject({ kind: v.string() })),
});
const TemplatePageSchema = v.object({
  items: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      language: v.string(),
      status: v.picklist(['approved', 'pending', 'rejected', 'paused', 'disabled', 'unknown']),
      category: v.optional(v.string()),
      header: v.optional(v.string()),
      body: v.optional(v.string()),
      footer: v.optional(v.string()),
    }),
  ),
  next: v.nullish(v.string()),
});
const HistoryPageSchema = v.object({
  items: v.array(
    v.object({
      id: v.string(),
      direction: v.picklist(['inbound', 'outbound']),
      contact: v.string(),
      timestamp: WireDate,
      content: MessageContentSchema,
    }),
  ),
  next: v.nullish(v.string()),
});

/** The in-memory reference provider: speaks the model as JSON to the memory emulator. */
export type MemoryProvider = Provider<'memory'>;

/**
 * Creates the reference provider. It exists to prove the contract suite and
 * to run the demo with no credentials; it is also the example to copy when
 * writing an adapter.
 */
export function createMemoryProvider(options: MemoryProviderOptions): MemoryProvider {
  const config = parseOptions(OptionsSchema, options, 'memory');
  const baseUrl = checkBaseUrl(config.baseUrl, { allowInsecure: config.allowInsecureHttp, provider: 'memory' });
  const http = createHttpClient({
    provider: 'memory',
    baseUrl,
    headers: () => ({ authorization: `Bearer ${config.apiKey}` }),
    secrets: () => [config.apiKey, config.webhookSecret ?? ''],
    fetch: config.fetch,
    timeout: config.timeout,
    retry: config.retry,
    rateLimiter: resolveRateLimiter(options.rateLimit, { requests: 100, interval: 1000, burst: 20 }),
    logger: config.logger,
    telemetry: config.telemetry,
    mapError: (failure) => {
      const body = v.safeParse(v.object({ error: v.object({ code: v.string(), message: v.string() }) }), failure.body);
      return body.success ? { vendorCode: body.output.error.code, message: body.output.error.message } : undefined;
    },
  });

  const capabilities = config.capabilities ?? memoryCapabilities;
  const has = (feature: ProviderFeature) => capabilities.features.includes(feature);
  const driver: ProviderDriver<'memory'> = {
    specificationVersion: 'v1',
    name: 'memory',
    capabilities,

    async send(message, { signal }) {
      const res = await http.request({ method: 'POST', path: '/messages', json: { message: toWire(message) }, schema: IdSchema, signal });
      return { id: res.data.id, rateLimit: res.rateLimit, raw: res.data };
    },

    async parseWebhook(request) {
      if (config.webhookSecret !== undefined) {
        const expected = `sha256=${await hmacSha256Hex(config.webhookSecret, request.body)}`;
        if (!constantTimeEqual(request.headers[SIGNATURE_HEADER], expected)) {
          throw new WebhookVerificationError(`missing or wrong ${SIGNATURE_HEADER} signature`, { provider: 'memory', status: 401 });
        }
      }
      const body = v.safeParse(WebhookBodySchema, parseJsonBody(request, 'memory'));
      if (!body.success) throw new WebhookPayloadError('the webhook body has no events array', { provider: 'memory', status: 400 });
      return { events: body.output.events.map(toEvent) };
    },

    async uploadMedia(media, { signal }) {
      const form = toFormData({ file: media });
      const res = await http.request({ method: 'POST', path: '/media', form, schema: IdSchema, signal });
      return { id: res.data.id, raw: res.data };
    },

    async downloadMedia(mediaId, { signal }) {
      const res = await http.request({ method: 'GET', path: `/media/${encodeURIComponent(mediaId)}`, responseType: 'bytes', signal });
      return { data: res.data, mimeType: res.headers.get('content-type') ?? 'application/octet-stream' };
    },

    async markRead(messageId, { signal }) {
      await http.request({ method: 'POST', path: `/messages/${encodeURIComponent(messageId)}/read`, responseType: 'none', idempotent: true, signal });
    },

    listTemplates({ signal, limit }) {
      return paginate<Template, string>({
        signal,
        limit,
        fetchPage: async (cursor, pageSignal) => {
          const res = await http.request({ method: 'GET', path: '/templates', query: { cursor }, schema: TemplatePageSchema, signal: pageSignal });
          return { items: res.data.items.map(toTemplate), next: res.data.next };
        },
      });
    },

    async sendTemplateBulk(request, { signal }) {
      const res = await http.request({
        method: 'POST',
        path: '/templates/bulk',
        json: toWire(request),
        schema: v.object({ accepted: v.array(v.object({ to: v.string(), id: v.optional(v.string()) })) }),
        signal,
      });
      return { accepted: res.data.accepted, raw: res.data };
    },

    listMessages({ contact, before, since, order, signal, limit }) {
      return paginate<HistoryMessage, string>({
        signal,
        limit,
        key: (message) => message.id,
        fetchPage: async (cursor, pageSignal) => {
          const res = await http.request({
            method: 'GET',
            path: '/messages',
            query: { contact, before: before?.toISOString(), since: since?.toISOString(), order, cursor },
            schema: HistoryPageSchema,
            signal: pageSignal,
          });
          return { items: res.data.items.map((item) => ({ ...item, raw: item })), next: res.data.next };
        },
      });
    },
  };

  // A narrowed provider must not carry methods for features it does not declare.
  for (const [feature, method] of [
    ['media.upload', 'uploadMedia'],
    ['media.download', 'downloadMedia'],
    ['messages.markRead', 'markRead'],
    ['messages.history', 'listMessages'],
    ['templates.list', 'listTemplates'],
    ['templates.bulkSend', 'sendTemplateBulk'],
  ] as const) {
    if (!has(feature)) delete driver[method];
  }
  return defineProvider(driver);
}

function toEvent(item: { kind: string } & Record<string, unknown>): WebhookEvent {
  if (item.kind === 'message') return { type: 'message', provider: 'memory', message: fromWire(InboundMessageSchema, item.message, 'message'), raw: item };
  if (item.kind === 'status') return { type: 'status', provider: 'memory', status: fromWire(StatusUpdateSchema, item.status, 'status'), raw: item };
  // Liberal: a kind this version does not know is kept, not dropped.
  return { type: 'provider_event', provider: 'memory', kind: item.kind, payload: item, raw: item };
}

/** A model object from the wire (its timestamp revived), or `WebhookPayloadError` naming the field at fault. */
function fromWire<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, field: string): v.InferOutput<TSchema> {
  const stamped = v.safeParse(WireTimestamp, value);
  const result = stamped.success ? v.safeParse(schema, { ...stamped.output, timestamp: stamped.output.timestamp }) : stamped;
  if (result.success) return result.output as v.InferOutput<TSchema>;
  const issue = result.issues[0];
  const path = [`events.${field}`, v.getDotPath(issue)].filter(Boolean).join('.');
  throw new WebhookPayloadError(`${path}: ${issue.message.replace(/,?\s*but received [\s\S]*$/, '')}`, { provider: 'memory', status: 400, field: path });
}

function toTemplate(item: v.InferOutput<typeof TemplatePageSchema>['items'][number]): Template {
  return {
    id: item.id,
    name: item.name,
    language: item.language,
    status: item.status,
    vendorStatus: item.status,
    category: item.category,
    header: item.header === undefined ? undefined : { format: 'text', text: item.header },
    body: item.body,
    footer: item.footer,
    variables: [...templateVariables('header', item.header), ...templateVariables('body', item.body)],
    raw: item,
  };
}

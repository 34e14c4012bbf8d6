import { parseInput, ValidationError, type CallOptions } from '@wamux/core/adapter';
import { ENDPOINTS, type MessagingApiClient } from '../client';
import { MESSAGING_API_PROVIDER, type ResolvedOptions } from '../options';
import {
  ClientAppSchema,
  CompanyVarsConfigDocSchema,
  GlobalVarsQuerySchema,
  HSMTemplateDocSchema,
  ListChannelsQuerySchema,
  ListTemplatesQuerySchema,
  MsgChannelSchema,
  WebhookUrlRequestSchema,
  type ClientApp,
  type CompanyVarsConfigDoc,
  type GlobalVarsQuery,
  type HSMTemplateDoc,
  type ListChannelsQuery,
  type ListTemplatesQuery,
  type MsgChannel,
  type WebhookUrlRequest,
} from '../wire/config';

/** Configuration management: channels, global variables, HSM templates, the webhook URL. */
export interface ConfigOperations {
  /** `GET /config/channels`: the configured channels (their `channelId` is what messages are sent from). */
  listChannels(query?: ListChannelsQuery, options?: CallOptions): Promise<MsgChannel[]>;
  /** `GET /config/global/vars`: the global variables, optionally of one channel. */
  globalVars(query?: GlobalVarsQuery, options?: CallOptions): Promise<CompanyVarsConfigDoc[]>;
  /**
   * `GET /config/tmpl/hsm`: the HSM templates as the vendor describes them,
   * optionally only those approved for a channel. `provider.listTemplates()`
   * gives the same templates in the normalized model.
   */
  listTemplates(query?: ListTemplatesQuery, options?: CallOptions): Promise<HSMTemplateDoc[]>;
  /** `POST /config/webhook`: sets the URL the vendor posts inbound requests to (HTTPS). */
  setWebhook(request: WebhookUrlRequest, options?: CallOptions): Promise<ClientApp | undefined>;
}

/** Creates the `config` operations. */
export function createConfigOperations(client: MessagingApiClient, options: ResolvedOptions): ConfigOperations {
  return {
    async listChannels(query, { signal } = {}) {
      const { sandbox } = parseInput(ListChannelsQuerySchema, query ?? {}, { root: 'query', provider: MESSAGING_API_PROVIDER });
      // The prose says `sandbox=true`, the parameter table spells it
      // `sabdnox`: both are sent, so either reading of the server works.
      const flags = sandbox === undefined ? {} : { sandbox, sabdnox: sandbox };
      return client.list(MsgChannelSchema, { method: 'GET', path: ENDPOINTS.channels, query: flags, signal });
    },

    async globalVars(query, { signal } = {}) {
      const valid = parseInput(GlobalVarsQuerySchema, query ?? {}, { root: 'query', provider: MESSAGING_API_PROVIDER });
      return client.list(CompanyVarsConfigDocSchema, { method: 'GET', path: ENDPOINTS.globalVars, query: valid, signal });
    },

    async listTemplates(query, { signal } = {}) {
      const valid = parseInput(ListTemplatesQuerySchema, query ?? {}, { root: 'query', provider: MESSAGING_API_PROVIDER });
      return client.list(HSMTemplateDocSchema, { method: 'GET', path: ENDPOINTS.templates, query: valid, signal });
    },

    async setWebhook(request, { signal } = {}) {
      const valid = parseInput(WebhookUrlRequestSchema, request, { root: 'request', provider: MESSAGING_API_PROVIDER });
      if (!valid.url.toLowerCase().startsWith('https://') && !options.allowInsecureHttp) {
        throw new ValidationError([{ path: 'request.url', message: 'must be an https URL: the vendor only calls HTTPS webhooks' }], {
          provider: MESSAGING_API_PROVIDER,
        });
      }
      // Setting the same URL twice is harmless, so a failed attempt may be repeated.
      return client.one(ClientAppSchema, { method: 'POST', path: ENDPOINTS.webhook, json: valid, idempotent: true, signal });
    },
  };
}

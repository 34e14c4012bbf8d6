import * as v from 'valibot';
import type { GetchatContext } from '../client';
import { WabaWebhookWire, type GetchatWabaWebhook } from '../wire/webhooks';
import { callOperation, callOperationIgnoringBody } from '../client/call';
import { IntIdInput, parseArgs, requestSignal, type RequestOptions } from '../map/input';
import { PlainListOptionsInput } from './shared/plain-list';
import { listOperation, type ListOptions } from '../client/list';

/** Fields of `webhooks.create` and `webhooks.update`. */
export interface GetchatWabaWebhookInput {
  /** Where to POST events. Use https. */
  url: string;
  /**
   * A shared secret, added to `url` as `?auth=<secret>` (the document's way
   * to authenticate deliveries). Pass the same value as the provider's
   * `webhookSecret` option so `parseWebhook` checks it.
   */
  sharedSecret?: string | undefined;
  onIncomingMessage?: boolean | undefined;
  onOutgoingMessage?: boolean | undefined;
  /** Set this for bots: chats assigned to the user and their new messages. */
  onAssigned?: boolean | undefined;
  /** Headers get.chat adds to every call, e.g. `{ Authorization: 'Token ...' }`. */
  headers?: Record<string, string> | undefined;
}

const HeaderName = v.pipe(v.string(), v.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be a header name'));
const WebhookInput = v.strictObject({
  url: v.pipe(v.string('must be a string'), v.url('must be an absolute URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL')),
  sharedSecret: v.optional(v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))),
  onIncomingMessage: v.optional(v.boolean('must be a boolean')),
  onOutgoingMessage: v.optional(v.boolean('must be a boolean')),
  onAssigned: v.optional(v.boolean('must be a boolean')),
  headers: v.optional(v.record(HeaderName, v.string('must be a string'), 'must be an object of header names and values')),
});

/** The wire body; the shared secret becomes the URL's `auth` query parameter. */
function webhookBody(input: v.InferOutput<typeof WebhookInput>) {
  const url = new URL(input.url);
  if (input.sharedSecret !== undefined) url.searchParams.set('auth', input.sharedSecret);
  return {
    url: url.toString(),
    on_incoming_message: input.onIncomingMessage,
    on_outgoing_message: input.onOutgoingMessage,
    on_assigned: input.onAssigned,
    headers: input.headers,
  };
}

/** WABA webhooks: per-user copies of WhatsApp's webhook, plus get.chat's extension events. */
export interface GetchatWebhooksOperations {
  /** `listWabaWebhooks` (`GET /webhooks/waba/`): admins see everyone's, others their own. */
  list(options?: ListOptions): AsyncGenerator<GetchatWabaWebhook, void, undefined>;
  /**
   * `createWabaWebhook` (`POST /webhooks/waba/`): a webhook for the
   * authenticated user; events flow from the next WhatsApp webhook on.
   */
  create(webhook: GetchatWabaWebhookInput, options?: RequestOptions): Promise<GetchatWabaWebhook>;
  /**
   * `retrieveWabaWebhook` (`GET /webhooks/waba/{id}/`, path inferred).
   * @experimental The path of `retrieveWabaWebhook` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  retrieve(id: number, options?: RequestOptions): Promise<GetchatWabaWebhook>;
  /**
   * `updateWabaWebhook` (`PUT /webhooks/waba/{id}/`, path inferred): replaces the configuration.
   * @experimental The path of `updateWabaWebhook` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  update(id: number, webhook: GetchatWabaWebhookInput, options?: RequestOptions): Promise<GetchatWabaWebhook>;
  /**
   * `deleteWabaWebhook` (`DELETE /webhooks/waba/{id}/`, path inferred): deletes it permanently.
   * @experimental The path of `deleteWabaWebhook` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  delete(id: number, options?: RequestOptions): Promise<void>;
  /**
   * `testWabaWebhook` (`POST /webhooks/waba/{id}/test/`, path inferred): get.chat POSTs a mock `statuses` event to it.
   * @experimental The path of `testWabaWebhook` is inferred (no public source): override it with the `paths` option if your inbox answers 404.
   */
  test(id: number, options?: RequestOptions): Promise<void>;
}

/** Creates the `webhooks` namespace. */
export function createWebhooksOperations(ctx: GetchatContext): GetchatWebhooksOperations {
  return {
    list(options) {
      return listOperation(ctx, 'listWabaWebhooks', { item: WabaWebhookWire, options: parseArgs(PlainListOptionsInput, options, 'options') });
    },

    async create(webhook, options) {
      const input = parseArgs(WebhookInput, webhook, 'webhook');
      return callOperation(ctx, 'createWabaWebhook', { json: webhookBody(input), schema: WabaWebhookWire, signal: requestSignal(options) });
    },

    async retrieve(id, options) {
      const webhookId = parseArgs(IntIdInput, id, 'id');
      return callOperation(ctx, 'retrieveWabaWebhook', { params: { id: webhookId }, schema: WabaWebhookWire, signal: requestSignal(options) });
    },

    async update(id, webhook, options) {
      const webhookId = parseArgs(IntIdInput, id, 'id');
      const input = parseArgs(WebhookInput, webhook, 'webhook');
      return callOperation(ctx, 'updateWabaWebhook', {
        params: { id: webhookId },
        json: webhookBody(input),
        schema: WabaWebhookWire,
        signal: requestSignal(options),
      });
    },

    async delete(id, options) {
      const webhookId = parseArgs(IntIdInput, id, 'id');
      await callOperationIgnoringBody(ctx, 'deleteWabaWebhook', { params: { id: webhookId }, signal: requestSignal(options) });
    },

    async test(id, options) {
      const webhookId = parseArgs(IntIdInput, id, 'id');
      await callOperationIgnoringBody(ctx, 'testWabaWebhook', { params: { id: webhookId }, json: {}, signal: requestSignal(options) });
    },
  };
}

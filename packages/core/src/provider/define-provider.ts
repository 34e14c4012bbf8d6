import { UnsupportedFeatureError } from '../errors/classes';
import { withDelivery } from '../errors/delivery';
import { isBsuid } from '../model/customer';
import { mediaSourceKind, MediaBytesSchema, type MediaSource } from '../model/media';
import { BulkTemplateRequestSchema, OutboundMessageSchema, type OutboundMessage } from '../model/outbound';
import { NonEmptyStringSchema, parseInput } from '../model/validate';
import type { ProviderFeature } from './capabilities';
import type { CallOptions, HistoryQuery, ListOptions, Provider, ProviderDriver } from './contract';
import { SPECIFICATION_VERSION } from './contract';

const FEATURE_METHODS = {
  'media.upload': 'uploadMedia',
  'media.download': 'downloadMedia',
  'messages.markRead': 'markRead',
  'messages.history': 'listMessages',
  'templates.list': 'listTemplates',
  'templates.bulkSend': 'sendTemplateBulk',
} as const satisfies Partial<Record<ProviderFeature, keyof ProviderDriver>>;

/**
 * Turns an adapter's {@link ProviderDriver} into the {@link Provider} apps
 * use: outbound input is validated against the model, and every call the
 * driver's capabilities do not declare throws `UnsupportedFeatureError`
 * before any network I/O. Extra vendor operations (`extras`) are kept on the
 * returned object for adapter-level imports.
 *
 * Every error `send` and `sendTemplateBulk` throw has `delivery`: the
 * refusals before I/O are `not_sent`, an error of the driver keeps the
 * outcome the HTTP path gave it, and one without any (a driver's own
 * failure after its request went out, a bug) is `unknown`, the answer that
 * never leads to a message sent twice.
 */
export function defineProvider<Name extends string, Extras extends object = object>(
  driver: ProviderDriver<Name>,
  extras?: Extras,
): Provider<Name> & Extras {
  if (driver.specificationVersion !== SPECIFICATION_VERSION) {
    throw new TypeError(`${driver.name} implements contract ${String(driver.specificationVersion)}; this core implements ${SPECIFICATION_VERSION}`);
  }
  const caps = driver.capabilities;
  for (const [feature, method] of Object.entries(FEATURE_METHODS)) {
    const declared = caps.features.includes(feature as ProviderFeature);
    const implemented = typeof driver[method] === 'function';
    if (declared !== implemented) {
      throw new TypeError(
        `${driver.name}: capability "${feature}" is ${declared ? 'declared but' : 'not declared yet'} ${method}() is ${implemented ? 'implemented' : 'missing'}`,
      );
    }
  }
  const provider = driver.name;
  const unsupported = (feature: string): never => {
    throw new UnsupportedFeatureError(feature, { provider });
  };
  const require = <K extends keyof typeof FEATURE_METHODS>(feature: K): NonNullable<ProviderDriver[(typeof FEATURE_METHODS)[K]]> => {
    const method = driver[FEATURE_METHODS[feature]];
    if (!caps.features.includes(feature) || typeof method !== 'function') return unsupported(feature);
    return method.bind(driver) as NonNullable<ProviderDriver[(typeof FEATURE_METHODS)[K]]>;
  };
  const checkMedia = (source: MediaSource, field: string) => {
    const kind = mediaSourceKind(source);
    if (!caps.mediaSources.includes(kind)) unsupported(`media given as { ${kind} } (${field})`);
  };
  // A BSUID is refused where the vendor cannot address one, rather than sent where a phone number goes.
  const checkRecipient = (to: string, field: string) => {
    if (isBsuid(to) && !caps.features.includes('recipients.bsuid')) unsupported(`sending to a business-scoped user ID (${field})`);
  };
  const checkSupported = (message: OutboundMessage) => {
    if (!caps.outbound.includes(message.type)) unsupported(`${message.type} messages`);
    checkRecipient(message.to, 'message.to');
    if (message.type !== 'reaction' && message.replyTo !== undefined && !caps.features.includes('messages.replyTo')) {
      unsupported('replyTo (quoted replies)');
    }
    // A switch rather than ts-pattern's match: this runs on every send, and
    // match builds its pattern objects on every call.
    switch (message.type) {
      case 'interactive': {
        const { interactive } = message;
        if (!caps.interactive.includes(interactive.kind)) unsupported(`interactive ${interactive.kind} messages`);
        if (interactive.kind !== 'location_request' && interactive.footer !== undefined && interactive.footer !== '' && !caps.features.includes('interactive.footer')) {
          unsupported('interactive footers (message.interactive.footer)');
        }
        if (interactive.kind === 'buttons' && interactive.header && 'media' in interactive.header) {
          checkMedia(interactive.header.media, 'message.interactive.header.media');
        }
        return;
      }
      case 'template':
        if (message.template.headerMedia) checkMedia(message.template.headerMedia.media, 'message.template.headerMedia.media');
        return;
      case 'image':
      case 'video':
      case 'audio':
      case 'document':
      case 'sticker':
        checkMedia(message.media, 'message.media');
        if (message.caption !== undefined && message.caption !== '' && !caps.features.includes('media.captions')) unsupported('media captions (message.caption)');
        return;
      case 'text':
        if (message.previewUrl === true && !caps.features.includes('messages.linkPreview')) unsupported('link previews (message.previewUrl)');
        return;
      case 'location':
      case 'contacts':
      case 'reaction':
        return;
      default:
        return unknownType(message);
    }
  };
  const opts = (options?: CallOptions): CallOptions => options ?? {};
  const settled = (error: unknown): unknown => withDelivery(error, 'unknown', { keep: true });

  const base: Provider<Name> = {
    specificationVersion: SPECIFICATION_VERSION,
    name: driver.name,
    capabilities: caps,
    async send(message, options) {
      const valid = parseInput(OutboundMessageSchema, message, { root: 'message', provider });
      checkSupported(valid);
      try {
        return await driver.send(valid, opts(options));
      } catch (error) {
        throw settled(error);
      }
    },
    parseWebhook: (request) => driver.parseWebhook(request),
    async uploadMedia(media, options) {
      const upload = require('media.upload');
      return upload(parseInput(MediaBytesSchema, media, { root: 'media', provider }), opts(options));
    },
    async downloadMedia(mediaId, options) {
      const download = require('media.download');
      return download(parseInput(NonEmptyStringSchema, mediaId, { root: 'mediaId', provider }), opts(options));
    },
    async markRead(messageId, options) {
      const mark = require('messages.markRead');
      return mark(parseInput(NonEmptyStringSchema, messageId, { root: 'messageId', provider }), opts(options));
    },
    listTemplates(options?: ListOptions) {
      return require('templates.list')(options ?? {});
    },
    async sendTemplateBulk(request, options) {
      const bulk = require('templates.bulkSend');
      const valid = parseInput(BulkTemplateRequestSchema, request, { root: 'request', provider });
      valid.recipients.forEach((recipient, index) => checkRecipient(recipient.to, `request.recipients.${index}.to`));
      try {
        return await bulk(valid, opts(options));
      } catch (error) {
        throw settled(error);
      }
    },
    listMessages(query?: HistoryQuery) {
      return require('messages.history')(query ?? {});
    },
    async close() {
      await driver.close?.();
    },
  };
  for (const key of Object.keys(extras ?? {})) {
    if (key in base) throw new TypeError(`${driver.name}: the vendor operation "${key}" would replace the contract's ${key}`);
  }
  return Object.assign(base, extras);
}

/** Makes the `switch` exhaustive: a message type added to the model fails to compile here. */
function unknownType(message: never): never {
  throw new TypeError(`unknown message type ${String((message as { type?: unknown }).type)}`);
}

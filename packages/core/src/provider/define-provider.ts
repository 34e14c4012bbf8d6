import { UnsupportedFeatureError } from '../errors/classes';
import { withDelivery } from '../errors/delivery';
import { MediaBytesSchema } from '../model/media';
import { BulkTemplateRequestSchema } from '../model/outbound';
import { NonEmptyStringSchema, parseInput } from '../model/validate';
import { traceSend } from '../telemetry/send-span';
import type { ProviderFeature } from './capabilities';
import { checkOutbound, checkRecipient } from './check-outbound';
import type { CallOptions, HistoryQuery, ListOptions, Provider, ProviderDriver } from './contract';
import { SPECIFICATION_VERSION } from './contract';
import { listedMessages, listedTemplates } from './list-input';
import { createWhatsAppLimits } from '../whatsapp-limits/whatsapp-limits';
import type { WhatsAppLimitsOption } from '../whatsapp-limits/options';

/** What `defineProvider` applies around the driver besides the contract. */
export interface DefineProviderOptions {
  /** WhatsApp's own limits (throughput, pair rate, customer service window): the app's `whatsappLimits` option, passed through. */
  whatsappLimits?: WhatsAppLimitsOption | undefined;
  /** The adapter's sending identity (Meta's phone number id...): keys the limits when the app gave no `whatsappLimits.phoneNumber`. */
  sender?: string | undefined;
}

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
 *
 * List calls are checked and bounded here, not in drivers: a bad `limit`
 * (or any other list option) is a `ValidationError` naming
 * `options.limit` / `query.limit` before any I/O, `limit: 0` lists nothing,
 * iteration stops after `limit` items, and an aborted signal rejects with
 * `AbortError`.
 *
 * With `settings.whatsappLimits`, `send` waits for (or is refused by)
 * WhatsApp's limits before the driver is called, and `parseWebhook` feeds
 * them: see docs/whatsapp-limits.md.
 */
export function defineProvider<Name extends string, Extras extends object = object>(
  driver: ProviderDriver<Name>,
  extras?: Extras,
  settings: DefineProviderOptions = {},
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
  const limits = createWhatsAppLimits(settings.whatsappLimits, { provider, sender: settings.sender });
  const unsupported = (feature: string): never => {
    throw new UnsupportedFeatureError(feature, { provider });
  };
  const require = <K extends keyof typeof FEATURE_METHODS>(feature: K): NonNullable<ProviderDriver[(typeof FEATURE_METHODS)[K]]> => {
    const method = driver[FEATURE_METHODS[feature]];
    if (!caps.features.includes(feature) || typeof method !== 'function') return unsupported(feature);
    return method.bind(driver) as NonNullable<ProviderDriver[(typeof FEATURE_METHODS)[K]]>;
  };
  const opts = (options?: CallOptions): CallOptions => options ?? {};
  const settled = (error: unknown): unknown => withDelivery(error, 'unknown', { keep: true });

  const base: Provider<Name> = {
    specificationVersion: SPECIFICATION_VERSION,
    name: driver.name,
    capabilities: caps,
    send(message, callOptions) {
      // One span and one count per send, refusals before I/O included (`not_sent`).
      return traceSend(provider, message, async () => {
        const valid = checkOutbound(message, caps, provider);
        await limits?.beforeSend(valid, callOptions?.signal);
        try {
          return await driver.send(valid, opts(callOptions));
        } catch (error) {
          throw settled(error);
        }
      });
    },
    async parseWebhook(request) {
      const result = await driver.parseWebhook(request);
      await limits?.observe(result);
      return result;
    },
    verifySubscription: (request) => driver.verifySubscription?.(request),
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
    listTemplates(listOptions?: ListOptions) {
      return listedTemplates(require('templates.list'), listOptions, provider);
    },
    async sendTemplateBulk(request, options) {
      const bulk = require('templates.bulkSend');
      const valid = parseInput(BulkTemplateRequestSchema, request, { root: 'request', provider });
      valid.recipients.forEach((recipient, index) => {
        checkRecipient(recipient.to, `request.recipients.${index}.to`, caps, provider);
      });
      try {
        return await bulk(valid, opts(options));
      } catch (error) {
        throw settled(error);
      }
    },
    listMessages(query?: HistoryQuery) {
      return listedMessages(require('messages.history'), query, provider);
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

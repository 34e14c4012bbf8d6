import { defineProvider, type Provider } from '@wamux/core/adapter';
import { createClient } from './client';
import { checkPathOverrides, type GetchatPathOverrides } from './client/paths';
import { createDriver } from './driver';
import { createGetchatLive, type GetchatLive } from './live';
import { createOperations, type GetchatOperations } from './operations';
import { resolveOptions, type GetchatOptionsOf } from './options';
import { createTrustedRequests } from './webhook/parse';

/** Options of `createGetchatProvider`; `paths` is keyed by the path table's operation names. */
export type GetchatOptions = GetchatOptionsOf<GetchatPathOverrides>;

/**
 * The get.chat provider: the wamux `Provider` contract, every typed get.chat
 * operation grouped by the document's sections (`getchat.chats.list()`,
 * `getchat.templates.create()`...), and live events over get.chat's
 * websockets server (`getchat.live.connect()`).
 */
export type GetchatProvider = Provider<'getchat'> & GetchatOperations & { readonly live: GetchatLive };

/**
 * Creates a get.chat (360dialog inbox) provider.
 *
 * ```ts
 * const getchat = createGetchatProvider({ stack: 'acme', token: process.env.GETCHAT_TOKEN! });
 * await getchat.send({ type: 'text', to: '+905551112233', text: 'Hello' });
 * for await (const chat of getchat.chats.list({ assignedToMe: true })) console.log(chat.waId);
 * ```
 *
 * Throws `ConfigurationError` naming the option at fault (`paths.<name>`
 * for an override of an operation the table does not have).
 */
export function createGetchatProvider(options: GetchatOptions): GetchatProvider {
  const config = resolveOptions(options);
  const client = createClient(config, checkPathOverrides(config.paths));
  const trusted = createTrustedRequests();
  const { live, closeAll } = createGetchatLive({
    client,
    websocketUrl: config.websocketUrl,
    allowInsecureHttp: config.allowInsecureHttp ?? false,
    credentials: config.credentials.method,
    trusted,
    provider: () => provider,
  });
  const driver = createDriver(client, config, { trusted, closeExtras: closeAll });
  const provider: GetchatProvider = defineProvider(driver, { ...createOperations(client), live }, { whatsappLimits: config.whatsappLimits });
  return provider;
}

// @wamux/360dialog/emulator: the WhatsApp Cloud API as 360dialog serves it,
// on 127.0.0.1, for tests and demos. It speaks 360dialog's paths (no phone
// number id), `D360-API-KEY` auth, Graph error bodies passed through (with
// injectable Meta error codes), media URLs on Meta's host served under its
// own (as 360dialog documents), offset-paged templates, and the webhook
// configuration endpoint whose URL and headers its deliveries use; and the
// wamux Emulator control surface the contract suite drives.

import { constantTimeEqual } from '@wamux/core/adapter';
import { createEmulatorServer, postWebhook, type SimulateOptions } from '@wamux/emulator';
import {
  cloudEmulatorControls,
  cloudMediaRoutes,
  cloudMessageRoutes,
  graphCodeForStatus,
  graphErrorResponse,
  type CloudDeliver,
  type CloudEmulator,
  type CloudWebhookAccount,
} from '@wamux/whatsapp-cloud/emulation';
import { API_KEY_HEADER, D360 } from '../options';
import { invalidApiKey } from './errors';
import { templateRoutes } from './routes/templates';
import { webhookConfigRoutes } from './routes/webhook-config';
import { createState } from './state';

export type { EmulatedWebhookConfig, InjectedMetaError, ReadMark } from './state';

/** Meta's media host: `GET /{media-id}` hands out URLs on it, as 360dialog's answer does (the client rewrites them to 360dialog's host). */
const META_MEDIA_ORIGIN = 'https://lookaside.fbsbx.com';

/** The secret header the emulator's webhook configuration starts with, unless `webhookSecret` says otherwise. */
export const EMULATOR_WEBHOOK_SECRET = { header: 'x-360dialog-emulator-secret', value: '360dialog-emulator-webhook-secret' } as const;

/** Options of {@link create360dialogEmulator}. */
export interface D360EmulatorOptions {
  /** The API key it accepts as `D360-API-KEY`. Default `360dialog-emulator-api-key`. */
  apiKey?: string | undefined;
  /** The business number as webhooks show it (digits). Default `15550783881`. */
  displayPhoneNumber?: string | undefined;
  /** The number's Meta id, in webhook metadata. Default `106540352242922`. */
  phoneNumberId?: string | undefined;
  /** The WhatsApp Business Account id, in webhook entries. Default `102290129340398`. */
  businessAccountId?: string | undefined;
  /** Where deliveries go until `POST /v1/configs/webhook` says otherwise. */
  webhookUrl?: string | undefined;
  /**
   * The header the webhook configuration starts with (what an app sets with
   * `headers` and checks with the provider's `webhookSecret`); `false` for
   * none. Default {@link EMULATOR_WEBHOOK_SECRET}.
   */
  webhookSecret?: { header: string; value: string } | false | undefined;
  /** How long a media URL from `GET /{media-id}` works, in ms. Default 5 minutes, as Meta's. */
  mediaUrlTtl?: number | undefined;
  /** The port to listen on; a free one by default. A busy port rejects with `PortInUseError`. */
  port?: number | undefined;
}

/** The 360dialog emulator: the Cloud API control surface plus 360dialog specifics (deliveries go with the configured headers). */
export interface D360Emulator extends CloudEmulator {
  readonly apiKey: string;
  /** The header the webhook configuration started with, or `undefined` without one. */
  readonly webhookSecret: { header: string; value: string } | undefined;
  /** The current webhook configuration (`GET /v1/configs/webhook`). */
  webhookConfig(): { url: string | undefined; headers: Record<string, string> };
}

/** Starts a 360dialog emulator on 127.0.0.1 (a free port unless `port` is given), with the sample templates seeded. */
export async function create360dialogEmulator(options: D360EmulatorOptions = {}): Promise<D360Emulator> {
  const apiKey = options.apiKey ?? '360dialog-emulator-api-key';
  const webhookSecret = options.webhookSecret === false ? undefined : (options.webhookSecret ?? EMULATOR_WEBHOOK_SECRET);
  const account: CloudWebhookAccount = {
    phoneNumberId: options.phoneNumberId ?? '106540352242922',
    businessAccountId: options.businessAccountId ?? '102290129340398',
    displayPhoneNumber: options.displayPhoneNumber ?? '15550783881',
  };
  const mediaUrlTtl = options.mediaUrlTtl ?? 5 * 60_000;
  const state = createState({ url: options.webhookUrl, headers: webhookSecret === undefined ? {} : { [webhookSecret.header]: webhookSecret.value } });

  const server = await createEmulatorServer({
    routes: [
      ...cloudMessageRoutes(state, { pattern: '/messages' }),
      ...templateRoutes(state),
      ...webhookConfigRoutes(state),
      ...cloudMediaRoutes(state, { uploadPattern: '/media', mediaOrigin: () => META_MEDIA_ORIGIN, urlTtl: () => mediaUrlTtl }),
    ],
    authenticate: (request) => constantTimeEqual(request.headers[API_KEY_HEADER.toLowerCase()], apiKey),
    renderError: (status, info) => (status === 401 ? invalidApiKey() : graphErrorResponse(status, graphCodeForStatus(status), info.message)),
    ...(options.port === undefined ? {} : { port: options.port }),
  });

  const deliver: CloudDeliver = async (body, opts: SimulateOptions = {}) => {
    const target = opts.webhookUrl ?? state.webhook.url;
    if (!target) throw new Error('360dialog emulator: no webhook URL (POST /v1/configs/webhook, or pass webhookUrl to the emulator or the call)');
    return postWebhook(target, JSON.stringify(body), opts.unauthenticated ? {} : state.webhook.headers);
  };

  return {
    provider: D360,
    url: server.url,
    apiKey,
    webhookSecret,
    webhookConfig: () => ({ url: state.webhook.url, headers: { ...state.webhook.headers } }),
    ...cloudEmulatorControls({ state, server, account, deliver }),
  };
}

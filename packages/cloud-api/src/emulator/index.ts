// @wamux/cloud-api/emulator: Meta's WhatsApp Cloud API (Graph API) on
// 127.0.0.1, for tests and demos. It speaks the Graph paths, Bearer auth,
// Graph error bodies (with injectable Meta error codes), expiring media
// URLs, cursor-paged templates, signed webhooks (X-Hub-Signature-256) and
// the GET subscription handshake, and implements the wamux Emulator control
// surface the contract suite drives.

import { createServer as createNetServer } from 'node:net';
import { constantTimeEqual } from '@wamux/core/adapter';
import { createEmulatorServer, postWebhook, type EmulatorRequest, type SimulateOptions } from '@wamux/emulator';
import { signatureFor } from '@wamux/whatsapp-cloud';
import {
  cloudEmulatorControls,
  cloudMediaRoutes,
  cloudMessageRoutes,
  graphCodeForStatus,
  graphErrorResponse,
  requireId,
  type CloudDeliver,
  type CloudEmulator,
  type CloudWebhookAccount,
} from '@wamux/whatsapp-cloud/emulation';
import { CLOUD_API, DEFAULT_GRAPH_VERSION } from '../options';
import { templateRoutes } from './routes/templates';
import { createState } from './state';

export type { InjectedMetaError, ReadMark } from './state';
export { SAMPLE_TEMPLATES } from './state';

/** Options of {@link createCloudApiEmulator}. */
export interface CloudApiEmulatorOptions {
  /** The access token it accepts as `Authorization: Bearer <token>`. Default `cloud-api-emulator-token`. */
  accessToken?: string | undefined;
  /** The business phone number's id. Default `106540352242922` (Meta's examples). */
  phoneNumberId?: string | undefined;
  /** The WhatsApp Business Account id. Default `102290129340398` (Meta's examples). */
  businessAccountId?: string | undefined;
  /** The business number as webhooks show it (digits). Default `15550783881`. */
  displayPhoneNumber?: string | undefined;
  /** The app secret webhooks are signed with. Default `cloud-api-emulator-app-secret`. */
  appSecret?: string | undefined;
  /** The verify token the subscription handshake sends. Default `cloud-api-emulator-verify-token`. */
  verifyToken?: string | undefined;
  /** The Graph version in the paths. Default the adapter's. */
  graphVersion?: string | undefined;
  /** How long a media URL from `GET /{media-id}` works, in ms. Default 5 minutes, as Meta's. */
  mediaUrlTtl?: number | undefined;
  /** Where simulated webhooks are posted unless a call says otherwise. */
  webhookUrl?: string | undefined;
  /** The port to listen on; a free one by default. */
  port?: number | undefined;
}

/** The handshake's answer, as the emulator saw it. */
export interface HandshakeResult {
  status: number;
  body: string;
  /** Whether the body was the challenge sent. */
  echoed: boolean;
}

/** The Cloud API emulator: the Cloud API control surface plus Meta specifics. */
export interface CloudApiEmulator extends CloudEmulator {
  readonly accessToken: string;
  readonly phoneNumberId: string;
  readonly businessAccountId: string;
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly graphVersion: string;
  setWebhookUrl(url: string): void;
  /** Sends Meta's `GET` subscription handshake to the webhook URL. */
  verifySubscription(options?: { webhookUrl?: string; verifyToken?: string; challenge?: string }): Promise<HandshakeResult>;
}

/** Starts a Cloud API emulator on 127.0.0.1 (a free port unless `port` is given), with the sample templates seeded. */
export async function createCloudApiEmulator(options: CloudApiEmulatorOptions = {}): Promise<CloudApiEmulator> {
  const accessToken = options.accessToken ?? 'cloud-api-emulator-token';
  const appSecret = options.appSecret ?? 'cloud-api-emulator-app-secret';
  const verifyToken = options.verifyToken ?? 'cloud-api-emulator-verify-token';
  const graphVersion = options.graphVersion ?? DEFAULT_GRAPH_VERSION;
  const account: CloudWebhookAccount = {
    phoneNumberId: options.phoneNumberId ?? '106540352242922',
    businessAccountId: options.businessAccountId ?? '102290129340398',
    displayPhoneNumber: options.displayPhoneNumber ?? '15550783881',
  };
  const mediaUrlTtl = options.mediaUrlTtl ?? 5 * 60_000;
  let webhookUrl = options.webhookUrl;
  const state = createState();
  const basePath = `/${graphVersion}`;
  const origin = { origin: '', basePath };

  const authenticate = (request: EmulatorRequest) => constantTimeEqual((request.headers.authorization ?? '').replace(/^Bearer\s+/i, ''), accessToken);
  const numberGuard = requireId('phoneNumberId', account.phoneNumberId);

  if (options.port !== undefined) await ensurePortFree(options.port);
  const server = await createEmulatorServer({
    basePath,
    routes: [
      ...cloudMessageRoutes(state, { pattern: '/:phoneNumberId/messages', guard: numberGuard }),
      ...templateRoutes(state, account, origin),
      // Media URLs point at this emulator, where Meta's point at its lookaside host.
      ...cloudMediaRoutes(state, {
        uploadPattern: '/:phoneNumberId/media',
        uploadGuard: numberGuard,
        mediaOrigin: () => origin.origin,
        urlTtl: () => mediaUrlTtl,
      }),
    ],
    authenticate,
    renderError: (status, info) =>
      graphErrorResponse(status, graphCodeForStatus(status), status === 401 ? 'Invalid OAuth access token - Cannot parse access token' : info.message),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  origin.origin = server.origin;

  const deliver: CloudDeliver = async (body, opts: SimulateOptions = {}) => {
    const target = opts.webhookUrl ?? webhookUrl;
    if (!target) throw new Error('Cloud API emulator: no webhook URL (pass webhookUrl to the emulator or the call)');
    const text = JSON.stringify(body);
    const headers: Record<string, string> = opts.unauthenticated ? {} : { 'x-hub-signature-256': await signatureFor(text, appSecret) };
    return postWebhook(target, text, headers);
  };

  return {
    provider: CLOUD_API,
    url: server.url,
    accessToken,
    phoneNumberId: account.phoneNumberId,
    businessAccountId: account.businessAccountId,
    appSecret,
    verifyToken,
    graphVersion,
    ...cloudEmulatorControls({ state, server, account, deliver }),
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    async verifySubscription(opts = {}) {
      const target = opts.webhookUrl ?? webhookUrl;
      if (!target) throw new Error('Cloud API emulator: no webhook URL (pass webhookUrl to the emulator or the call)');
      const challenge = opts.challenge ?? String(1_000_000_000 + Math.floor(Math.random() * 1_000_000_000));
      const url = new URL(target);
      url.searchParams.set('hub.mode', 'subscribe');
      url.searchParams.set('hub.verify_token', opts.verifyToken ?? verifyToken);
      url.searchParams.set('hub.challenge', challenge);
      const response = await fetch(url);
      const body = await response.text();
      return { status: response.status, body, echoed: response.status === 200 && body === challenge };
    },
  };
}

/**
 * Rejects when `port` cannot be listened on (in use, not allowed), naming
 * it. `createEmulatorServer` does not report a listen error, so the port is
 * tried first; a race with another process in between is left to it.
 */
function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is in use' : (error.code ?? error.message);
      reject(new Error(`the Cloud API emulator cannot listen on 127.0.0.1:${port}: ${reason}`, { cause: error }));
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

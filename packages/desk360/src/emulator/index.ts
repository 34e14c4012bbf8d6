// @wamux/desk360/emulator: a Desk360 public API on 127.0.0.1, for tests and
// demos. It speaks Desk360's paths, auth, error bodies, pagination, rate
// limit headers and webhook bodies, and implements the wamux Emulator
// control surface the contract suite drives.

import type { PhoneNumber } from '@wamux/core/adapter';
import {
  createEmulatorServer,
  postWebhook,
  SAMPLE_TEMPLATES,
  type Emulator,
  type EmulatorRequest,
  type SimulateOptions,
  type SimulationResult,
  type TemplateSeed,
} from '@wamux/emulator';
import type { Desk360WebhookSecret } from '../options';
import { desk360Error } from './errors';
import { accountRoutes } from './routes/account';
import { messageRoutes } from './routes/messages';
import { templateRoutes } from './routes/templates';
import { createState, type EmulatedIntegration, type ReadMark } from './state';
import { inboundPayload, statusPayload } from './webhooks';

export type { EmulatedIntegration, ReadMark } from './state';

/** Options of {@link createDesk360Emulator}. */
export interface Desk360EmulatorOptions {
  /** The API key it accepts (as `Bearer <key>`, or bare as the document's template examples send it). Default `desk360-emulator-key`. */
  apiKey?: string | undefined;
  /** The account `POST /v1/login` accepts. */
  user?: { email: string; password: string } | undefined;
  /** The integrations of the account. Default one, id 11, as in the document. */
  integrations?: readonly EmulatedIntegration[] | undefined;
  /** Where simulated webhooks are posted unless a call says otherwise. */
  webhookUrl?: string | undefined;
  /** A shared secret to add to every webhook post, as the adapter's `webhookSecret` expects it. */
  webhookSecret?: Desk360WebhookSecret | undefined;
  /** The enforced rate limit; Desk360's 60 a minute by default, `false` for none. */
  rateLimit?: { requests: number; interval: number } | false | undefined;
  /**
   * The templates it starts with: by default the toolkit's samples
   * (`order_update`), so a template send by name works against a freshly
   * started emulator. `[]` for none; `seedTemplates()` replaces
   * them and `reset()` forgets them, as for every emulator.
   */
  templates?: readonly TemplateSeed[] | undefined;
  /** The port to listen on; any free port when absent or 0. A busy port rejects with `PortInUseError`. */
  port?: number | undefined;
}

/** The Desk360 emulator: the wamux control surface plus Desk360 specifics. */
export interface Desk360Emulator extends Emulator {
  readonly apiKey: string;
  readonly user: { email: string; password: string };
  /** The id of the first integration, to configure the adapter with. */
  readonly integrationId: number;
  /** Read receipts received, oldest first. */
  readMarks(): ReadMark[];
  setWebhookUrl(url: string): void;
  /** Revokes every token `POST /v1/login` issued, as an expiry would. */
  expireTokens(): void;
  /** Changes the enforced rate limit (or removes it). */
  setRateLimit(limit: { requests: number; interval: number } | undefined): void;
}

const DEFAULT_USER = { email: 'agent@desk360.test', password: 'desk360-emulator-password' };
const DEFAULT_INTEGRATIONS: readonly EmulatedIntegration[] = [{ id: 11, name: 'YourIntegration1', phoneNumber: '+905554443322' }];

/** Starts a Desk360 emulator on 127.0.0.1, on `port` or a free one, with the sample templates unless told otherwise. */
export async function createDesk360Emulator(options: Desk360EmulatorOptions = {}): Promise<Desk360Emulator> {
  const apiKey = options.apiKey ?? 'desk360-emulator-key';
  const integrations = options.integrations ?? DEFAULT_INTEGRATIONS;
  if (integrations.length === 0) throw new TypeError('the Desk360 emulator needs at least one integration');
  const state = createState({ apiKey, user: options.user ?? DEFAULT_USER, integrations });
  state.catalog.seed(options.templates ?? SAMPLE_TEMPLATES);
  const inboundId = idSequence('ABEGkFBXUQRnAgo');
  let webhookUrl = options.webhookUrl;
  // Routes build absolute `Link` headers; the origin is known once listening.
  const origin = { origin: '' };

  const authenticate = (request: EmulatorRequest) => {
    const header = request.headers.authorization ?? '';
    const credential = header.replace(/^Bearer\s+/i, '');
    // The document's template examples send the key without "Bearer": accepted too.
    return credential === apiKey || (header !== credential && state.tokens.has(credential));
  };

  const server = await createEmulatorServer({
    basePath: '/v1',
    routes: [...accountRoutes(state, origin), ...templateRoutes(state, origin), ...messageRoutes(state)],
    authenticate,
    renderError: (status, info) =>
      desk360Error(status, status === 401 ? 'Unauthenticated.' : info.message, status >= 500 ? 'internal_server_error' : info.code),
    rateLimit: options.rateLimit === false ? undefined : (options.rateLimit ?? { requests: 60, interval: 60_000 }),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  origin.origin = server.origin;

  const post = async (payload: Record<string, unknown>, opts: SimulateOptions = {}): Promise<{ status: number; responseBody: string }> => {
    const target = opts.webhookUrl ?? webhookUrl;
    if (!target) throw new Error('Desk360 emulator: no webhook URL (pass webhookUrl to the emulator or the call)');
    const secret = opts.unauthenticated ? undefined : options.webhookSecret;
    const url = new URL(target);
    if (secret?.query !== undefined) url.searchParams.set(secret.query, secret.value);
    const headers = secret?.header !== undefined ? { [secret.header]: secret.value } : {};
    return postWebhook(url.toString(), payload, headers);
  };

  return {
    provider: 'desk360',
    url: server.url,
    apiKey,
    user: state.user,
    integrationId: (integrations[0] as EmulatedIntegration).id,
    delivered: () => [...state.delivered],
    requests: () => server.requests(),
    media: (id) => state.media.get(id),
    addMedia: (media) => state.store(media),
    seedTemplates: (seeds) => state.catalog.seed(seeds),
    readMarks: () => [...state.reads],
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    expireTokens() {
      state.tokens.clear();
    },
    setRateLimit: (limit) => server.setRateLimit(limit),
    async simulateInbound(message, opts): Promise<SimulationResult> {
      const full = { ...message, id: message.id ?? inboundId(), timestamp: message.timestamp ?? new Date() };
      const payload = inboundPayload(full);
      return { id: full.id, payload, ...(await post(payload, opts)) };
    },
    async simulateStatus(status, opts): Promise<SimulationResult> {
      const recipient: PhoneNumber | undefined = status.recipient ?? state.recipients.get(status.messageId);
      const payload = statusPayload(status, recipient);
      return { id: status.messageId, payload, ...(await post(payload, opts)) };
    },
    injectFault: (fault) => server.injectFault(fault),
    clearFaults: () => server.clearFaults(),
    reset() {
      server.reset();
      state.clear();
    },
    close: () => server.close(),
  };
}

/** Inbound ids shaped like Desk360's (`ABEGkFBXUQRnAgo...`). */
function idSequence(prefix: string): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `${prefix}${next.toString(36).padStart(12, '0')}`;
  };
}

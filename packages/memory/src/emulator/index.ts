import {
  createEmulatorHandler,
  createEmulatorServer,
  postWebhook,
  type Emulator,
  type EmulatorHandler,
  type EmulatorHandlerOptions,
  type SimulateOptions,
  type TemplateSeed,
} from '@wamux/emulator';
import { API_BASE_PATH, MEMORY_PROVIDER } from '../options';
import { renderError } from './errors';
import { mediaRoutes } from './routes/media';
import { messageRoutes } from './routes/messages';
import { templateRoutes } from './routes/templates';
import { createState, type MemoryState } from './state';
import { inboundDelivery, statusDelivery, type DeliveryOptions, type MemoryDelivery } from './webhooks';

export type { DeliveryOptions, MemoryDelivery } from './webhooks';

/** Options of {@link createMemoryEmulator} and {@link createInProcessMemoryEmulator}. */
export interface MemoryEmulatorOptions {
  /** The API key the emulator accepts. Default `memory-test-key`. */
  apiKey?: string | undefined;
  /** Signs webhook deliveries (HMAC-SHA256). Default `memory-webhook-secret`. */
  webhookSecret?: string | undefined;
  /** Where simulated webhooks are posted unless a call says otherwise. */
  webhookUrl?: string | undefined;
  /** Enforce a rate limit, like a real vendor. */
  rateLimit?: { requests: number; interval: number } | undefined;
  /** The port to listen on (HTTP only). Default 0: any free port. A busy port rejects with `PortInUseError`. */
  port?: number | undefined;
  /** The interface to listen on (HTTP only). Default 127.0.0.1. */
  host?: string | undefined;
  /** The templates it starts with, and returns to on `reset()`. Default: `SAMPLE_TEMPLATES` (`order_update`). */
  templates?: readonly TemplateSeed[] | undefined;
}

/** The memory emulator: the vendor-neutral control surface plus its credentials and in-process access. */
export interface MemoryEmulator extends Emulator {
  readonly apiKey: string;
  readonly webhookSecret: string;
  /** Answers API requests in process, whatever the URL's origin: a provider's `fetch` option. */
  readonly fetch: typeof globalThis.fetch;
  /** Ids passed to `markRead`, in order. */
  readMarks(): string[];
  setWebhookUrl(url: string): void;
  /** A signed customer-message delivery, not posted: hand `request` to the app's webhook handler. */
  inboundDelivery(message: Parameters<Emulator['simulateInbound']>[0], options?: DeliveryOptions): Promise<MemoryDelivery>;
  /** A signed status delivery, not posted. */
  statusDelivery(status: Parameters<Emulator['simulateStatus']>[0], options?: DeliveryOptions): Promise<MemoryDelivery>;
}

/** The URL of an emulator reached through `fetch` only: `.invalid` never resolves, so nothing leaves the process. */
const IN_PROCESS_ORIGIN = 'https://memory.emulator.invalid';

/** Starts the memory emulator on 127.0.0.1 and `port` (default: a free one). */
export async function createMemoryEmulator(options: MemoryEmulatorOptions = {}): Promise<MemoryEmulator> {
  const state = createState(options.templates);
  const server = await createEmulatorServer({ ...handlerOptions(state, options), port: options.port, host: options.host });
  return control(state, server, options, { url: server.url, close: () => server.close() });
}

/**
 * The memory emulator without a socket: reached through its `fetch`
 * (`createMemoryProvider()` with no `baseUrl` runs on one). Synchronous,
 * nothing to close.
 */
export function createInProcessMemoryEmulator(options: Omit<MemoryEmulatorOptions, 'port' | 'host'> = {}): MemoryEmulator {
  const state = createState(options.templates);
  const handler = createEmulatorHandler(handlerOptions(state, options));
  return control(state, handler, options, { url: `${IN_PROCESS_ORIGIN}${API_BASE_PATH}`, close: async () => {} });
}

function handlerOptions(state: MemoryState, options: MemoryEmulatorOptions): EmulatorHandlerOptions {
  const apiKey = options.apiKey ?? 'memory-test-key';
  return {
    basePath: API_BASE_PATH,
    rateLimit: options.rateLimit,
    authenticate: (request) => request.headers.authorization === `Bearer ${apiKey}`,
    renderError,
    routes: [...messageRoutes(state), ...mediaRoutes(state), ...templateRoutes(state)],
  };
}

/** The control surface over a state and its handler, whichever transport reaches it. */
function control(
  state: MemoryState,
  handler: EmulatorHandler,
  options: MemoryEmulatorOptions,
  transport: { url: string; close(): Promise<void> },
): MemoryEmulator {
  const apiKey = options.apiKey ?? 'memory-test-key';
  const webhookSecret = options.webhookSecret ?? 'memory-webhook-secret';
  let webhookUrl = options.webhookUrl;
  const post = async (delivery: MemoryDelivery, opts: SimulateOptions = {}) => {
    const url = opts.webhookUrl ?? webhookUrl;
    if (!url) throw new Error('memory emulator: no webhook URL configured (pass webhookUrl)');
    const { status, responseBody } = await postWebhook(url, delivery.request.body, delivery.request.headers);
    return { id: delivery.id, payload: delivery.payload, status, responseBody };
  };

  return {
    provider: MEMORY_PROVIDER,
    url: transport.url,
    apiKey,
    webhookSecret,
    fetch: handler.fetch,
    delivered: () => [...state.delivered],
    requests: () => handler.requests(),
    readMarks: () => [...state.readMarks],
    media: (id) => state.media.get(id),
    addMedia(stored) {
      const id = state.ids.media();
      state.media.set(id, stored);
      return id;
    },
    seedTemplates(seeds) {
      state.templates = [...seeds];
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    inboundDelivery: (message, opts) => inboundDelivery(state, webhookSecret, message, { webhookUrl, ...opts }),
    statusDelivery: (status, opts) => statusDelivery(webhookSecret, status, { webhookUrl, ...opts }),
    simulateInbound: async (message, opts) => post(await inboundDelivery(state, webhookSecret, message, opts), opts),
    simulateStatus: async (status, opts) => post(await statusDelivery(webhookSecret, status, opts), opts),
    injectFault: (fault) => handler.injectFault(fault),
    clearFaults: () => handler.clearFaults(),
    reset() {
      handler.reset();
      state.reset();
    },
    close: transport.close,
  };
}

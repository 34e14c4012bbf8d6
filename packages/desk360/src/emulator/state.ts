import type { OutboundMessage, PhoneNumber } from '@wamux/core/adapter';
import { idGenerator, type DeliveredMessage, type EmulatorRequest, type EmulatorResponse, type StoredMedia } from '@wamux/emulator';
import { createTemplateCatalog, type TemplateCatalog } from './catalog';
import { desk360Error } from './errors';
import { isFile } from './fields';

/** A WhatsApp integration the emulator serves. */
export interface EmulatedIntegration {
  id: number;
  name: string;
  phoneNumber: PhoneNumber;
}

/** A read receipt the emulator received. */
export interface ReadMark {
  /** Absent when the client used the older document's form. */
  to?: string | undefined;
  messageIds: string[];
}

/** Everything the emulated Desk360 account holds. */
export interface EmulatorState {
  readonly apiKey: string;
  readonly user: { email: string; password: string };
  readonly integrations: readonly EmulatedIntegration[];
  /** Bearer tokens issued by `POST /v1/login`. */
  tokens: Set<string>;
  /** Recent wrong logins per email (epoch ms), for `too_many_attempts`. */
  loginFailures: Map<string, number[]>;
  delivered: DeliveredMessage[];
  /** Who each sent message went to, for status simulations. */
  recipients: Map<string, PhoneNumber>;
  media: Map<string, StoredMedia>;
  reads: ReadMark[];
  catalog: TemplateCatalog;
  /** Records an accepted message and returns its `message_id`. */
  accept(message: OutboundMessage, raw: unknown): string;
  /** Stores media and returns its `media_id`. */
  store(media: StoredMedia): string;
  /** Forgets everything but the configuration. */
  clear(): void;
}

/** Creates the state of one emulator. */
export function createState(config: {
  apiKey: string;
  user: { email: string; password: string };
  integrations: readonly EmulatedIntegration[];
}): EmulatorState {
  const messageId = idGenerator('gBEGkFBXUQRnAg');
  const state: EmulatorState = {
    ...config,
    tokens: new Set(),
    loginFailures: new Map(),
    delivered: [],
    recipients: new Map(),
    media: new Map(),
    reads: [],
    catalog: createTemplateCatalog(),
    accept(message, raw) {
      const id = messageId();
      state.delivered.push({ id, message, raw });
      state.recipients.set(id, message.to);
      return id;
    },
    store(media) {
      const id = crypto.randomUUID();
      state.media.set(id, media);
      return id;
    },
    clear() {
      state.tokens.clear();
      state.loginFailures.clear();
      state.delivered = [];
      state.recipients.clear();
      state.media.clear();
      state.reads = [];
      state.catalog.clear();
    },
  };
  return state;
}

/**
 * Wraps a handler of an `/integrations/:integrationId/...` route: an
 * integration the account does not have is a 404 `model_not_found_exception`.
 */
export function forIntegration(
  state: EmulatorState,
  handler: (request: EmulatorRequest, integration: EmulatedIntegration) => EmulatorResponse | Promise<EmulatorResponse>,
): (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse> {
  return (request) => {
    const integration = state.integrations.find((i) => String(i.id) === request.params.integrationId);
    if (!integration) return desk360Error(404, `No query results for model [Integration] ${request.params.integrationId ?? ''}`, 'model_not_found_exception');
    return handler(request, integration);
  };
}

/** A request body for `DeliveredMessage.raw`: files described, not copied. */
export function describeBody(body: Record<string, unknown>): unknown {
  return JSON.parse(
    JSON.stringify(body, (_key, value: unknown) =>
      isFile(value) ? { filename: value.filename, mimeType: value.mimeType, size: value.data.byteLength } : value,
    ),
  );
}

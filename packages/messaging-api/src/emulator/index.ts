// @wamux/messaging-api/emulator: a local stand-in for the "Messaging APIs
// v1.0" server, for tests and demos. It implements every operation of the
// document with its response envelope (success and failure forms), checks
// the x-api-key header (and x-api-id, when started with one), and sends the
// two inbound requests (`message/receive` notifications, `contact/info`) to
// the app's webhook URL with the x-verify-token header.

import { e164Digits, toE164, type DeliveryStatus, type PhoneNumber } from '@wamux/core/adapter';
import {
  createEmulatorServer,
  postWebhook,
  SAMPLE_TEMPLATES,
  type Emulator,
  type EmulatorRoute,
  type SimulateOptions,
  type SimulationResult,
  type TemplateSeed,
} from '@wamux/emulator';
import { API_PREFIX, MESSAGING_API_PROVIDER, VERIFY_TOKEN_HEADER } from '../options';
import { authenticated } from './auth';
import { createContext } from './context';
import { inboundContact, messageNotification, NOTIFICATION_META, statusNotification, type EncodeContext } from './encode';
import { renderHttpError } from './envelope';
import { configRoutes } from './routes/config';
import { contactRoutes } from './routes/contacts';
import { messageRoutes } from './routes/messages';
import { sessionRoutes } from './routes/sessions';
import { createState, type EmulatedChannel, type EmulatedSession, type OutboxEntry } from './state';

export type { EmulatedChannel, EmulatedSession, OutboxEntry } from './state';

/** Options of {@link createMessagingApiEmulator}. */
export interface MessagingApiEmulatorOptions {
  /** The `x-api-key` the emulator accepts. Default `emulator-api-key`. */
  apiKey?: string | undefined;
  /**
   * The `x-api-id` the emulator requires, when set. Without it the emulator
   * accepts requests with or without the header, as the adapter's `apiId`
   * is optional. A request missing a required header gets a 401 naming it.
   */
  apiId?: string | undefined;
  /** Sent as `x-verify-token` with every inbound request. Default `emulator-verify-token`. */
  verifyToken?: string | undefined;
  /** Where inbound requests go (also settable with `POST /config/webhook`). */
  webhookUrl?: string | undefined;
  /** Where `contact/info` requests go, when not to the webhook URL. */
  contactInfoUrl?: string | undefined;
  /** The business number of the default channel. Default `+905550000000`. */
  businessNumber?: PhoneNumber | undefined;
  /** The channels `GET /config/channels` lists; the first is the default. Default: one WhatsApp channel and one sandbox channel. */
  channels?: EmulatedChannel[] | undefined;
  /** A fixed-window rate limit with `X-RateLimit-*` headers and 429 + `Retry-After`. */
  rateLimit?: { requests: number; interval: number } | undefined;
  /** The port to listen on; a free one by default. A busy port rejects with `PortInUseError` (`@wamux/emulator`). */
  port?: number | undefined;
  /**
   * The HSM templates it starts with (and returns to on `reset()`), all
   * approved on the default channel. Default: the sample templates of
   * `@wamux/emulator` (`order_update`), so a standalone emulator can send a
   * template by name; `[]` for none.
   */
  templates?: readonly TemplateSeed[] | undefined;
  /**
   * Answer business failures (invalid body, unknown session or template)
   * with HTTP 200 and a failure envelope, as the vendor does (default), or
   * with the failure's HTTP status.
   */
  failuresAsHttp200?: boolean | undefined;
}

/** A customer the emulator asks the app about (`contact/info`). */
export interface SimulatedContact {
  phone: PhoneNumber;
  name?: string | undefined;
  email?: string | undefined;
}

/** What a simulated `contact/info` request got back. */
export interface ContactInfoSimulation extends SimulationResult {
  /** The app's answer (`ContactInfoUpdate`), parsed as JSON when it is JSON. */
  reply: unknown;
}

/** A session lifecycle event to send (`InBoundEvent`); extra fields are sent as given. */
export interface SimulatedSessionEvent {
  sessionId: string;
  /** E.g. `SESSION_ROUTED`, `SESSION_CLOSED`. */
  eventCode: string;
  [field: string]: unknown;
}

/** The messaging-api emulator: the vendor-neutral {@link Emulator} plus this vendor's extras. */
export interface MessagingApiEmulator extends Emulator {
  /** The server root, to use as the adapter's `baseUrl` (operations are under `/api/v1`). */
  readonly url: string;
  readonly apiKey: string;
  readonly apiId: string | undefined;
  readonly verifyToken: string;
  /** The default channel's id, to configure as the adapter's `channelId`. */
  readonly channelId: string;
  /** The webhook URL in use (from the options or `POST /config/webhook`). */
  webhookUrl(): string | undefined;
  /** Every message accepted, in the vendor's format (including those `delivered()` cannot decode). */
  outbox(): OutboxEntry[];
  /** Conversation sessions, oldest first. */
  sessions(): EmulatedSession[];
  /** Languages set with `POST /contact/prefs/lang`, by contact id. */
  contactLanguages(): Record<string, string>;
  /** Bodies of `POST /data/push`, as received. */
  pushedData(): unknown[];
  /** Bodies of `POST /event/push`, as received. */
  pushedEvents(): unknown[];
  /** Replaces the channels. */
  seedChannels(channels: readonly EmulatedChannel[]): void;
  /** Replaces the global variables (`CompanyVarsConfigDoc`s). */
  seedGlobalVars(vars: ReadonlyArray<Record<string, unknown>>): void;
  /** The open session of a customer, created when there is none. */
  openSession(customer: PhoneNumber): EmulatedSession;
  /** Sends a `contact/info` request about a customer and returns the app's answer. */
  simulateContactInfo(contact: SimulatedContact, options?: SimulateOptions): Promise<ContactInfoSimulation>;
  /** Sends a notification with one session event. */
  simulateSessionEvent(event: SimulatedSessionEvent, options?: SimulateOptions): Promise<SimulationResult>;
  /** Sends a notification with one action (e.g. `SEND_INVOICE`). */
  simulateAction(actionCode: string, options?: SimulateOptions): Promise<SimulationResult>;
  /** Sends any notification body as given (with the verify token). */
  simulateNotification(body: Record<string, unknown>, options?: SimulateOptions): Promise<SimulationResult>;
}

/** The codes the vendor's webhook uses for each status it reports. */
const STATUS_TO_CODE: Partial<Record<DeliveryStatus, string>> = {
  // An outbox code: the webhook's own five have no queued state.
  queued: 'CRTD',
  sent: 'SENT',
  delivered: 'DLVRD',
  read: 'READ',
  failed: 'FAILD',
  deleted: 'DELTD',
};

const TEMPLATE_STATUS: Record<NonNullable<TemplateSeed['status']>, string> = { approved: 'APPROVED', pending: 'PENDING', rejected: 'REJECTED' };

/** Starts a messaging-api emulator on 127.0.0.1 and a free port. */
export async function createMessagingApiEmulator(options: MessagingApiEmulatorOptions = {}): Promise<MessagingApiEmulator> {
  const apiKey = options.apiKey ?? 'emulator-api-key';
  const verifyToken = options.verifyToken ?? 'emulator-verify-token';
  const business = e164Digits(options.businessNumber ?? '+905550000000');
  const channels: EmulatedChannel[] = options.channels ?? [
    { channelId: `wa360:${business}`, contactType: 'WHATSAPP', lane: business, name: 'Emulated WhatsApp' },
    { channelId: `sandbox:${business}`, contactType: 'WHATSAPP', lane: business, name: 'Emulated sandbox', sandbox: true },
  ];
  const defaultChannel = channels[0];
  if (defaultChannel === undefined) throw new RangeError('the emulator needs at least one channel');

  const startTemplates = options.templates ?? SAMPLE_TEMPLATES;
  const freshState = () => createState(channels, templateDocs(startTemplates, defaultChannel.channelId), options.webhookUrl);
  const state = freshState();
  const encode: EncodeContext = { state, business, channelId: defaultChannel.channelId, origin: '' };
  const context = createContext(state, encode, options.failuresAsHttp200 ?? true);
  const mediaRoute: EmulatorRoute = {
    method: 'GET',
    pattern: '/media/:id',
    public: true,
    handler: (request) => {
      const stored = state.media.get(request.params.id ?? '');
      return stored ? { status: 200, body: stored.data, headers: { 'content-type': stored.mimeType } } : renderHttpError(404, { message: 'no such media' });
    },
  };
  const server = await createEmulatorServer({
    basePath: API_PREFIX,
    routes: authenticated([...configRoutes(context), ...contactRoutes(context), ...messageRoutes(context), ...sessionRoutes(context), mediaRoute], {
      apiKey,
      apiId: options.apiId,
    }),
    renderError: renderHttpError,
    rateLimit: options.rateLimit,
    port: options.port,
  });
  encode.origin = server.origin;

  const post = async (url: string | undefined, body: Record<string, unknown>, simulate: SimulateOptions = {}) => {
    const target = simulate.webhookUrl ?? url ?? state.webhookUrl;
    if (target === undefined) throw new Error('no webhook URL: pass { webhookUrl }, the webhookUrl option, or set one with POST /config/webhook');
    return postWebhook(target, body, simulate.unauthenticated ? {} : { [VERIFY_TOKEN_HEADER]: verifyToken });
  };

  return {
    provider: MESSAGING_API_PROVIDER,
    url: server.origin,
    apiKey,
    apiId: options.apiId,
    verifyToken,
    channelId: defaultChannel.channelId,
    delivered: () => [...state.delivered],
    requests: () => server.requests(),
    media: (id) => state.media.get(id),
    addMedia(media) {
      const id = context.ids.media();
      state.media.set(id, { ...media });
      return id;
    },
    seedTemplates(templates) {
      state.templates = templateDocs(templates, defaultChannel.channelId);
    },

    async simulateInbound(message, simulate) {
      const id = message.id ?? context.ids.message().replace('msg_', 'in_');
      const customer = e164Digits(message.from);
      const session = context.openSession(customer);
      const timestamp = message.timestamp ?? new Date();
      const payload = messageNotification(
        {
          id,
          messageIdExt: context.ids.messageExt(),
          from: message.from,
          profileName: message.profileName,
          timestamp,
          content: message.content,
          referral: message.referral,
          session,
        },
        encode,
      );
      session.messages.push({
        messageId: id,
        sessionId: session.sessionId,
        type: message.content.type,
        status: 'RECEIVD',
        text: message.content.type === 'text' ? message.content.text : undefined,
        timestamp: timestamp.getTime(),
        contact: { contactId: session.contactId, phone: customer, name: message.profileName },
      });
      return { id, payload, ...(await post(options.webhookUrl, payload, simulate)) };
    },

    async simulateStatus(status, simulate) {
      const code = STATUS_TO_CODE[status.status];
      if (code === undefined) throw new RangeError(`the vendor's webhook has no status code for "${status.status}"`);
      const sent = state.outbox.find((entry) => entry.id === status.messageId);
      const recipient = status.recipient ?? toE164(sent?.body.to.phone);
      const payload = statusNotification(
        { messageId: status.messageId, messageIdExt: sent?.messageIdExt, code, recipient, timestamp: status.timestamp ?? new Date(), errors: status.errors },
        encode,
      );
      return { id: status.messageId, payload, ...(await post(options.webhookUrl, payload, simulate)) };
    },

    async simulateContactInfo(contact, simulate) {
      const payload = inboundContact(e164Digits(contact.phone), encode, { name: contact.name, email: contact.email });
      const result = await post(options.contactInfoUrl ?? options.webhookUrl, payload, simulate);
      return { id: String(payload.contactId), payload, ...result, reply: parseJson(result.responseBody) };
    },

    async simulateSessionEvent(event, simulate) {
      const session = state.sessions.find((s) => s.sessionId === event.sessionId);
      const payload = {
        type: 'events',
        events: [{ eventId: context.ids.event(), contactId: session?.contactId, type: 'INBOUND', ...event }],
        meta: NOTIFICATION_META,
      };
      return { id: String(payload.events[0]?.eventId), payload, ...(await post(options.webhookUrl, payload, simulate)) };
    },

    async simulateAction(actionCode, simulate) {
      const payload = { type: 'actions', actions: [{ actionCode }], meta: NOTIFICATION_META };
      return { id: actionCode, payload, ...(await post(options.webhookUrl, payload, simulate)) };
    },

    async simulateNotification(body, simulate) {
      return { id: '', payload: body, ...(await post(options.webhookUrl, body, simulate)) };
    },

    injectFault: (fault) => server.injectFault(fault),
    clearFaults: () => server.clearFaults(),
    reset() {
      server.reset();
      Object.assign(state, freshState());
    },
    close: () => server.close(),

    webhookUrl: () => state.webhookUrl,
    outbox: () => [...state.outbox],
    sessions: () => [...state.sessions],
    contactLanguages: () => Object.fromEntries(state.contactLanguages),
    pushedData: () => [...state.pushedData],
    pushedEvents: () => [...state.pushedEvents],
    seedChannels(list) {
      state.channels = list.map((channel) => ({ ...channel }));
    },
    seedGlobalVars(vars) {
      state.globalVars = vars.map((item) => ({ ...item }));
    },
    openSession: (customer) => context.openSession(e164Digits(customer)),
  };
}

/** Template seeds as the vendor's `HSMTemplateDoc`s, approved (or not) on `channelId`. */
function templateDocs(seeds: readonly TemplateSeed[], channelId: string): Array<Record<string, unknown>> {
  return seeds.map((seed) => ({
    id: seed.id,
    code: seed.name,
    name: seed.name,
    lang: seed.language,
    category: seed.category ?? 'UTILITY',
    formatType: 'TEXT',
    header: seed.header,
    body: seed.body,
    footer: seed.footer,
    approved: [{ channelId, status: TEMPLATE_STATUS[seed.status ?? 'approved'], templateId: seed.id }],
    attachments: [],
    createdStamp: Date.now(),
  }));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { compact, e164Digits, type Customer, type DeliveryStatus, type PhoneNumber } from '@wamux/core/adapter';
import {
  createEmulatorServer,
  postWebhook,
  SAMPLE_TEMPLATES,
  simulatedCustomer,
  type Emulator,
  type TemplateSeed,
  type SimulatedInbound,
  type SimulatedStatus,
  type SimulateOptions,
  type SimulationResult,
} from '@wamux/emulator';
import { authRoutes, isAuthenticated, type EmulatorCredentials } from './auth-routes';
import { coreRoutes } from './core-routes';
import { renderDrfError } from './drf';
import { wabaContent, wabaContext, wabaReferral } from './encode-content';
import { attachLiveServer } from './live-server';
import { renderMessage, wabaDelivery, type WebhookShape } from './payloads';
import { createOperationsEmulatorState, EMULATOR_ADMIN_ID, operationRoutes } from './routes';
import { InboxState, type StoredMessage } from './state';

/** Options of {@link createGetchatEmulator}. */
export interface GetchatEmulatorOptions {
  /** Credentials the emulated inbox accepts; each has a default. */
  credentials?: Partial<EmulatorCredentials> | undefined;
  /** Where simulated webhooks are posted unless a call says otherwise. */
  webhookUrl?: string | undefined;
  /** The shared secret appended to the webhook URL as `?auth=` (as you would configure it in get.chat). */
  webhookSecret?: string | undefined;
  /** Headers configured on the WABA webhook, sent with every delivery. */
  webhookHeaders?: Record<string, string> | undefined;
  /** The shape of deliveries: `cloud_api` (default) or the older `on_premise`. */
  webhookShape?: WebhookShape | undefined;
  /**
   * Also put customer messages in `incoming_messages` (get.chat's extension,
   * sent to webhooks configured `on_incoming_message`). Default false.
   */
  incomingMessagesField?: boolean | undefined;
  /** The business number (E.164). Default `+905550000000`. */
  businessNumber?: PhoneNumber | undefined;
  /** Enforce a rate limit, as a real deployment's proxy would. */
  rateLimit?: { requests: number; interval: number } | undefined;
  /** The port to listen on. Default 0: any free port. A busy port rejects with `PortInUseError` (a `ConfigurationError` on `port`). */
  port?: number | undefined;
  /** The templates it starts with, and returns to on `reset()`. Default: `SAMPLE_TEMPLATES` (`order_update`), so a send by name works standalone. */
  templates?: readonly TemplateSeed[] | undefined;
}

/** A message an inbox user (a human agent) writes, to simulate `outgoing_messages`. */
export interface SimulatedOutgoing {
  to: PhoneNumber;
  text: string;
  /** The agent. Default: the emulator's admin user. */
  sender?: { id: number; username: string; firstName?: string; lastName?: string } | undefined;
  timestamp?: Date | undefined;
}

/** A message to put in the inbox's history without any webhook. */
export interface SeededMessage {
  /** The customer. */
  contact: PhoneNumber;
  direction: 'inbound' | 'outbound';
  text: string;
  timestamp: Date;
}

/** The get.chat emulator: the vendor-neutral control surface plus get.chat's extras. */
export interface GetchatEmulator extends Emulator {
  /** The API base URL (`http://127.0.0.1:<port>/api/v1`). */
  readonly url: string;
  /** The websockets server (`ws://127.0.0.1:<port>/websockets/`). */
  readonly websocketUrl: string;
  /** The credentials it accepts. */
  readonly credentials: Readonly<EmulatorCredentials>;
  setWebhookUrl(url: string): void;
  setWebhookShape(shape: WebhookShape): void;
  /** Simulates an inbox agent's message: stored, and delivered in `outgoing_messages`. */
  simulateOutgoing(message: SimulatedOutgoing, options?: SimulateOptions): Promise<SimulationResult>;
  /** Posts any body to the webhook URL and sends it to websocket clients. */
  deliver(payload: Record<string, unknown>, options?: SimulateOptions): Promise<SimulationResult>;
  /** Stores messages in the history (no webhook), e.g. to test history walks. */
  seedMessages(messages: readonly SeededMessage[]): Array<{ getchatId: string; whatsappMessageId: string }>;
  /** The `mark_as_received` calls accepted, in order. */
  receivedMarks(): Array<{ customerWaId: string; timestamp: number }>;
  /** Websocket clients whose token was accepted. */
  liveClients(): number;
  /** Cuts every websocket connection, as a network failure would. */
  dropLiveConnections(): void;
}

const DEFAULT_CREDENTIALS: EmulatorCredentials = {
  username: 'emulator-admin',
  password: 'emulator-password-1',
  token: '8aeb44f5a318542d32bb13019d68198467ee21f0',
  d360ApiKey: 'emulator-d360-api-key-xEZOvMBDS6zEZtbR2',
  refreshToken: 'emulator-refresh-token-0001',
};

/** WhatsApp's status words for the model's states (a queued message is `pending` in get.chat's web inbox). */
const STATUS_WORDS: Record<DeliveryStatus, string> = {
  queued: 'pending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  played: 'played',
  failed: 'failed',
  deleted: 'deleted',
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** How the inbox keys a customer's chat: the number's digits, else the BSUID (get.chat's document predates BSUIDs). */
function chatKeyOf(customer: Customer): string {
  return customer.phone === undefined ? (customer.bsuid ?? customer.parentBsuid ?? '') : e164Digits(customer.phone);
}

/** A `contacts[]` item of a Cloud API value: profile (name, username), `wa_id` when the number is shared, the BSUIDs. */
function waContact(customer: Customer, name: string | undefined): Record<string, unknown> {
  return compact({
    profile: compact({ name, username: customer.username }),
    wa_id: customer.phone === undefined ? undefined : e164Digits(customer.phone),
    user_id: customer.bsuid,
    parent_user_id: customer.parentBsuid,
  });
}

/** Starts a get.chat emulator on 127.0.0.1, on `options.port` or a free port, with the sample templates seeded. */
export async function createGetchatEmulator(options: GetchatEmulatorOptions = {}): Promise<GetchatEmulator> {
  const credentials: EmulatorCredentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const state = new InboxState();
  // The operation routes' state: users, chats, tags, templates... shared so
  // that messages make persons and chats, and seeded templates are listed.
  const operations = createOperationsEmulatorState();
  const profiles = new Map<string, string>();
  const business = { number: options.businessNumber ?? '+905550000000', phoneNumberId: '106540352242922', wabaId: '102290129340398' };
  let webhookUrl = options.webhookUrl;
  let shape: WebhookShape = options.webhookShape ?? 'cloud_api';
  let refreshSeq = 1;
  let apiUrl = '';

  const startTemplates = options.templates ?? SAMPLE_TEMPLATES;
  operations.seedTemplates(startTemplates);

  const server = await createEmulatorServer({
    port: options.port,
    basePath: '/api/v1',
    rateLimit: options.rateLimit,
    authenticate: (request) => {
      if (isAuthenticated(request, credentials)) {
        operations.currentUserId = EMULATOR_ADMIN_ID;
        return true;
      }
      // Tokens returned by activating `app` users authenticate as those users.
      const appUser = operations.tokens.get(request.headers.authorization?.replace(/^Token\s+/, '') ?? '');
      if (appUser === undefined) return false;
      operations.currentUserId = appUser;
      return true;
    },
    renderError: renderDrfError,
    routes: [
      ...authRoutes(credentials, () => {
        refreshSeq += 1;
        credentials.refreshToken = `emulator-refresh-token-${String(refreshSeq).padStart(4, '0')}`;
        return credentials.refreshToken;
      }),
      ...coreRoutes({
        state,
        apiUrl: () => apiUrl,
        businessNumber: business.number,
        profileName: (waId) => profiles.get(waId),
        recordMessage: (message) => record(message),
        markReceived: (waId, timestamp) => operations.markReceived(waId, timestamp),
      }),
      ...operationRoutes(operations),
    ],
  });
  apiUrl = server.url;
  const live = attachLiveServer(server.httpServer, server.origin, (token) => {
    if (token === credentials.token) return credentials.username;
    const appUser = operations.tokens.get(token);
    return appUser === undefined ? undefined : operations.users.get(appUser)?.username;
  });

  /** Stores a message's person and chat in the operation routes' state. */
  function record(message: StoredMessage): void {
    operations.recordMessage({
      waId: message.customerWaId,
      profileName: profiles.get(message.customerWaId),
      timestamp: message.timestamp,
      fromUs: message.fromUs,
      message: renderMessage(message, profiles.get(message.customerWaId)),
    });
  }

  const deliver = async (payload: Record<string, unknown>, opts: SimulateOptions = {}): Promise<{ status: number; responseBody: string }> => {
    live.broadcast(payload);
    const target = opts.webhookUrl ?? webhookUrl;
    // Without a webhook URL the delivery only reaches websocket clients.
    if (!target) return { status: 0, responseBody: '' };
    const url = new URL(target);
    if (options.webhookSecret !== undefined && !opts.unauthenticated) url.searchParams.set('auth', options.webhookSecret);
    return postWebhook(url.toString(), payload, opts.unauthenticated ? {} : (options.webhookHeaders ?? {}));
  };

  const withExtension = (base: Record<string, unknown>, field: string, messages: Array<Record<string, unknown>>) =>
    options.incomingMessagesField || field !== 'incoming_messages' ? { ...base, [field]: messages } : base;

  return {
    provider: 'getchat',
    url: server.url,
    websocketUrl: live.url,
    credentials,
    delivered: () => [...state.delivered],
    requests: () => server.requests(),
    media: (id) => state.media.get(id),
    addMedia(stored) {
      const id = state.newGetchatId();
      state.media.set(id, stored);
      return id;
    },
    seedTemplates(seeds) {
      operations.seedTemplates(seeds);
    },
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    setWebhookShape(next) {
      shape = next;
    },

    async simulateInbound(message: SimulatedInbound, opts?: SimulateOptions): Promise<SimulationResult> {
      const id = message.id ?? state.newWamid();
      const timestamp = seconds(message.timestamp ?? new Date());
      const customer = simulatedCustomer(message.from, message.customer, message.profileName);
      // A username user who hides their number comes without `from` / `wa_id`,
      // named by `from_user_id` / `user_id` (the Cloud API's BSUID fields).
      const waId = customer.phone === undefined ? undefined : e164Digits(customer.phone);
      const chatKey = chatKeyOf(customer);
      if (message.profileName) profiles.set(chatKey, message.profileName);
      const wabaMessage = compact({
        from: waId,
        from_user_id: customer.bsuid,
        from_parent_user_id: customer.parentBsuid,
        id,
        timestamp: String(timestamp),
        ...wabaContent(message.content),
        context: wabaContext(message.context),
        referral: wabaReferral(message.referral),
      });
      const stored = state.addMessage({
        getchatId: state.newGetchatId(),
        wamid: id,
        customerWaId: chatKey,
        fromUs: false,
        timestamp,
        wabaPayload: wabaMessage,
        statuses: { sent: null, delivered: null, read: null },
        received: false,
      });
      record(stored);
      const contacts = [waContact(customer, message.profileName ?? '')];
      const payload = withExtension(wabaDelivery(shape, { contacts, messages: [wabaMessage] }, business), 'incoming_messages', [
        renderMessage(stored, message.profileName),
      ]);
      return { id, payload, ...(await deliver(payload, opts)) };
    },

    async simulateStatus(status: SimulatedStatus, opts?: SimulateOptions): Promise<SimulationResult> {
      const stored = state.findMessage(status.messageId);
      const timestamp = seconds(status.timestamp ?? new Date());
      if (stored && (status.status === 'sent' || status.status === 'delivered' || status.status === 'read')) stored.statuses[status.status] = timestamp;
      // With a customer, the status names the recipient as the Cloud API does since BSUIDs:
      // `recipient_id` only when the number can be shared, `recipient_user_id` always.
      const address = status.recipient ?? status.customer?.phone ?? status.customer?.bsuid ?? status.customer?.parentBsuid;
      const customer = status.customer && address !== undefined ? simulatedCustomer(address, status.customer) : undefined;
      const recipientId = customer
        ? customer.phone === undefined
          ? undefined
          : e164Digits(customer.phone)
        : status.recipient
          ? e164Digits(status.recipient)
          : stored?.customerWaId;
      const item = compact({
        id: stored?.wamid ?? status.messageId,
        getchat_id: stored?.getchatId,
        recipient_id: recipientId,
        recipient_user_id: customer?.bsuid,
        recipient_parent_user_id: customer?.parentBsuid,
        status: STATUS_WORDS[status.status],
        timestamp: String(timestamp),
        type: 'message',
        // WhatsApp sends error codes as numbers.
        errors: status.errors?.map((error) =>
          compact({
            code: Number.isNaN(Number(error.code)) ? error.code : Number(error.code),
            title: error.title,
            error_data: error.details ? { details: error.details } : undefined,
          }),
        ),
      });
      // Failed statuses come without `contacts`; the username only with delivered and read ones.
      const contacts =
        customer && status.status !== 'failed'
          ? [
              waContact(
                status.status === 'delivered' || status.status === 'read' ? customer : { ...customer, username: undefined },
                profiles.get(chatKeyOf(customer)),
              ),
            ]
          : undefined;
      const payload = wabaDelivery(shape, { contacts, statuses: [item] }, business);
      return { id: status.messageId, payload, ...(await deliver(payload, opts)) };
    },

    async simulateOutgoing(message, opts) {
      const timestamp = seconds(message.timestamp ?? new Date());
      const sender = message.sender ?? { id: 1, username: credentials.username };
      const waId = e164Digits(message.to);
      const stored = state.addMessage({
        getchatId: state.newGetchatId(),
        wamid: state.newWamid(),
        customerWaId: waId,
        fromUs: true,
        timestamp,
        wabaPayload: {},
        statuses: { sent: null, delivered: null, read: null },
        sender: compact({ id: sender.id, username: sender.username, first_name: sender.firstName, last_name: sender.lastName, profile: { role: 'admin' } }),
        received: true,
      });
      stored.wabaPayload = {
        preview_url: false,
        recipient_type: 'individual',
        to: waId,
        type: 'text',
        text: { body: message.text },
        id: stored.wamid,
        timestamp,
      };
      record(stored);
      const payload = { outgoing_messages: [renderMessage(stored, profiles.get(waId))] };
      return { id: stored.getchatId, payload, ...(await deliver(payload, opts)) };
    },

    async deliver(payload, opts) {
      return { id: '', payload, ...(await deliver(payload, opts)) };
    },

    seedMessages(messages) {
      return messages.map((message) => {
        const waId = e164Digits(message.contact);
        const outbound = message.direction === 'outbound';
        const timestamp = seconds(message.timestamp);
        const stored = state.addMessage({
          getchatId: state.newGetchatId(),
          wamid: state.newWamid(),
          customerWaId: waId,
          fromUs: outbound,
          timestamp,
          wabaPayload: {},
          statuses: { sent: null, delivered: null, read: null },
          received: outbound,
        });
        stored.wabaPayload = {
          ...(outbound ? { to: waId } : { from: waId }),
          id: stored.wamid,
          timestamp: String(timestamp),
          type: 'text',
          text: { body: message.text },
        };
        record(stored);
        return { getchatId: stored.getchatId, whatsappMessageId: stored.wamid };
      });
    },

    receivedMarks: () => state.marks.map((mark) => ({ ...mark })),
    liveClients: () => live.authenticatedCount(),
    dropLiveConnections: () => live.dropConnections(),
    injectFault: (fault) => server.injectFault(fault),
    clearFaults: () => server.clearFaults(),
    reset() {
      server.reset();
      state.reset();
      operations.reset();
      operations.seedTemplates(startTemplates);
      profiles.clear();
    },
    async close() {
      await live.close();
      await server.close();
    },
  };
}

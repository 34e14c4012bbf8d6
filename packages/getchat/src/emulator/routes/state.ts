import type { TemplateSeed } from '@wamux/emulator';
import { graphTemplateFromSeed } from '@wamux/whatsapp-cloud/emulation';

// The in-memory state behind the operation routes, in get.chat's wire
// shapes (snake_case), so routes answer with it as stored. The emulator shell
// shares one state with these routes: it seeds templates, records the
// messages it accepts or simulates (persons and chats follow), and resets it.

/** A user as stored. `password` and `tokens` never leave the emulator. */
export interface EmulatedUser {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  profile: { role: string };
  group_ids: number[];
  permissions: { can_use_tags: boolean; can_read_chats: string; can_write_to_chats: string };
  password?: string | undefined;
  activation_code?: string | undefined;
  is_active: boolean;
}

/** A chat's bookkeeping besides its person. */
export interface EmulatedChat {
  wa_id: string;
  /** Timestamps (POSIX seconds) of customer messages not yet marked as received. */
  unread: number[];
  last_message?: Record<string, unknown> | undefined;
  last_message_timestamp: number;
  /** The `referral` of the latest message that had one. */
  last_referral?: Record<string, unknown> | undefined;
  assigned_to_user: number | null;
  assigned_group: number | null;
  blocked: boolean;
  reported: boolean;
  resolved: boolean;
}

/** A message recorded by the emulator shell, for persons and chats. */
export interface RecordedChatMessage {
  /** Customer's WhatsApp id (digits). */
  waId: string;
  /** The customer's profile name, when known. */
  profileName?: string | undefined;
  /** POSIX seconds. */
  timestamp: number;
  /** Whether the inbox sent it (it then counts as read). */
  fromUs: boolean;
  /** The message object as `/messages/` returns it, kept as the chat's `last_message`. */
  message?: Record<string, unknown> | undefined;
}

/** A webhook delivery the emulator made for `testWabaWebhook`. */
export interface WebhookTestDelivery {
  webhookId: number;
  url: string;
  status: number;
}

/** Everything the operation routes read and change. */
export interface OperationsEmulatorState {
  users: Map<number, EmulatedUser>;
  groups: Map<number, { id: number; name: string }>;
  /** Auth tokens issued by activating `app` users: token → user id. */
  tokens: Map<string, number>;
  persons: Map<string, { wa_id: string; waba_payload: { profile: { name: string }; wa_id: string }; initials: string; last_message_timestamp: number }>;
  chats: Map<string, EmulatedChat>;
  /** WhatsApp message id → the chat's wa_id, for message taggings. */
  messageChats: Map<string, string>;
  /** Contacts as Contact Providers would return them. */
  contacts: Record<string, unknown>[];
  tags: Map<number, { id: number; name: string; web_inbox_color: string | null }>;
  chatTaggings: Map<number, { id: number; tag: number; chat: string; extra: Record<string, unknown> | null }>;
  messageTaggings: Map<number, { id: number; tag: number; message: string; extra: Record<string, unknown> | null }>;
  chatTaggingEvents: Record<string, unknown>[];
  messageTaggingEvents: Record<string, unknown>[];
  chatAssignmentEvents: Record<string, unknown>[];
  savedResponses: Map<number, { id: number; text: string; created_by: number; timestamp: number }>;
  /** Keyed by `name:language`. */
  templates: Map<string, Record<string, unknown>>;
  templatesRefreshing: boolean;
  settingsRefreshing: boolean;
  businessProfile: Record<string, unknown>;
  about: string | null;
  profilePhoto: { data: Uint8Array; mimeType: string } | undefined;
  webhooks: Map<
    number,
    { id: number; user: number; url: string; on_incoming_message: boolean; on_outgoing_message: boolean; on_assigned: boolean; headers: Record<string, string> }
  >;
  webhookTests: WebhookTestDelivery[];
  healthStatuses: { check_name: string; is_ok: boolean; message: string }[];
  wabaErrors: Map<number, { id: number; waba_payload: Record<string, unknown>; timestamp: number; waba_id: string; getchat_id: string | null }>;
  fcmTokens: Map<number, { id: number; token: string; user: number; last_seen: string }>;
  activationEmailsResent: number;
  /** The user every request acts as (the emulator shell may change it per request). */
  currentUserId: number;
  /** Next id of each kind of object. */
  nextId(kind: string): number;
  /** Seconds since the epoch, the emulator's clock. */
  now(): number;
  /** Loads templates from the vendor-neutral seeds, replacing any. */
  seedTemplates(seeds: readonly TemplateSeed[]): void;
  /** Records a message: creates the person and chat, updates the last message and the unread count. */
  recordMessage(message: RecordedChatMessage): void;
  /** Marks a chat's customer messages up to `timestamp` as received. */
  markReceived(waId: string, timestamp: number): void;
  /** Forgets everything, back to the initial admin user and groups. */
  reset(): void;
}

/** The user a fresh emulator authenticates every request as. */
export const EMULATOR_ADMIN_ID = 1;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part !== '')
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/** A vendor-neutral template seed as get.chat stores templates: Meta's components, its status word as given (lower case), its namespace. */
export function templateFromSeed(seed: TemplateSeed): Record<string, unknown> {
  return {
    ...graphTemplateFromSeed(seed),
    status: seed.status ?? 'approved',
    namespace: 'wamux_emulator',
    rejected_reason: seed.status === 'rejected' ? 'INVALID_FORMAT' : null,
  };
}

/** Creates the operation routes' state, with one admin user (id 1) and two groups. */
export function createOperationsEmulatorState(): OperationsEmulatorState {
  const counters = new Map<string, number>();
  const state: OperationsEmulatorState = {
    users: new Map(),
    groups: new Map(),
    tokens: new Map(),
    persons: new Map(),
    chats: new Map(),
    messageChats: new Map(),
    contacts: [],
    tags: new Map(),
    chatTaggings: new Map(),
    messageTaggings: new Map(),
    chatTaggingEvents: [],
    messageTaggingEvents: [],
    chatAssignmentEvents: [],
    savedResponses: new Map(),
    templates: new Map(),
    templatesRefreshing: false,
    settingsRefreshing: false,
    businessProfile: {},
    about: null,
    profilePhoto: undefined,
    webhooks: new Map(),
    webhookTests: [],
    healthStatuses: [],
    wabaErrors: new Map(),
    fcmTokens: new Map(),
    activationEmailsResent: 0,
    currentUserId: EMULATOR_ADMIN_ID,

    nextId(kind) {
      const next = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, next);
      return next;
    },

    now: () => Math.floor(Date.now() / 1000),

    seedTemplates(seeds) {
      state.templates.clear();
      for (const seed of seeds) state.templates.set(`${seed.name}:${seed.language}`, templateFromSeed(seed));
    },

    recordMessage(message) {
      const person = state.persons.get(message.waId);
      const name = message.profileName ?? person?.waba_payload.profile.name ?? message.waId;
      state.persons.set(message.waId, {
        wa_id: message.waId,
        waba_payload: { profile: { name }, wa_id: message.waId },
        initials: initials(name),
        last_message_timestamp: Math.max(person?.last_message_timestamp ?? 0, message.timestamp),
      });
      const chat = state.chats.get(message.waId) ?? newChat(message.waId);
      if (message.timestamp >= chat.last_message_timestamp) {
        chat.last_message = message.message;
        chat.last_message_timestamp = message.timestamp;
      }
      const payload = message.message?.waba_payload;
      const messageId = typeof payload === 'object' && payload !== null ? (payload as { id?: unknown }).id : undefined;
      if (typeof messageId === 'string') state.messageChats.set(messageId, message.waId);
      const referral = typeof payload === 'object' && payload !== null ? (payload as { referral?: unknown }).referral : undefined;
      if (typeof referral === 'object' && referral !== null) chat.last_referral = referral as Record<string, unknown>;
      if (!message.fromUs) chat.unread.push(message.timestamp);
      chat.resolved = false;
      state.chats.set(message.waId, chat);
    },

    markReceived(waId, timestamp) {
      const chat = state.chats.get(waId);
      if (chat) chat.unread = chat.unread.filter((at) => at > timestamp);
    },

    reset() {
      counters.clear();
      for (const store of [
        state.users,
        state.groups,
        state.tokens,
        state.persons,
        state.chats,
        state.messageChats,
        state.tags,
        state.chatTaggings,
        state.messageTaggings,
      ])
        store.clear();
      for (const store of [state.savedResponses, state.templates, state.webhooks, state.wabaErrors, state.fcmTokens]) store.clear();
      state.contacts = [];
      state.chatTaggingEvents = [];
      state.messageTaggingEvents = [];
      state.chatAssignmentEvents = [];
      state.webhookTests = [];
      state.templatesRefreshing = false;
      state.settingsRefreshing = false;
      state.businessProfile = {
        address: '1 Emulator Way',
        description: 'wamux get.chat emulator',
        email: 'inbox@example.com',
        messaging_product: 'whatsapp',
        vertical: 'Other',
        websites: ['https://example.com'],
      };
      state.about = 'Hey there! I am using WhatsApp.';
      state.profilePhoto = undefined;
      state.healthStatuses = [
        { check_name: 'database', is_ok: true, message: 'ok' },
        { check_name: 'waba', is_ok: true, message: 'ok' },
      ];
      state.activationEmailsResent = 0;
      state.currentUserId = EMULATOR_ADMIN_ID;
      for (const name of ['Admin', 'Regular user']) {
        const id = state.nextId('group');
        state.groups.set(id, { id, name });
      }
      const adminId = state.nextId('user');
      state.users.set(adminId, {
        id: adminId,
        username: 'admin',
        first_name: 'Ada',
        last_name: 'Admin',
        email: 'admin@example.com',
        profile: { role: 'admin' },
        group_ids: [1],
        permissions: { can_use_tags: true, can_read_chats: 'all', can_write_to_chats: 'all' },
        is_active: true,
      });
    },
  };
  state.reset();
  return state;
}

function newChat(waId: string): EmulatedChat {
  return {
    wa_id: waId,
    unread: [],
    last_message_timestamp: 0,
    assigned_to_user: null,
    assigned_group: null,
    blocked: false,
    reported: false,
    resolved: false,
  };
}

import type { DeliveredMessage, StoredMedia } from '@wamux/emulator';
import type { OutBoundMsgWire } from '../wire/outbound';

/** A channel the emulator lists (`MsgChannel`), and whether it is a sandbox one. */
export interface EmulatedChannel {
  channelId: string;
  contactType: string;
  lane: string;
  name: string;
  sandbox?: boolean | undefined;
}

/** A message the emulator accepted, in the vendor's format. */
export interface OutboxEntry {
  id: string;
  /** The id the emulator pretends WhatsApp gave the message. */
  messageIdExt: string;
  body: OutBoundMsgWire;
  at: Date;
}

/** A conversation session of one customer. */
export interface EmulatedSession {
  sessionId: string;
  routingId: string;
  contactId: string;
  /** The customer's number, digits. */
  phone: string;
  status: 'OPEN' | 'RESOLVED' | 'CLOSED';
  queue: string;
  agent?: string | undefined;
  team?: string | undefined;
  skills: string[];
  params: Record<string, unknown>;
  /** `ChatMessageDTO`s, oldest first. */
  messages: Array<Record<string, unknown>>;
}

/** Everything the emulator remembers; `reset()` starts it afresh. */
export interface EmulatorState {
  delivered: DeliveredMessage[];
  outbox: OutboxEntry[];
  media: Map<string, StoredMedia>;
  /** `HSMTemplateDoc`s. */
  templates: Array<Record<string, unknown>>;
  channels: EmulatedChannel[];
  /** `CompanyVarsConfigDoc`s. */
  globalVars: Array<Record<string, unknown>>;
  sessions: EmulatedSession[];
  contactLanguages: Map<string, string>;
  pushedData: unknown[];
  pushedEvents: unknown[];
  webhookUrl: string | undefined;
}

/** A fresh state with the given channels and `HSMTemplateDoc`s. */
export function createState(
  channels: readonly EmulatedChannel[],
  templates: ReadonlyArray<Record<string, unknown>>,
  webhookUrl: string | undefined,
): EmulatorState {
  return {
    delivered: [],
    outbox: [],
    media: new Map(),
    templates: templates.map((template) => ({ ...template })),
    channels: channels.map((channel) => ({ ...channel })),
    globalVars: [
      { id: 'var_1', key: 'support_email', value: 'support@example.com', type: 'TEXT', group: 'general', primary: true, disabled: false },
      { id: 'var_2', key: 'business_hours', value: '09:00-18:00', type: 'TEXT', group: 'general', primary: false, disabled: false },
    ],
    sessions: [],
    contactLanguages: new Map(),
    pushedData: [],
    pushedEvents: [],
    webhookUrl,
  };
}

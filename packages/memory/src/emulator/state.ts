import { SAMPLE_TEMPLATES, idGenerator, type DeliveredMessage, type StoredMedia, type TemplateSeed } from '@wamux/emulator';
import type { MessageContent, OutboundMessage } from '@wamux/core/adapter';

/** One message of the history, in either direction. */
export interface HistoryEntry {
  id: string;
  direction: 'inbound' | 'outbound';
  contact: string;
  timestamp: Date;
  content: MessageContent;
}

/** What the memory vendor holds: accepted messages, media, templates, history, read marks. */
export interface MemoryState {
  delivered: DeliveredMessage[];
  media: Map<string, StoredMedia>;
  templates: TemplateSeed[];
  history: HistoryEntry[];
  readMarks: string[];
  ids: { message(): string; media(): string; inbound(): string };
  /** Records an accepted outbound message; returns its id. */
  accept(message: OutboundMessage, raw: unknown): string;
  /** Back to the start: nothing sent or received, the initial templates. */
  reset(): void;
}

/** A fresh state, seeded with `templates` (the sample templates by default). */
export function createState(templates: readonly TemplateSeed[] = SAMPLE_TEMPLATES): MemoryState {
  const state: MemoryState = {
    delivered: [],
    media: new Map(),
    templates: [...templates],
    history: [],
    readMarks: [],
    ids: { message: idGenerator('mem_msg_'), media: idGenerator('mem_media_'), inbound: idGenerator('mem_in_') },
    accept(message, raw) {
      const id = state.ids.message();
      state.delivered.push({ id, message, raw });
      state.history.push({ id, direction: 'outbound', contact: message.to, timestamp: new Date(), content: contentOf(message) });
      return id;
    },
    reset() {
      state.delivered = [];
      state.media = new Map();
      state.templates = [...templates];
      state.history = [];
      state.readMarks = [];
    },
  };
  return state;
}

/** What an outbound message looks like in the history (as content). */
function contentOf(message: OutboundMessage): MessageContent {
  switch (message.type) {
    case 'text':
      return { type: 'text', text: message.text };
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return {
        type: message.type,
        media: {
          ...('id' in message.media ? { id: message.media.id } : {}),
          ...('url' in message.media ? { url: message.media.url } : {}),
          caption: message.caption,
        },
      };
    case 'location':
      return { type: 'location', latitude: message.latitude, longitude: message.longitude, name: message.name, address: message.address };
    case 'contacts':
      return { type: 'contacts', contacts: message.contacts };
    case 'reaction':
      return { type: 'reaction', messageId: message.messageId, emoji: message.emoji };
    case 'interactive':
    case 'template':
      return { type: 'unsupported', originalType: message.type };
  }
}

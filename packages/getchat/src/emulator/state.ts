import { randomUUID } from 'node:crypto';
import type { DeliveredMessage, StoredMedia } from '@wamux/emulator';

/** A message in the emulated inbox, as get.chat stores it. */
export interface StoredMessage {
  /** Insertion order: breaks timestamp ties the same way on every request. */
  seq: number;
  /** get.chat's id (a UUID). */
  getchatId: string;
  /** WhatsApp's id. */
  wamid: string;
  customerWaId: string;
  fromUs: boolean;
  /** POSIX seconds. */
  timestamp: number;
  /** WhatsApp's message object. */
  wabaPayload: Record<string, unknown>;
  statuses: { sent: number | null; delivered: number | null; read: number | null };
  /** The inbox user who sent it (outgoing messages). */
  sender?: Record<string, unknown> | undefined;
  received: boolean;
}

/** A `mark_as_received` call the emulator accepted. */
export interface ReceivedMark {
  customerWaId: string;
  timestamp: number;
}

/** The messages, media and marks of the emulated inbox (the operation routes keep the rest), reset between tests. */
export class InboxState {
  delivered: DeliveredMessage[] = [];
  messages: StoredMessage[] = [];
  media = new Map<string, StoredMedia>();
  marks: ReceivedMark[] = [];
  private seq = 0;
  private wamidSeq = 0;

  /** A new get.chat id. */
  newGetchatId(): string {
    return randomUUID();
  }

  /** A new WhatsApp message id, in WhatsApp's base64-ish style. */
  newWamid(): string {
    this.wamidSeq += 1;
    return `wamid.HBgMOTA1NTUxMTEyMjMzFQIAERgS${this.wamidSeq.toString(16).toUpperCase().padStart(8, '0')}`;
  }

  /** Stores a message, stamping its insertion order. */
  addMessage(message: Omit<StoredMessage, 'seq'>): StoredMessage {
    this.seq += 1;
    const stored = { ...message, seq: this.seq };
    this.messages.push(stored);
    return stored;
  }

  /** A message by get.chat id or WhatsApp id. */
  findMessage(id: string): StoredMessage | undefined {
    return this.messages.find((message) => message.getchatId === id || message.wamid === id);
  }

  reset(): void {
    this.delivered = [];
    this.messages = [];
    this.media = new Map();
    this.marks = [];
  }
}

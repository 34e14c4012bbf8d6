import { toE164, WebhookPayloadError, type PhoneNumber, type WebhookEvent } from '@wamux/core/adapter';
import * as v from 'valibot';
import { MessageWire, type GetchatMessage } from '../map/message';
import { GETCHAT } from '../options';
import { ChatAssignmentEventWire, ChatAssignmentWire } from '../wire/chats';
import { ChatTaggingEventWire, MessageTaggingEventWire } from '../wire/tags';
import { LenientString } from '../wire/lenient';
import { valueContacts } from '@wamux/whatsapp-cloud';
import { inboundFromGetchatMessage, inboundFromWaba } from '../map/inbound';
import { statusFromWaba, statusMessageId } from '../map/status';
import { WabaStatusSchema } from '../wire/waba-status';
import type { GetchatProviderEvent } from './events';

// One parser for every shape a get.chat delivery (or websocket frame) takes,
// and for deliveries that mix them:
// - the Cloud API shape: `object`, `entry[].changes[].value` with
//   `metadata`, `contacts`, `messages`, `statuses` (+ `getchat_id`);
// - the on-premise shape: top-level `contacts`, `messages`, `statuses`;
// - get.chat's extension fields: `incoming_messages`, `outgoing_messages`,
//   `assigned_messages`, `chat_assignment`, `chat_tagging`,
//   `message_tagging`, the deprecated `tagged_chats` / `tagged_messages`,
//   and `results` (the document's own `message_tagging` example).
// Every item becomes an event; the same message or tagging present in two
// fields of one delivery (`messages` and `incoming_messages`) becomes one.

/** Every top-level field the document describes; a body with none of them is not a get.chat delivery. */
const KNOWN_FIELDS = [
  'object',
  'entry',
  'contacts',
  'messages',
  'statuses',
  'errors',
  'incoming_messages',
  'outgoing_messages',
  'assigned_messages',
  'chat_assignment',
  'chat_tagging',
  'message_tagging',
  'tagged_chats',
  'tagged_messages',
  'results',
] as const;

const KNOWN: ReadonlySet<string> = new Set(KNOWN_FIELDS);
/** get.chat's own fields, which may repeat items of the WABA fields. */
const EXTENSION_FIELDS: ReadonlySet<string> = new Set(KNOWN_FIELDS.slice(KNOWN_FIELDS.indexOf('incoming_messages')));

type Json = Record<string, unknown>;

/** A provider event before the collector stamps it, kept a union on `kind`. */
type Draft<E> = E extends GetchatProviderEvent ? Omit<E, 'type' | 'provider' | 'raw'> : never;
type ProviderEventDraft = Draft<GetchatProviderEvent>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const NONE: readonly unknown[] = Object.freeze([]);

/** A documented array, a single object where the document promised an array, or nothing. */
const items = (value: unknown): readonly unknown[] => (value === undefined || value === null ? NONE : Array.isArray(value) ? value : [value]);

/**
 * Calls `read` for each item of `value` (see {@link items}) with the item's
 * dotted path in the delivery: `messages.2` in an array, `messages` for a
 * single object.
 */
function eachItem(value: unknown, path: string, read: (item: unknown, itemPath: string) => void): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    read(value, path);
    return;
  }
  for (let index = 0; index < value.length; index += 1) read(value[index], `${path}.${index}`);
}

/** An id as a de-duplication key: a blank one identifies nothing and is left out. */
const nonBlank = (id: string | undefined): string | undefined => (id === undefined || id.trim() === '' ? undefined : id);

/** The fields that make a change's value a WABA value, whatever its `field`. */
const ITEM_FIELDS = ['messages', 'statuses', 'contacts'];
/** The fields an on-premise body carries at its top level. */
const WABA_FIELDS: ReadonlySet<string> = new Set([...ITEM_FIELDS, 'errors']);

/**
 * Collects a delivery's events in order. get.chat's extension fields repeat
 * items of the WABA fields (a message in `messages` and `incoming_messages`),
 * so once one of them is read, an item whose identity was added already is
 * dropped. A WABA-only delivery (the common one) skips that bookkeeping:
 * hashing an identity per item cost a tenth of a batch's ingestion, and
 * redeliveries are the webhook handler's dedupe store's job.
 */
class EventCollector {
  readonly events: WebhookEvent[] = [];
  private readonly identities: (string | undefined)[] = [];
  private seen: Set<string> | undefined;

  /** From now on, drop items added already. */
  dropRepeats(): void {
    this.seen ??= new Set(this.identities.filter((identity): identity is string => identity !== undefined));
  }

  /** Adds an event unless repeats are dropped and one with the same identity was added already. */
  add(event: WebhookEvent, identity: string | undefined): void {
    if (this.seen) {
      if (identity !== undefined) {
        if (this.seen.has(identity)) return;
        this.seen.add(identity);
      }
    } else this.identities.push(identity);
    this.events.push(event);
  }

  message(message: Extract<WebhookEvent, { type: 'message' }>['message'], raw: unknown): void {
    this.add({ type: 'message', provider: GETCHAT, message, raw }, `m:${message.id}`);
  }

  providerEvent(event: ProviderEventDraft, raw: unknown): void {
    const id = nonBlank(event.id);
    const full = { type: 'provider_event', provider: GETCHAT, ...event, id, raw } as GetchatProviderEvent;
    if (id === undefined) delete full.id;
    this.add(full, id === undefined ? undefined : `p:${event.kind}:${id}`);
  }

  /** An item that could not be read: `path` is where it is in the delivery, `at` the field of the item at fault. */
  unrecognized(field: string, reason: string, raw: unknown, path: string, at?: string): void {
    this.providerEvent({ kind: 'unrecognized', payload: { field, reason, path: at === undefined ? path : `${path}.${at}` } }, raw);
  }
}

/**
 * Turns a parsed get.chat delivery into webhook events. Throws
 * `WebhookPayloadError` when the body is not an object or has none of the
 * documented fields; a single unreadable item becomes an `unrecognized`
 * provider event instead, so the rest of the delivery still counts.
 */
export function eventsFromPayload(body: unknown): WebhookEvent[] {
  if (!isRecord(body)) throw new WebhookPayloadError('the webhook body is not a JSON object', { provider: GETCHAT, status: 400 });
  // One pass over the body's few keys, not a lookup per documented field.
  const keys = Object.keys(body);
  if (!keys.some((key) => KNOWN.has(key))) {
    throw new WebhookPayloadError(`the webhook body has none of the fields get.chat documents (${KNOWN_FIELDS.join(', ')})`, {
      provider: GETCHAT,
      status: 400,
    });
  }
  const collector = new EventCollector();

  eachItem(body.entry, 'entry', (entry, entryPath) => {
    if (!isRecord(entry)) {
      collector.unrecognized('entry', 'an entry is not an object', entry, entryPath);
      return;
    }
    eachItem(entry.changes, `${entryPath}.changes`, (change, changePath) => {
      if (!isRecord(change) || !isRecord(change.value)) {
        collector.unrecognized('entry.changes', 'a change has no value object', change, changePath, 'value');
        return;
      }
      const field = typeof change.field === 'string' ? change.field : 'messages';
      const value = change.value;
      if (field === 'messages' || ITEM_FIELDS.some((key) => Object.hasOwn(value, key))) {
        const metadata = isRecord(value.metadata) ? value.metadata : {};
        const businessNumber = v.safeParse(LenientString, metadata.display_phone_number);
        readWabaValue(collector, value, businessNumber.success ? toE164(businessNumber.output) : undefined, `${changePath}.value.`);
      } else {
        collector.providerEvent({ kind: 'waba_change', payload: { field, value } }, change);
      }
    });
  });

  // The on-premise shape: the same fields at the top level.
  if (keys.some((key) => WABA_FIELDS.has(key))) readWabaValue(collector, body, undefined, '');
  if (!keys.some((key) => EXTENSION_FIELDS.has(key))) return collector.events;
  collector.dropRepeats();

  eachItem(body.incoming_messages, 'incoming_messages', (item, path) => readGetchatMessage(collector, item, 'incoming_messages', path));
  eachItem(body.assigned_messages, 'assigned_messages', (item, path) => readGetchatMessage(collector, item, 'assigned_messages', path));
  eachItem(body.outgoing_messages, 'outgoing_messages', (item, path) => readGetchatMessage(collector, item, 'outgoing_messages', path));

  eachItem(body.chat_assignment, 'chat_assignment', (item, path) => readChatAssignment(collector, item, 'chat_assignment', path));
  eachItem(body.chat_tagging, 'chat_tagging', (item, path) => readChatTagging(collector, item, 'chat_tagging', path));
  eachItem(body.tagged_chats, 'tagged_chats', (item, path) => readChatTagging(collector, item, 'tagged_chats', path));
  eachItem(body.message_tagging, 'message_tagging', (item, path) => readMessageTagging(collector, item, 'message_tagging', path));
  eachItem(body.tagged_messages, 'tagged_messages', (item, path) => readMessageTagging(collector, item, 'tagged_messages', path));
  eachItem(body.results, 'results', (item, path) => readResult(collector, item, path));

  return collector.events;
}

/**
 * `contacts`, `messages`, `statuses` and `errors` of a Cloud API value or an
 * on-premise body; `base` is the value's path in the delivery (`entry.0.changes.0.value.`
 * or nothing), for the paths of unreadable items.
 */
function readWabaValue(collector: EventCollector, value: Json, to: PhoneNumber | undefined, base: string): void {
  const contacts = valueContacts(items(value.contacts));
  eachItem(value.messages, `${base}messages`, (payload, path) => {
    if (!isRecord(payload)) {
      collector.unrecognized('messages', 'a message is not an object', payload, path);
      return;
    }
    const result = inboundFromWaba(payload, { contacts, to });
    if (result.ok) collector.message(result.message, payload);
    else collector.unrecognized('messages', result.reason, payload, path, result.field);
  });
  eachItem(value.statuses, `${base}statuses`, (item, path) => {
    const parsed = v.safeParse(WabaStatusSchema, item);
    if (!parsed.success) {
      collector.unrecognized('statuses', 'a status item has no status', item, path, 'status');
      return;
    }
    const messageId = statusMessageId(parsed.output);
    // No (or a blank) id: nothing to link it to, and no de-duplication key.
    if (messageId === undefined) {
      collector.unrecognized('statuses', 'a status item has no id', item, path, 'id');
      return;
    }
    const status = statusFromWaba(parsed.output, contacts);
    if (status) collector.add({ type: 'status', provider: GETCHAT, status, raw: item }, `s:${status.messageId}:${status.status}`);
    else collector.providerEvent({ kind: 'unknown_status', payload: { status: parsed.output.status, messageId } }, item);
  });
  const errors = items(value.errors);
  if (errors.length > 0) collector.providerEvent({ kind: 'waba_errors', payload: { errors: [...errors] } }, value.errors);
}

/** One get.chat message object of `incoming_messages`, `assigned_messages` or `outgoing_messages`. */
function readGetchatMessage(
  collector: EventCollector,
  item: unknown,
  field: 'incoming_messages' | 'assigned_messages' | 'outgoing_messages',
  path: string,
): void {
  const parsed = v.safeParse(MessageWire, item);
  if (!parsed.success) {
    collector.unrecognized(field, 'not a get.chat message object', item, path, v.getDotPath(parsed.issues[0]) ?? undefined);
    return;
  }
  const message = parsed.output;
  const id = nonBlank(message.getchatId) ?? nonBlank(message.whatsappMessageId);
  if (field === 'assigned_messages') collector.providerEvent({ kind: 'assigned_message', id, payload: message }, item);
  if (message.fromUs || field === 'outgoing_messages') {
    collector.providerEvent({ kind: 'outgoing_message', id, payload: message }, item);
    return;
  }
  readCustomerMessage(collector, message, field, item, path);
}

function readCustomerMessage(collector: EventCollector, message: GetchatMessage, field: string, raw: unknown, path: string): void {
  const result = inboundFromGetchatMessage(message);
  if (result.ok) collector.message(result.message, raw);
  else collector.unrecognized(field, result.reason, raw, path, `waba_payload.${result.field}`);
}

function readChatAssignment(collector: EventCollector, item: unknown, field: string, path: string): void {
  const event = v.safeParse(ChatAssignmentEventWire, item);
  if (event.success) {
    const { waId, timestamp } = event.output;
    collector.providerEvent({ kind: 'chat_assignment', id: `${waId}:${timestamp.getTime()}`, payload: event.output }, item);
    return;
  }
  const assignment = v.safeParse(ChatAssignmentWire, item);
  if (assignment.success) collector.providerEvent({ kind: 'chat_assignment', payload: assignment.output }, item);
  else collector.unrecognized(field, 'not a chat assignment event', item, path, v.getDotPath(event.issues[0]) ?? undefined);
}

function readChatTagging(collector: EventCollector, item: unknown, field: string, path: string): void {
  const parsed = v.safeParse(ChatTaggingEventWire, item);
  if (!parsed.success) {
    collector.unrecognized(field, 'not a chat tagging event', item, path, v.getDotPath(parsed.issues[0]) ?? undefined);
    return;
  }
  const e = parsed.output;
  collector.providerEvent({ kind: 'chat_tagging', id: `${e.waId}:${e.tag?.id ?? ''}:${e.action}:${e.timestamp.getTime()}`, payload: e }, item);
}

function readMessageTagging(collector: EventCollector, item: unknown, field: string, path: string): void {
  const parsed = v.safeParse(MessageTaggingEventWire, item);
  if (!parsed.success) {
    collector.unrecognized(field, 'not a message tagging event', item, path, v.getDotPath(parsed.issues[0]) ?? undefined);
    return;
  }
  const e = parsed.output;
  collector.providerEvent({ kind: 'message_tagging', id: `${e.messageId}:${e.tag?.id ?? ''}:${e.action}:${e.timestamp.getTime()}`, payload: e }, item);
}

/**
 * An item of `results`: the document's `message_tagging` example wraps its
 * events that way (as the list endpoints do), so the item's own fields say
 * which event it is.
 */
function readResult(collector: EventCollector, item: unknown, path: string): void {
  if (!isRecord(item)) collector.unrecognized('results', 'a result is not an object', item, path);
  else if (Object.hasOwn(item, 'message') && Object.hasOwn(item, 'tag')) readMessageTagging(collector, item, 'results', path);
  else if (Object.hasOwn(item, 'chat') && Object.hasOwn(item, 'tag')) readChatTagging(collector, item, 'results', path);
  else if (Object.hasOwn(item, 'waba_payload')) readGetchatMessage(collector, item, item.from_us === true ? 'outgoing_messages' : 'incoming_messages', path);
  else if (Object.hasOwn(item, 'wa_id')) readChatAssignment(collector, item, 'results', path);
  else collector.unrecognized('results', 'an item of no known kind', item, path);
}

import { safeParse, toE164, WebhookPayloadError, type PhoneNumber, type WebhookEvent } from '@wamux/core';
import * as v from 'valibot';
import { MessageWire, type GetchatMessage } from '../messages/schema';
import { PROVIDER } from '../options';
import { ChatAssignmentEventWire, ChatAssignmentWire } from '../operations/schemas/chats';
import { ChatTaggingEventWire, MessageTaggingEventWire } from '../operations/schemas/tags';
import { LenientString, maybe } from '../operations/shared/wire';
import { inboundFromWaba } from '../wire/inbound-message';
import { statusFromWaba, WabaStatusSchema } from '../wire/status';
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

/** The fields that make a change's value a WABA value, whatever its `field`. */
const ITEM_FIELDS = ['messages', 'statuses', 'contacts'];
/** The fields an on-premise body carries at its top level. */
const WABA_FIELDS: ReadonlySet<string> = new Set([...ITEM_FIELDS, 'errors']);

const ContactWire = v.object({ wa_id: maybe(LenientString), profile: maybe(v.object({ name: maybe(v.string()) })) });

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
    this.add({ type: 'message', provider: PROVIDER, message, raw }, `m:${message.id}`);
  }

  providerEvent(event: ProviderEventDraft, raw: unknown): void {
    const full = { type: 'provider_event', provider: PROVIDER, ...event, raw } as GetchatProviderEvent;
    this.add(full, event.id === undefined ? undefined : `p:${event.kind}:${event.id}`);
  }

  unrecognized(field: string, reason: string, raw: unknown): void {
    this.providerEvent({ kind: 'unrecognized', payload: { field, reason } }, raw);
  }
}

/**
 * Turns a parsed get.chat delivery into webhook events. Throws
 * `WebhookPayloadError` when the body is not an object or has none of the
 * documented fields; a single unreadable item becomes an `unrecognized`
 * provider event instead, so the rest of the delivery still counts.
 */
export function eventsFromPayload(body: unknown): WebhookEvent[] {
  if (!isRecord(body)) throw new WebhookPayloadError('the webhook body is not a JSON object', { provider: PROVIDER, status: 400 });
  // One pass over the body's few keys, not a lookup per documented field.
  const keys = Object.keys(body);
  if (!keys.some((key) => KNOWN.has(key))) {
    throw new WebhookPayloadError(`the webhook body has none of the fields get.chat documents (${KNOWN_FIELDS.join(', ')})`, { provider: PROVIDER, status: 400 });
  }
  const collector = new EventCollector();

  for (const entry of items(body.entry)) {
    if (!isRecord(entry)) {
      collector.unrecognized('entry', 'an entry is not an object', entry);
      continue;
    }
    for (const change of items(entry.changes)) {
      if (!isRecord(change) || !isRecord(change.value)) {
        collector.unrecognized('entry.changes', 'a change has no value object', change);
        continue;
      }
      const field = typeof change.field === 'string' ? change.field : 'messages';
      const value = change.value;
      if (field === 'messages' || ITEM_FIELDS.some((key) => key in value)) {
        const metadata = isRecord(value.metadata) ? value.metadata : {};
        const businessNumber = safeParse(LenientString, metadata.display_phone_number);
        readWabaValue(collector, value, businessNumber.success ? toE164(businessNumber.output) : undefined);
      } else {
        collector.providerEvent({ kind: 'waba_change', payload: { field, value } }, change);
      }
    }
  }

  // The on-premise shape: the same fields at the top level.
  if (keys.some((key) => WABA_FIELDS.has(key))) readWabaValue(collector, body, undefined);
  if (!keys.some((key) => EXTENSION_FIELDS.has(key))) return collector.events;
  collector.dropRepeats();

  for (const item of items(body.incoming_messages)) readGetchatMessage(collector, item, 'incoming_messages');
  for (const item of items(body.assigned_messages)) readGetchatMessage(collector, item, 'assigned_messages');
  for (const item of items(body.outgoing_messages)) readGetchatMessage(collector, item, 'outgoing_messages');

  for (const item of items(body.chat_assignment)) readChatAssignment(collector, item, 'chat_assignment');
  for (const item of items(body.chat_tagging)) readChatTagging(collector, item, 'chat_tagging');
  for (const item of items(body.tagged_chats)) readChatTagging(collector, item, 'tagged_chats');
  for (const item of items(body.message_tagging)) readMessageTagging(collector, item, 'message_tagging');
  for (const item of items(body.tagged_messages)) readMessageTagging(collector, item, 'tagged_messages');
  for (const item of items(body.results)) readResult(collector, item);

  return collector.events;
}

/** `contacts`, `messages`, `statuses` and `errors` of a Cloud API value or an on-premise body. */
function readWabaValue(collector: EventCollector, value: Json, to: PhoneNumber | undefined): void {
  const names = new Map<string, string>();
  for (const contact of items(value.contacts)) {
    const parsed = safeParse(ContactWire, contact);
    if (parsed.success && parsed.output.wa_id && parsed.output.profile?.name) names.set(parsed.output.wa_id, parsed.output.profile.name);
  }
  for (const payload of items(value.messages)) {
    if (!isRecord(payload)) {
      collector.unrecognized('messages', 'a message is not an object', payload);
      continue;
    }
    const result = inboundFromWaba(payload, { profileNames: names, to });
    if (result.ok) collector.message(result.message, payload);
    else collector.unrecognized('messages', result.reason, payload);
  }
  for (const item of items(value.statuses)) {
    const parsed = safeParse(WabaStatusSchema, item);
    if (!parsed.success) {
      collector.unrecognized('statuses', 'a status item has no status', item);
      continue;
    }
    const status = statusFromWaba(parsed.output);
    if (status) collector.add({ type: 'status', provider: PROVIDER, status, raw: item }, `s:${status.messageId}:${status.status}`);
    else collector.providerEvent({ kind: 'unknown_status', payload: { status: parsed.output.status, messageId: parsed.output.getchat_id ?? parsed.output.id } }, item);
  }
  const errors = items(value.errors);
  if (errors.length > 0) collector.providerEvent({ kind: 'waba_errors', payload: { errors: [...errors] } }, value.errors);
}

/** One get.chat message object of `incoming_messages`, `assigned_messages` or `outgoing_messages`. */
function readGetchatMessage(collector: EventCollector, item: unknown, field: 'incoming_messages' | 'assigned_messages' | 'outgoing_messages'): void {
  const parsed = safeParse(MessageWire, item);
  if (!parsed.success) {
    collector.unrecognized(field, 'not a get.chat message object', item);
    return;
  }
  const message = parsed.output;
  const id = message.getchatId ?? message.whatsappMessageId;
  if (field === 'assigned_messages') collector.providerEvent({ kind: 'assigned_message', id, payload: message }, item);
  if (message.fromUs || field === 'outgoing_messages') {
    collector.providerEvent({ kind: 'outgoing_message', id, payload: message }, item);
    return;
  }
  readCustomerMessage(collector, message, field, item);
}

function readCustomerMessage(collector: EventCollector, message: GetchatMessage, field: string, raw: unknown): void {
  const result = inboundFromWaba(message.wabaPayload, {
    customerWaId: message.customerWaId,
    fallbackId: message.getchatId,
    profileName: message.contact?.name,
  });
  if (result.ok) collector.message(result.message, raw);
  else collector.unrecognized(field, result.reason, raw);
}

function readChatAssignment(collector: EventCollector, item: unknown, field: string): void {
  const event = safeParse(ChatAssignmentEventWire, item);
  if (event.success) {
    const { waId, timestamp } = event.output;
    collector.providerEvent({ kind: 'chat_assignment', id: `${waId}:${timestamp.getTime()}`, payload: event.output }, item);
    return;
  }
  const assignment = safeParse(ChatAssignmentWire, item);
  if (assignment.success) collector.providerEvent({ kind: 'chat_assignment', payload: assignment.output }, item);
  else collector.unrecognized(field, 'not a chat assignment event', item);
}

function readChatTagging(collector: EventCollector, item: unknown, field: string): void {
  const parsed = safeParse(ChatTaggingEventWire, item);
  if (!parsed.success) {
    collector.unrecognized(field, 'not a chat tagging event', item);
    return;
  }
  const e = parsed.output;
  collector.providerEvent({ kind: 'chat_tagging', id: `${e.waId}:${e.tag?.id ?? ''}:${e.action}:${e.timestamp.getTime()}`, payload: e }, item);
}

function readMessageTagging(collector: EventCollector, item: unknown, field: string): void {
  const parsed = safeParse(MessageTaggingEventWire, item);
  if (!parsed.success) {
    collector.unrecognized(field, 'not a message tagging event', item);
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
function readResult(collector: EventCollector, item: unknown): void {
  if (!isRecord(item)) collector.unrecognized('results', 'a result is not an object', item);
  else if ('message' in item && 'tag' in item) readMessageTagging(collector, item, 'results');
  else if ('chat' in item && 'tag' in item) readChatTagging(collector, item, 'results');
  else if ('waba_payload' in item) readGetchatMessage(collector, item, item.from_us === true ? 'outgoing_messages' : 'incoming_messages');
  else if ('wa_id' in item) readChatAssignment(collector, item, 'results');
  else collector.unrecognized('results', 'an item of no known kind', item);
}

import {
  compact,
  inboundSender,
  parseJsonBody,
  safeParse,
  toE164,
  WebhookPayloadError,
  type Customer,
  type DeliveryStatus,
  type InboundMessage,
  type MediaRef,
  type MessageContent,
  type PhoneNumber,
  type ProviderEvent,
  type Referral,
  type StatusUpdate,
  type WebhookEvent,
  type WebhookParseResult,
  type WebhookRequest,
} from '@wamux/core';
import * as v from 'valibot';
import { DESK360 } from '../constants';
import { fromDesk360Contact } from '../wire/contacts';
import {
  AttachmentsSchema,
  ContactsContentSchema,
  EnvelopeSchema,
  InteractiveContentSchema,
  LocationContentSchema,
  MediaObjectSchema,
  MessageHeadSchema,
  ReferralSchema,
  StatusItemSchema,
  TextContentSchema,
} from './schemas';
import type { SenderMemory } from './senders';
import { verifyWebhook, type WebhookAuth } from './verify';

/** A status Desk360 sent that wamux does not model, kept rather than dropped. */
export interface Desk360UnknownStatus {
  messageId: string;
  /** Desk360's status text, as sent. */
  status: string;
  recipient?: PhoneNumber | undefined;
}

/** The provider events Desk360 webhooks can produce. */
export type Desk360ProviderEvent = ProviderEvent<'unknown_status', Desk360UnknownStatus>;

/** What the parser needs from its provider. */
export interface WebhookParserOptions {
  /** The configured secret, or the app's opt-out. */
  auth: WebhookAuth;
  /** Learns who sent each message, for `markRead`. */
  senders: SenderMemory;
}

/** Built once: a schema made per call would be compiled per call. */
const MaybeMediaObjectSchema = v.optional(v.nullable(MediaObjectSchema));

const MEDIA_TYPES = ['image', 'video', 'audio', 'voice', 'document', 'sticker'] as const;
type Desk360MediaType = (typeof MEDIA_TYPES)[number];

/** The keys that tell a message's type when `type` is missing, in the order they are tried. */
const CONTENT_KEYS = ['location', 'contacts', ...MEDIA_TYPES, 'interactive', 'text'] as const;

/**
 * Desk360's status words → the model's. A Map, not an object literal: a
 * status word is vendor text, and `constructor` or `__proto__` must read as
 * an unknown status, not as a property every object inherits.
 */
const STATUSES: ReadonlyMap<string, DeliveryStatus> = new Map([
  ['queued', 'queued'],
  ['pending', 'queued'],
  ['sent', 'sent'],
  ['delivered', 'delivered'],
  ['read', 'read'],
  ['seen', 'read'],
  ['played', 'played'],
  ['failed', 'failed'],
  ['error', 'failed'],
  ['deleted', 'deleted'],
]);

/**
 * Verifies and normalizes one Desk360 webhook delivery: every documented
 * message type, ad referrals, and `delivered` / `read` statuses. Desk360
 * posts one item per delivery, so an item that cannot be read (no id, not in
 * the documented shape) refuses the whole delivery: a `WebhookPayloadError`
 * whose `field` names the path at fault (`messages.id`). Nothing else escapes.
 */
export function parseDesk360Webhook(request: WebhookRequest, options: WebhookParserOptions): WebhookParseResult {
  verifyWebhook(request, options.auth);
  const envelope = part(EnvelopeSchema, parseJsonBody(request, DESK360), '(body)');
  const events: WebhookEvent[] = [];
  forEachItem(envelope.messages, 'messages', (item, path) => {
    const event = messageEvent(item, path);
    options.senders.remember(event.message.id, event.message.from);
    events.push(event);
  });
  forEachItem(envelope.statuses, 'statuses', (item, path) => events.push(statusEvent(item, path)));
  return { events };
}

/** Calls `read` for each item of a documented single object or an array, with the item's path (`messages.3`). */
function forEachItem(value: unknown, key: string, read: (item: unknown, path: string) => void): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) return read(value, key);
  for (let index = 0; index < value.length; index += 1) read(value[index], `${key}.${index}`);
}

/** Parses a part of the body, or throws `WebhookPayloadError` naming the field at fault. */
function part<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, path: string): v.InferOutput<TSchema> {
  const result = safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = [path === '(body)' ? undefined : path, v.getDotPath(issue)].filter(Boolean).join('.') || path;
  // Valibot's messages end in "but received <the input>": dropped, as the input may be anything.
  const message = issue.message.replace(/,?\s*but received [\s\S]*$/, '');
  throw new WebhookPayloadError(`the Desk360 webhook body is not in the documented shape: ${field}: ${message}`, { provider: DESK360, status: 400, field });
}

function messageEvent(item: unknown, path: string): Extract<WebhookEvent, { type: 'message' }> {
  const head = part(MessageHeadSchema, item, path);
  const record = item as Record<string, unknown>;
  const type = head.type || (CONTENT_KEYS.find((key) => record[key] !== undefined && record[key] !== null) ?? 'unknown');
  const referral = record.referral === undefined || record.referral === null ? undefined : toReferral(part(ReferralSchema, record.referral, `${path}.referral`));
  // Built field by field rather than through compact(): this runs for every
  // item of a batch. The timestamp is undocumented on some examples: the
  // time it arrived is the best there is then.
  // Desk360's document names customers by phone number only (no business-scoped user ID field).
  const customer: Customer = head.name === undefined ? { phone: head.from } : { phone: head.from, name: head.name };
  const message: InboundMessage = { id: head.id, ...inboundSender(customer), timestamp: head.timestamp ?? new Date(), content: contentOf(type, item, path) };
  if (referral !== undefined) message.referral = referral;
  return { type: 'message', provider: DESK360, message, raw: item };
}

function contentOf(type: string, item: unknown, path: string): MessageContent {
  // A switch over an open string (not a union, so nothing to make exhaustive):
  // ts-pattern's builder cost a tenth of a single-message ingestion.
  switch (type) {
    case 'text':
      return { type: 'text', text: part(TextContentSchema, item, path).text };
    case 'location': {
      const { location } = part(LocationContentSchema, item, path);
      return compact({ type: 'location' as const, latitude: location.latitude, longitude: location.longitude, name: location.name, address: location.address, url: location.url });
    }
    case 'contacts':
      return { type: 'contacts', contacts: part(ContactsContentSchema, item, path).contacts.map(fromDesk360Contact) };
    case 'image':
    case 'video':
    case 'audio':
    case 'voice':
    case 'document':
    case 'sticker':
      return { type: type === 'voice' ? 'audio' : type, media: mediaRefOf(type, item, path) };
    case 'interactive': {
      const { interactive } = part(InteractiveContentSchema, item, path);
      const reply = interactive.button_reply ?? interactive.list_reply;
      if (!reply) return unsupported(type, item);
      const kind = interactive.button_reply ? ('button' as const) : ('list' as const);
      const description = interactive.list_reply?.description;
      return { type: 'interactive_reply', reply: compact({ kind, id: reply.id, title: reply.title ?? '', description }) };
    }
    default:
      return unsupported(type, item);
  }
}

/** A type wamux does not model: its name, and its text when it has one; the event's `raw` keeps the rest. */
function unsupported(type: string, item: unknown): MessageContent {
  const text = (item as { text?: unknown }).text;
  return compact({ type: 'unsupported' as const, originalType: type, text: typeof text === 'string' ? text : undefined });
}

function mediaRefOf(type: Desk360MediaType, item: unknown, path: string): MediaRef {
  const record = item as Record<string, unknown>;
  const media = part(MaybeMediaObjectSchema, record[type], `${path}.${type}`) ?? {};
  const attachments = part(AttachmentsSchema, record.attachments, `${path}.attachments`);
  return compact({
    id: media.media_id ?? media.id,
    url: attachments.find((a) => a.url !== undefined)?.url,
    mimeType: media.mime_type,
    sha256: media.sha ?? media.sha256,
    caption: media.message ?? media.caption,
    filename: media.filename,
    voice: type === 'voice' ? true : undefined,
  });
}

function toReferral(referral: v.InferOutput<typeof ReferralSchema>): Referral {
  return compact({
    sourceId: referral.id ?? referral.source_id,
    sourceUrl: referral.url ?? referral.source_url,
    sourceType: referral.type ?? referral.source_type,
    headline: referral.header ?? referral.headline,
    body: referral.body,
    mediaType: referral.media_type,
    mediaUrl: referral.media_url ?? referral.image_url ?? referral.video_url,
    thumbnailUrl: referral.thumbnail_url,
    clickId: referral.ctwa_clid,
  });
}

function statusEvent(item: unknown, path: string): WebhookEvent {
  const parsed = part(StatusItemSchema, item, path);
  const recipient = parsed.from === undefined || parsed.from === null ? undefined : toE164(parsed.from);
  const status = STATUSES.get(parsed.status.trim().toLowerCase());
  if (status === undefined) {
    const event: Desk360ProviderEvent = {
      type: 'provider_event',
      provider: DESK360,
      kind: 'unknown_status',
      id: `${parsed.id}:${parsed.status}`,
      payload: compact({ messageId: parsed.id, status: parsed.status, recipient }),
      raw: item,
    };
    return event;
  }
  const update: StatusUpdate = compact({
    messageId: parsed.id,
    status,
    vendorStatus: parsed.status,
    recipient,
    timestamp: parsed.timestamp ?? undefined,
    errors:
      parsed.errors.length === 0
        ? undefined
        : parsed.errors.map((error) => compact({ code: String(error.code), title: error.title ?? error.message, details: error.details })),
  });
  return { type: 'status', provider: DESK360, status: update, raw: item };
}

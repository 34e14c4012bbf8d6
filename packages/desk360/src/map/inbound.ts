import {
  compact,
  ContactCardSchema,
  inboundSender,
  issueMessage,
  WebhookPayloadError,
  type ContactCard,
  type Customer,
  type InboundMessage,
  type MediaRef,
  type MessageContent,
  type Referral,
  type WebhookEvent,
} from '@wamux/core/adapter';
import * as v from 'valibot';
import { DESK360 } from '../options';
import type { InboundContactSchema } from '../wire/contacts';
import {
  AttachmentsSchema,
  ContactsContentSchema,
  InteractiveContentSchema,
  LocationContentSchema,
  MediaObjectSchema,
  MessageHeadSchema,
  ReferralSchema,
  TextContentSchema,
} from '../wire/webhook';

// Desk360's received messages → the model's. Liberal: numbers where strings
// were documented, one object where an array was, WhatsApp's shapes besides
// Desk360's; what the model lacks stays in the event's `raw`.

/** Built once: a schema made per call would be compiled per call. */
const MaybeMediaObjectSchema = v.optional(v.nullable(MediaObjectSchema));

const MEDIA_TYPES = ['image', 'video', 'audio', 'voice', 'document', 'sticker'] as const;
type Desk360MediaType = (typeof MEDIA_TYPES)[number];

/** The keys that tell a message's type when `type` is missing, in the order they are tried. */
const CONTENT_KEYS = ['location', 'contacts', ...MEDIA_TYPES, 'interactive', 'text'] as const;

/**
 * One received Desk360 message item (at `path` in the delivery, e.g.
 * `messages.0`) as a wamux message event; an item it cannot read throws
 * `WebhookPayloadError` naming the field.
 */
export function messageEvent(item: unknown, path: string): Extract<WebhookEvent, { type: 'message' }> {
  const head = readWebhookPart(MessageHeadSchema, item, path);
  const record = item as Record<string, unknown>;
  const type = head.type || (CONTENT_KEYS.find((key) => record[key] !== undefined && record[key] !== null) ?? 'unknown');
  const referral =
    record.referral === undefined || record.referral === null ? undefined : toReferral(readWebhookPart(ReferralSchema, record.referral, `${path}.referral`));
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
      return { type: 'text', text: readWebhookPart(TextContentSchema, item, path).text };
    case 'location': {
      const { location } = readWebhookPart(LocationContentSchema, item, path);
      return compact({
        type: 'location' as const,
        latitude: location.latitude,
        longitude: location.longitude,
        name: location.name,
        address: location.address,
        url: location.url,
      });
    }
    case 'contacts':
      return { type: 'contacts', contacts: readWebhookPart(ContactsContentSchema, item, path).contacts.map(fromDesk360Contact) };
    case 'image':
    case 'video':
    case 'audio':
    case 'voice':
    case 'document':
    case 'sticker':
      return { type: type === 'voice' ? 'audio' : type, media: mediaRefOf(type, item, path) };
    case 'interactive': {
      const { interactive } = readWebhookPart(InteractiveContentSchema, item, path);
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
  const media = readWebhookPart(MaybeMediaObjectSchema, record[type], `${path}.${type}`) ?? {};
  const attachments = readWebhookPart(AttachmentsSchema, record.attachments, `${path}.attachments`);
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

/**
 * A received Desk360 contact as a normalized card. Liberal and total: a
 * missing or empty formatted name is built from the parts (or the first
 * phone), a birthday that is not `YYYY-MM-DD` is dropped, `ims` (not in the
 * model) stays in `raw`.
 */
function fromDesk360Contact(contact: v.InferOutput<typeof InboundContactSchema>): ContactCard {
  const name = contact.name ?? {};
  const phones = contact.phones.filter((p) => p.phone !== undefined || p.wa_id !== undefined);
  // `||`, not `??`: an empty formatted name is as absent as a missing one (the model requires a non-empty one).
  const formatted =
    name.formatted_name ||
    [name.prefix, name.first_name, name.middle_name, name.last_name, name.suffix].filter(Boolean).join(' ') ||
    phones[0]?.phone ||
    phones[0]?.wa_id ||
    'Unknown';
  const card = compact({
    name: compact({ formatted, first: name.first_name, last: name.last_name, middle: name.middle_name, prefix: name.prefix, suffix: name.suffix }),
    phones: nonEmpty(phones.map((p) => compact({ phone: p.phone ?? `+${p.wa_id ?? ''}`, type: p.type, waId: p.wa_id }))),
    emails: nonEmpty(contact.emails.flatMap((e) => (e.email === undefined ? [] : [compact({ email: e.email, type: e.type })]))),
    addresses: nonEmpty(
      contact.addresses.map((a) =>
        compact({ street: a.street, city: a.city, state: a.state, zip: a.zip, country: a.country, countryCode: a.country_code, type: a.type }),
      ),
    ),
    org: contact.org ? compact({ company: contact.org.company, department: contact.org.department, title: contact.org.title }) : undefined,
    urls: nonEmpty(contact.urls.flatMap((u) => (u.url === undefined ? [] : [compact({ url: u.url, type: u.type })]))),
    birthday: contact.birthday,
  });
  // Keep only what the model accepts (a malformed birthday is dropped, not fatal).
  const checked = v.safeParse(ContactCardSchema, card);
  if (checked.success) return checked.output;
  const { birthday: _dropped, ...rest } = card;
  const withoutBirthday = v.safeParse(ContactCardSchema, rest);
  // Never reached with the fields built above; a parse that threw would make a webhook fail on a contact card.
  return withoutBirthday.success ? withoutBirthday.output : { name: { formatted } };
}

function nonEmpty<T>(items: T[]): T[] | undefined {
  return items.length > 0 ? items : undefined;
}

/** Parses a part of a webhook body, or throws `WebhookPayloadError` naming the field at fault. */
export function readWebhookPart<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, path: string): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = [path === '(body)' ? undefined : path, v.getDotPath(issue)].filter(Boolean).join('.') || path;
  const message = issueMessage(issue);
  throw new WebhookPayloadError(`the Desk360 webhook body is not in the documented shape: ${field}: ${message}`, { provider: DESK360, status: 400, field });
}

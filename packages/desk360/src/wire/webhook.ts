import * as v from 'valibot';
import { IdString, listOf, Numeric, OptionalText, VendorPhone, VendorTimestamp } from './coerce';
import { InboundContactsSchema } from './contacts';

// Desk360's webhook bodies, read liberally: `messages` and `statuses` are
// documented as one object each, and accepted as arrays too; numbers may be
// strings; anything undocumented is kept in the event's `raw`. Unknown keys
// are accepted and left out of the parsed copy (v.object, not looseObject):
// the parser reads known fields only, and copying the rest was a large share
// of a batch's allocations.

/**
 * The id of a message or status: what the model's `messageId` and the
 * webhook handler's de-duplication key are made of, so an empty or blank one
 * is refused rather than emitted (two different messages would share it).
 */
const ItemId = v.pipe(
  IdString,
  v.check((id) => id.trim() !== '', 'must not be blank'),
);

/** `{ "messages": {...} }` and/or `{ "statuses": {...} }`. */
export const EnvelopeSchema = v.pipe(
  v.object({
    messages: v.optional(v.nullable(v.union([v.array(v.unknown()), v.looseObject({})]))),
    statuses: v.optional(v.nullable(v.union([v.array(v.unknown()), v.looseObject({})]))),
  }),
  v.check((body) => (body.messages ?? body.statuses ?? undefined) !== undefined, 'must hold "messages" or "statuses"'),
);

/** What every received message has: who sent it, when, and its id. */
export const MessageHeadSchema = v.object({
  id: ItemId,
  from: VendorPhone,
  /** Strings of seconds, as documented; the ads example puts it last, the status example has none. */
  timestamp: v.optional(v.nullable(VendorTimestamp)),
  /** The customer's WhatsApp profile name. */
  name: OptionalText,
  type: OptionalText,
});

/** `text`: a string as documented; WhatsApp's `{ body }` is read too. */
export const TextContentSchema = v.object({
  text: v.pipe(
    v.union([v.string(), v.number(), v.object({ body: v.union([v.string(), v.number()]) })]),
    v.transform((text) => (typeof text === 'object' ? String(text.body) : String(text))),
  ),
});

/** `location`: coordinates (numbers or numeric strings), name, address. */
export const LocationContentSchema = v.object({
  location: v.object({ latitude: Numeric, longitude: Numeric, name: OptionalText, address: OptionalText, url: OptionalText }),
});

/** `contacts`: one card or many. */
export const ContactsContentSchema = v.object({ contacts: InboundContactsSchema });

/** `image`, `video`, `audio`, `voice`, `document`, `sticker`: `{ message, media_id, mime_type, sha }`. */
export const MediaObjectSchema = v.object({
  media_id: OptionalText,
  id: OptionalText,
  mime_type: OptionalText,
  sha: OptionalText,
  sha256: OptionalText,
  /** `null` in the document's example; the text sent with the media, read as its caption. */
  message: OptionalText,
  caption: OptionalText,
  filename: OptionalText,
});

const AttachmentSchema = v.object({ url: OptionalText, name: OptionalText, type: OptionalText });

/** `attachments: { images: [{ url, name, type, aws }] }`: Desk360's copies of the file. */
export const AttachmentsSchema = v.pipe(
  v.nullish(v.union([v.array(AttachmentSchema), v.record(v.string(), listOf(AttachmentSchema))])),
  v.transform((value) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : Object.values(value).flat())),
);

/**
 * A reply button or list row the customer tapped. The document says a
 * button's id "is returned in the webhook" without showing the body; it is
 * read in WhatsApp's shape (`interactive.button_reply` / `list_reply`).
 */
export const InteractiveContentSchema = v.object({
  interactive: v.object({
    type: OptionalText,
    button_reply: v.optional(v.nullable(v.object({ id: IdString, title: OptionalText }))),
    list_reply: v.optional(v.nullable(v.object({ id: IdString, title: OptionalText, description: OptionalText }))),
  }),
});

/** Messages from click-to-WhatsApp ads and posts. */
export const ReferralSchema = v.object({
  id: OptionalText,
  source_id: OptionalText,
  url: OptionalText,
  source_url: OptionalText,
  body: OptionalText,
  type: OptionalText,
  source_type: OptionalText,
  header: OptionalText,
  headline: OptionalText,
  media_url: OptionalText,
  image_url: OptionalText,
  video_url: OptionalText,
  media_type: OptionalText,
  thumbnail_url: OptionalText,
  ctwa_clid: OptionalText,
});

/** `{ "statuses": { "id", "from", "status": "delivered|read" } }`. */
export const StatusItemSchema = v.object({
  id: ItemId,
  /** The customer the message went to. */
  from: v.optional(v.nullable(v.union([v.string(), v.number()]))),
  status: v.pipe(v.string(), v.nonEmpty()),
  timestamp: v.optional(v.nullable(VendorTimestamp)),
  errors: listOf(v.object({ code: v.union([v.string(), v.number()]), title: OptionalText, message: OptionalText, details: OptionalText })),
});

import { compact, safeParse } from '@wamux/core';
import type { MediaRef, MessageContent } from '@wamux/core';
import * as v from 'valibot';
import { contactCardFromWaba, WabaContactCardSchema } from './contact-card';

// WhatsApp message payloads (get.chat's `waba_payload`, the webhook
// `messages[]`) → the model's MessageContent. Liberal: a payload whose type
// wamux does not model, or whose content is not in the documented shape,
// becomes `{ type: 'unsupported', originalType }`; the event keeps the raw.

const Text = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((value) => String(value)),
);
const optionalText = v.pipe(
  v.nullish(Text),
  v.transform((value) => value ?? undefined),
);
const Coordinate = v.pipe(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\s*-?\d+(\.\d+)?\s*$/))]),
  v.transform((value) => Number(value)),
);

// v.object (unknown keys accepted, left out of the parsed copy): the event keeps the raw payload.
const MediaSchema = v.object({
  id: optionalText,
  link: optionalText,
  mime_type: optionalText,
  sha256: optionalText,
  caption: optionalText,
  filename: optionalText,
  voice: v.optional(v.boolean()),
});
const TextSchema = v.object({ body: Text });
const LocationSchema = v.object({ latitude: Coordinate, longitude: Coordinate, name: optionalText, address: optionalText, url: optionalText });
const ContactsSchema = v.union([v.array(WabaContactCardSchema), v.pipe(WabaContactCardSchema, v.transform((one) => [one]))]);
const ReplySchema = v.object({ id: Text, title: Text, description: optionalText });
const InteractiveSchema = v.object({ type: v.optional(v.string()), button_reply: v.optional(ReplySchema), list_reply: v.optional(ReplySchema) });
const ButtonSchema = v.object({ text: Text, payload: optionalText });
const ReactionSchema = v.object({ message_id: Text, emoji: optionalText });
const SystemSchema = v.object({ body: optionalText });

/** WhatsApp's media types; `voice` is the on-premise name of a voice note. */
const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker', 'voice'] as const;
/** Types the payload's content key can reveal when `type` is missing. */
const CONTENT_KEYS = ['text', ...MEDIA_TYPES, 'location', 'contacts', 'interactive', 'button', 'reaction', 'system', 'template', 'order'] as const;

/** The message type of a WhatsApp payload: its `type`, or the content key it carries. */
export function wabaMessageType(payload: Record<string, unknown>): string {
  if (typeof payload.type === 'string' && payload.type !== '') return payload.type;
  return CONTENT_KEYS.find((key) => payload[key] !== undefined && payload[key] !== null) ?? 'unknown';
}

/** Maps a WhatsApp message payload's content into the model. */
export function contentFromWaba(payload: Record<string, unknown>): MessageContent {
  const type = wabaMessageType(payload);
  const unsupported = (text?: string): MessageContent => ({ type: 'unsupported', originalType: type, ...(text ? { text } : {}) });
  const read = <TSchema extends v.GenericSchema>(schema: TSchema, key: string = type): v.InferOutput<TSchema> | undefined => {
    const result = safeParse(schema, payload[key]);
    return result.success ? result.output : undefined;
  };

  switch (type) {
    case 'text': {
      const text = read(TextSchema);
      return text ? { type: 'text', text: text.body } : unsupported();
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
    case 'voice': {
      const media = read(MediaSchema);
      if (!media) return unsupported();
      const ref = mediaRef(media);
      return type === 'voice' ? { type: 'audio', media: { ...ref, voice: true } } : { type, media: ref };
    }
    case 'location': {
      const location = read(LocationSchema);
      return location
        ? compact({ type: 'location' as const, latitude: location.latitude, longitude: location.longitude, name: location.name, address: location.address, url: location.url })
        : unsupported();
    }
    case 'contacts': {
      const cards = read(ContactsSchema);
      return cards && cards.length > 0 ? { type: 'contacts', contacts: cards.map(contactCardFromWaba) } : unsupported();
    }
    case 'interactive': {
      const interactive = read(InteractiveSchema);
      const reply = interactive?.button_reply ?? interactive?.list_reply;
      if (!interactive || !reply) return unsupported();
      const kind = interactive.button_reply ? 'button' : 'list';
      return { type: 'interactive_reply', reply: compact({ kind, id: reply.id, title: reply.title, description: reply.description }) };
    }
    case 'button': {
      const button = read(ButtonSchema);
      return button ? compact({ type: 'button' as const, text: button.text, payload: button.payload }) : unsupported();
    }
    case 'reaction': {
      const reaction = read(ReactionSchema);
      // WhatsApp omits (or empties) the emoji when a reaction is removed.
      return reaction ? { type: 'reaction', messageId: reaction.message_id, emoji: reaction.emoji ?? '' } : unsupported();
    }
    case 'system':
      return unsupported(read(SystemSchema)?.body);
    default:
      return unsupported();
  }
}

/** A WhatsApp media object → the model's MediaRef (`link` becomes `url`). */
function mediaRef(media: v.InferOutput<typeof MediaSchema>): MediaRef {
  return compact({
    id: media.id,
    url: media.link,
    mimeType: media.mime_type,
    sha256: media.sha256,
    caption: media.caption,
    filename: media.filename,
    voice: media.voice,
  });
}


import * as v from 'valibot';
import { ContactCardSchema } from './contact-card';
import { CustomerAddressSchema } from './customer';
import { MediaSourceSchema } from './media';

const NonEmpty = v.pipe(v.string(), v.nonEmpty('must not be empty'));

/** Fields every outbound message has. */
const common = {
  /**
   * The recipient: E.164 with `+`, or a WhatsApp business-scoped user ID
   * (`US.13491208655302741918`) for a customer known only by one, which
   * needs the provider's `recipients.bsuid` feature.
   */
  to: CustomerAddressSchema,
  /** Id of the message this one replies to (shown quoted in WhatsApp), where the provider supports it. */
  replyTo: v.optional(NonEmpty),
};

export const TextMessageSchema = v.strictObject({
  type: v.literal('text'),
  ...common,
  text: NonEmpty,
  /** Ask WhatsApp to render a preview of the first URL in the text. */
  previewUrl: v.optional(v.boolean()),
});

const mediaFields = {
  ...common,
  media: MediaSourceSchema,
  caption: v.optional(v.string()),
  filename: v.optional(v.string()),
};

export const ImageMessageSchema = v.strictObject({ type: v.literal('image'), ...mediaFields });
export const VideoMessageSchema = v.strictObject({ type: v.literal('video'), ...mediaFields });
export const AudioMessageSchema = v.strictObject({ type: v.literal('audio'), ...mediaFields });
export const DocumentMessageSchema = v.strictObject({ type: v.literal('document'), ...mediaFields });
export const StickerMessageSchema = v.strictObject({ type: v.literal('sticker'), ...mediaFields });

export const LocationMessageSchema = v.strictObject({
  type: v.literal('location'),
  ...common,
  latitude: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  longitude: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  name: v.optional(v.string()),
  address: v.optional(v.string()),
});

export const ContactsMessageSchema = v.strictObject({
  type: v.literal('contacts'),
  ...common,
  contacts: v.pipe(v.array(ContactCardSchema), v.minLength(1, 'must hold at least one contact')),
});

/** The header of an interactive message: text, or media. */
export const InteractiveHeaderSchema = v.variant('type', [
  v.strictObject({ type: v.literal('text'), text: NonEmpty }),
  v.strictObject({ type: v.literal('image'), media: MediaSourceSchema }),
  v.strictObject({ type: v.literal('video'), media: MediaSourceSchema }),
  v.strictObject({ type: v.literal('document'), media: MediaSourceSchema, filename: v.optional(v.string()) }),
]);

export const ReplyButtonsSchema = v.strictObject({
  kind: v.literal('buttons'),
  body: NonEmpty,
  header: v.optional(InteractiveHeaderSchema),
  footer: v.optional(v.string()),
  buttons: v.pipe(v.array(v.strictObject({ id: NonEmpty, title: NonEmpty })), v.minLength(1, 'must hold at least one button')),
});

export const ListSchema = v.strictObject({
  kind: v.literal('list'),
  body: NonEmpty,
  header: v.optional(v.strictObject({ type: v.literal('text'), text: NonEmpty })),
  footer: v.optional(v.string()),
  /** The label of the button that opens the list. */
  buttonText: NonEmpty,
  sections: v.pipe(
    v.array(
      v.strictObject({
        title: v.optional(v.string()),
        rows: v.pipe(
          v.array(v.strictObject({ id: NonEmpty, title: NonEmpty, description: v.optional(v.string()) })),
          v.minLength(1, 'must hold at least one row'),
        ),
      }),
    ),
    v.minLength(1, 'must hold at least one section'),
  ),
});

export const LocationRequestSchema = v.strictObject({
  kind: v.literal('location_request'),
  body: NonEmpty,
});

/** Interactive content: reply `buttons`, a `list`, or a `location_request`. */
export const InteractiveContentSchema = v.variant('kind', [ReplyButtonsSchema, ListSchema, LocationRequestSchema]);

export const InteractiveMessageSchema = v.strictObject({
  type: v.literal('interactive'),
  ...common,
  interactive: InteractiveContentSchema,
});

/** Template parameters: positional (`{{1}}`, `{{2}}`) as an array, or named as a record. */
export const TemplateParametersSchema = v.union(
  [v.array(v.string()), v.record(v.string(), v.string())],
  'must be an array of strings (positional) or a record of strings (named)',
);

export const TemplateSchema = v.pipe(
  v.strictObject({
    /** The template's name, as approved. Give `name` or `id` (or both). */
    name: v.optional(NonEmpty),
    /** The vendor's template id, for vendors that send by id. */
    id: v.optional(NonEmpty),
    /** Language code, e.g. `en`, `en_US`, `tr`. */
    language: NonEmpty,
    /** Parameters of the header text. */
    header: v.optional(TemplateParametersSchema),
    /** Parameters of the body. */
    body: v.optional(TemplateParametersSchema),
    /** Parameters of dynamic buttons (URL suffixes, quick reply payloads) by button index. */
    buttons: v.optional(
      v.array(
        v.strictObject({
          index: v.pipe(v.number(), v.integer(), v.minValue(0)),
          subType: v.picklist(['quick_reply', 'url', 'copy_code']),
          parameter: v.string(),
        }),
      ),
    ),
    /** Media for a template with an image, video or document header. */
    headerMedia: v.optional(
      v.strictObject({
        type: v.picklist(['image', 'video', 'document']),
        media: MediaSourceSchema,
        filename: v.optional(v.string()),
      }),
    ),
  }),
  v.check((template) => template.name !== undefined || template.id !== undefined, 'needs a name or an id'),
);

export const TemplateMessageSchema = v.strictObject({
  type: v.literal('template'),
  ...common,
  template: TemplateSchema,
});

export const ReactionMessageSchema = v.strictObject({
  type: v.literal('reaction'),
  to: CustomerAddressSchema,
  /** The message reacted to. */
  messageId: NonEmpty,
  /** The emoji; an empty string removes an earlier reaction. */
  emoji: v.string(),
});

/** Every message an app can send, a union on `type`. */
export const OutboundMessageSchema = v.variant('type', [
  TextMessageSchema,
  ImageMessageSchema,
  VideoMessageSchema,
  AudioMessageSchema,
  DocumentMessageSchema,
  StickerMessageSchema,
  LocationMessageSchema,
  ContactsMessageSchema,
  InteractiveMessageSchema,
  TemplateMessageSchema,
  ReactionMessageSchema,
]);

export type TextMessage = v.InferOutput<typeof TextMessageSchema>;
export type ImageMessage = v.InferOutput<typeof ImageMessageSchema>;
export type VideoMessage = v.InferOutput<typeof VideoMessageSchema>;
export type AudioMessage = v.InferOutput<typeof AudioMessageSchema>;
export type DocumentMessage = v.InferOutput<typeof DocumentMessageSchema>;
export type StickerMessage = v.InferOutput<typeof StickerMessageSchema>;
export type LocationMessage = v.InferOutput<typeof LocationMessageSchema>;
export type ContactsMessage = v.InferOutput<typeof ContactsMessageSchema>;
export type InteractiveHeader = v.InferOutput<typeof InteractiveHeaderSchema>;
export type InteractiveContent = v.InferOutput<typeof InteractiveContentSchema>;
export type InteractiveMessage = v.InferOutput<typeof InteractiveMessageSchema>;
export type TemplateParameters = v.InferOutput<typeof TemplateParametersSchema>;
export type TemplateSpec = v.InferOutput<typeof TemplateSchema>;
export type TemplateMessage = v.InferOutput<typeof TemplateMessageSchema>;
export type ReactionMessage = v.InferOutput<typeof ReactionMessageSchema>;

/** Every message an app can send, a union on `type`. */
export type OutboundMessage = v.InferOutput<typeof OutboundMessageSchema>;
/** The `type` of an outbound message. */
export type OutboundMessageType = OutboundMessage['type'];
/** The media message types. */
export type MediaMessage = ImageMessage | VideoMessage | AudioMessage | DocumentMessage | StickerMessage;
/** The kind of an interactive message. */
export type InteractiveKind = InteractiveContent['kind'];

/** Every outbound message type, in a stable order (for capability tables). */
export const OUTBOUND_MESSAGE_TYPES = [
  'text',
  'image',
  'video',
  'audio',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'template',
  'reaction',
] as const satisfies readonly OutboundMessageType[];

/** Every interactive kind, in a stable order. */
export const INTERACTIVE_KINDS = ['buttons', 'list', 'location_request'] as const satisfies readonly InteractiveKind[];

/** True for the five media message types. */
export function isMediaMessage(message: OutboundMessage): message is MediaMessage {
  return ['image', 'video', 'audio', 'document', 'sticker'].includes(message.type);
}

/** One template sent to many recipients in one vendor call (`sendTemplateBulk`). */
export const BulkTemplateRequestSchema = v.strictObject({
  template: TemplateSchema,
  recipients: v.pipe(
    v.array(
      v.strictObject({
        /** E.164 with `+`, or a BSUID (feature `recipients.bsuid`). */
        to: CustomerAddressSchema,
        /** Per-recipient header parameters, replacing the template's. */
        header: v.optional(TemplateParametersSchema),
        /** Per-recipient body parameters, replacing the template's. */
        body: v.optional(TemplateParametersSchema),
      }),
    ),
    v.minLength(1, 'must hold at least one recipient'),
  ),
});

/** One template sent to many recipients in one vendor call. */
export type BulkTemplateRequest = v.InferOutput<typeof BulkTemplateRequestSchema>;

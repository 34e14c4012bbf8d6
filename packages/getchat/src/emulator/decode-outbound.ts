import { compact, OutboundMessageSchema, type InteractiveContent, type MediaSource, type OutboundMessage, type TemplateSpec } from '@wamux/core/adapter';
import { contactCardFromCloud, ContactCardWireSchema } from '@wamux/whatsapp-cloud';
import * as v from 'valibot';

// The emulator's reading of a createMessage body: WhatsApp's message format
// decoded back into the model's OutboundMessage, which `delivered()` returns
// so tests compare what arrived with what was sent.

const Str = v.string();
const optStr = v.optional(v.string());
const MediaWire = v.looseObject({ id: optStr, link: optStr, caption: optStr, filename: optStr });
const TextParam = v.looseObject({ type: v.literal('text'), text: Str, parameter_name: optStr });
const MediaParam = v.looseObject({ type: v.picklist(['image', 'video', 'document']) });
const ButtonParam = v.looseObject({ type: Str, payload: optStr, text: optStr, coupon_code: optStr });

const InteractiveWire = v.looseObject({
  type: v.picklist(['button', 'list', 'location_request_message']),
  header: v.optional(v.looseObject({ type: Str, text: optStr, image: v.optional(MediaWire), video: v.optional(MediaWire), document: v.optional(MediaWire) })),
  body: v.looseObject({ text: Str }),
  footer: v.optional(v.looseObject({ text: Str })),
  action: v.looseObject({
    buttons: v.optional(v.array(v.looseObject({ type: v.literal('reply'), reply: v.looseObject({ id: Str, title: Str }) }))),
    button: optStr,
    sections: v.optional(v.array(v.looseObject({ title: optStr, rows: v.array(v.looseObject({ id: Str, title: Str, description: optStr })) }))),
    name: optStr,
  }),
});

const TemplateWire = v.looseObject({
  name: Str,
  language: v.looseObject({ code: Str }),
  components: v.optional(
    v.array(
      v.looseObject({
        type: v.picklist(['header', 'body', 'button']),
        sub_type: v.optional(v.picklist(['quick_reply', 'url', 'copy_code'])),
        index: v.optional(v.union([Str, v.number()])),
        parameters: v.array(v.looseObject({ type: Str })),
      }),
    ),
  ),
});

const BodyWire = v.looseObject({
  wa_id: v.pipe(Str, v.regex(/^[0-9]+$/, 'must be digits')),
  type: Str,
  preview_url: v.optional(v.boolean()),
  context: v.optional(v.looseObject({ message_id: Str })),
  text: v.optional(v.looseObject({ body: Str })),
  image: v.optional(MediaWire),
  video: v.optional(MediaWire),
  audio: v.optional(MediaWire),
  document: v.optional(MediaWire),
  sticker: v.optional(MediaWire),
  location: v.optional(v.looseObject({ latitude: v.number(), longitude: v.number(), name: optStr, address: optStr })),
  contacts: v.optional(v.array(ContactCardWireSchema)),
  interactive: v.optional(InteractiveWire),
  template: v.optional(TemplateWire),
  reaction: v.optional(v.looseObject({ message_id: Str, emoji: Str })),
});

/** A decoding failure, DRF-style: the field at fault and what is wrong. */
export interface DecodeFailure {
  field: string;
  message: string;
}

/** Maps a media link back to the emulator's own media id when it points at its store. */
export type MediaLinkResolver = (link: string) => string | undefined;

/**
 * Decodes a createMessage body into the model, or says which field is
 * wrong. Media linked to the emulator's own store reads as `{ id }`.
 */
export function decodeCreateMessage(body: unknown, ownMedia: MediaLinkResolver): { message: OutboundMessage } | { failure: DecodeFailure } {
  const parsed = v.safeParse(BodyWire, body);
  if (!parsed.success) return { failure: { field: v.getDotPath(parsed.issues[0]) ?? 'non_field_errors', message: parsed.issues[0].message } };
  const wire = parsed.output;
  const to = `+${wire.wa_id}`;
  const replyTo = wire.context?.message_id;
  const media = (object: v.InferOutput<typeof MediaWire>): MediaSource | undefined => {
    if (object.id) return { id: object.id };
    if (object.link) {
      const own = ownMedia(object.link);
      return own ? { id: own } : { url: object.link };
    }
    return undefined;
  };

  let candidate: unknown;
  switch (wire.type) {
    case 'text':
      candidate = wire.text && compact({ type: 'text', to, text: wire.text.body, previewUrl: wire.preview_url, replyTo });
      break;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const object = wire[wire.type];
      const source = object && media(object);
      candidate = object && source && compact({ type: wire.type, to, media: source, caption: object.caption, filename: object.filename, replyTo });
      break;
    }
    case 'location':
      candidate = wire.location && compact({ type: 'location', to, ...wire.location, replyTo });
      break;
    case 'contacts':
      candidate = wire.contacts && { type: 'contacts', to, contacts: wire.contacts.map(contactCardFromCloud), ...(replyTo ? { replyTo } : {}) };
      break;
    case 'interactive': {
      const interactive = wire.interactive && decodeInteractive(wire.interactive, media);
      candidate = interactive && compact({ type: 'interactive', to, interactive, replyTo });
      break;
    }
    case 'template': {
      const template = wire.template && decodeTemplate(wire.template, media);
      candidate = template && compact({ type: 'template', to, template, replyTo });
      break;
    }
    case 'reaction':
      candidate = wire.reaction && { type: 'reaction', to, messageId: wire.reaction.message_id, emoji: wire.reaction.emoji };
      break;
    default:
      return { failure: { field: 'type', message: `"${wire.type}" is not a valid choice.` } };
  }
  const message = v.safeParse(OutboundMessageSchema, candidate);
  if (!message.success) return { failure: { field: wire.type, message: `is not a valid ${wire.type} object: ${message.issues[0].message}` } };
  return { message: message.output };
}

function decodeInteractive(
  wire: v.InferOutput<typeof InteractiveWire>,
  media: (object: v.InferOutput<typeof MediaWire>) => MediaSource | undefined,
): InteractiveContent | undefined {
  const footer = wire.footer?.text;
  if (wire.type === 'location_request_message') return { kind: 'location_request', body: wire.body.text };
  if (wire.type === 'list') {
    return compact({
      kind: 'list' as const,
      body: wire.body.text,
      header: wire.header?.text ? { type: 'text' as const, text: wire.header.text } : undefined,
      footer,
      buttonText: wire.action.button ?? '',
      sections: (wire.action.sections ?? []).map((section) =>
        compact({ title: section.title, rows: section.rows.map((row) => compact({ id: row.id, title: row.title, description: row.description })) }),
      ),
    });
  }
  const header = wire.header;
  let decodedHeader: Extract<InteractiveContent, { kind: 'buttons' }>['header'];
  if (header?.type === 'text' && header.text) decodedHeader = { type: 'text', text: header.text };
  else if (header && (header.type === 'image' || header.type === 'video' || header.type === 'document')) {
    const object = header[header.type];
    const source = object && media(object);
    if (source)
      decodedHeader =
        header.type === 'document' ? compact({ type: 'document' as const, media: source, filename: object?.filename }) : { type: header.type, media: source };
  }
  return compact({
    kind: 'buttons' as const,
    body: wire.body.text,
    header: decodedHeader,
    footer,
    buttons: (wire.action.buttons ?? []).map((button) => ({ id: button.reply.id, title: button.reply.title })),
  });
}

function decodeTemplate(wire: v.InferOutput<typeof TemplateWire>, media: (object: v.InferOutput<typeof MediaWire>) => MediaSource | undefined): TemplateSpec {
  const texts = (parameters: ReadonlyArray<Record<string, unknown>>) => {
    const textual = parameters.flatMap((p) => {
      const parsed = v.safeParse(TextParam, p);
      return parsed.success ? [parsed.output] : [];
    });
    if (textual.length === 0) return undefined;
    return textual.every((p) => p.parameter_name) ? Object.fromEntries(textual.map((p) => [p.parameter_name as string, p.text])) : textual.map((p) => p.text);
  };
  const spec: TemplateSpec = { name: wire.name, language: wire.language.code };
  for (const component of wire.components ?? []) {
    if (component.type === 'body') spec.body = texts(component.parameters);
    if (component.type === 'header') {
      spec.header = texts(component.parameters);
      for (const parameter of component.parameters) {
        const kind = v.safeParse(MediaParam, parameter);
        const object = kind.success ? v.safeParse(MediaWire, parameter[kind.output.type]) : undefined;
        const source = object?.success ? media(object.output) : undefined;
        if (kind.success && object?.success && source) spec.headerMedia = compact({ type: kind.output.type, media: source, filename: object.output.filename });
      }
    }
    if (component.type === 'button' && component.sub_type) {
      const parameter = v.safeParse(ButtonParam, component.parameters[0]);
      const value = parameter.success ? (parameter.output.payload ?? parameter.output.text ?? parameter.output.coupon_code) : undefined;
      if (value !== undefined) {
        spec.buttons ??= [];
        spec.buttons.push({ index: Number(component.index ?? 0), subType: component.sub_type, parameter: value });
      }
    }
  }
  return compact(spec);
}

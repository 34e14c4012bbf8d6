import {
  compact,
  contactCardToWhatsApp,
  e164Digits,
  isBsuid,
  ValidationError,
  type InteractiveContent,
  type InteractiveHeader,
  type MediaSource,
  type OutboundMessage,
  type TemplateParameters,
  type TemplateSpec,
} from '@wamux/core/adapter';
import { match } from 'ts-pattern';
import type { CloudMarkReadRequest, CloudMessageRequest } from '../wire/send';

/** Media on the wire: an uploaded media id, or a link WhatsApp fetches. */
export type CloudMedia = { id: string } | { link: string };

/**
 * Turns a model media source into wire media. `{ url }` and `{ id }` map
 * directly ({@link mediaFromSource}); bytes must be uploaded first, which
 * is I/O, so the send path provides this.
 */
export type MediaResolver = (source: MediaSource, field: string) => Promise<CloudMedia>;

/** `{ url }` → `{ link }`, `{ id }` → `{ id }`; `undefined` for bytes (they need an upload). */
export function mediaFromSource(source: MediaSource): CloudMedia | undefined {
  if ('url' in source) return { link: source.url };
  if ('id' in source) return { id: source.id };
  return undefined;
}

/** Media types whose object carries a caption, per Meta's media message reference. */
const CAPTIONED: ReadonlySet<string> = new Set(['image', 'video', 'document']);

/**
 * The addressee fields: `to` with the number's digits, or `recipient` with a
 * business-scoped user ID for a username user whose number is not known.
 */
export function addressee(to: string): { to: string } | { recipient: string } {
  return isBsuid(to) ? { recipient: to } : { to: e164Digits(to) };
}

/**
 * The model's OutboundMessage → the body of `POST /{phone-number-id}/messages`.
 * Strict: what WhatsApp cannot carry (a caption on audio or a sticker, a
 * filename on anything but a document, a template without a name) is
 * refused with a `ValidationError` naming the field, never dropped.
 */
export async function toMessageRequest(message: OutboundMessage, resolveMedia: MediaResolver, provider: string): Promise<CloudMessageRequest> {
  const refuse = (path: string, reason: string): never => {
    throw new ValidationError([{ path, message: reason }], { provider });
  };
  const base = { messaging_product: 'whatsapp' as const, recipient_type: 'individual' as const, ...addressee(message.to) };
  const context = message.type !== 'reaction' && message.replyTo !== undefined ? { context: { message_id: message.replyTo } } : {};
  const content: { type: string } & Record<string, unknown> = await match(message)
    .with({ type: 'text' }, (m) => ({ type: 'text', text: compact({ body: m.text, preview_url: m.previewUrl }) }))
    .with({ type: 'image' }, { type: 'video' }, { type: 'audio' }, { type: 'document' }, { type: 'sticker' }, async (m) => {
      if (m.caption !== undefined && !CAPTIONED.has(m.type))
        refuse('message.caption', `WhatsApp carries no caption on ${m.type} messages (only image, video and document)`);
      if (m.filename !== undefined && m.type !== 'document')
        refuse('message.filename', `WhatsApp carries a filename on document messages only, not on ${m.type}`);
      const filename = m.type === 'document' ? (m.filename ?? ('filename' in m.media ? m.media.filename : undefined)) : undefined;
      return { type: m.type, [m.type]: compact({ ...(await resolveMedia(m.media, 'message.media')), caption: m.caption, filename }) };
    })
    .with({ type: 'location' }, (m) => ({
      type: 'location',
      location: compact({ latitude: m.latitude, longitude: m.longitude, name: m.name, address: m.address }),
    }))
    .with({ type: 'contacts' }, (m) => ({ type: 'contacts', contacts: m.contacts.map(contactCardToWhatsApp) }))
    .with({ type: 'interactive' }, async (m) => ({ type: 'interactive', interactive: await interactiveBody(m.interactive, resolveMedia) }))
    .with({ type: 'template' }, async (m) => ({ type: 'template', template: await templateBody(m.template, resolveMedia, refuse) }))
    .with({ type: 'reaction' }, (m) => ({ type: 'reaction', reaction: { message_id: m.messageId, emoji: m.emoji } }))
    .exhaustive();
  return { ...base, ...context, ...content };
}

async function interactiveBody(interactive: InteractiveContent, resolveMedia: MediaResolver): Promise<Record<string, unknown>> {
  const footer = (text: string | undefined) => (text === undefined ? {} : { footer: { text } });
  return match(interactive)
    .with({ kind: 'buttons' }, async (i) => ({
      type: 'button',
      ...(i.header ? { header: await headerBody(i.header, resolveMedia) } : {}),
      body: { text: i.body },
      ...footer(i.footer),
      action: { buttons: i.buttons.map((button) => ({ type: 'reply', reply: { id: button.id, title: button.title } })) },
    }))
    .with({ kind: 'list' }, (i) => ({
      type: 'list',
      ...(i.header ? { header: { type: 'text', text: i.header.text } } : {}),
      body: { text: i.body },
      ...footer(i.footer),
      action: {
        button: i.buttonText,
        sections: i.sections.map((section) =>
          compact({ title: section.title, rows: section.rows.map((row) => compact({ id: row.id, title: row.title, description: row.description })) }),
        ),
      },
    }))
    .with({ kind: 'location_request' }, (i) => ({ type: 'location_request_message', body: { text: i.body }, action: { name: 'send_location' } }))
    .exhaustive();
}

async function headerBody(header: InteractiveHeader, resolveMedia: MediaResolver): Promise<Record<string, unknown>> {
  const field = 'message.interactive.header.media';
  return match(header)
    .with({ type: 'text' }, (h) => ({ type: 'text', text: h.text }))
    .with({ type: 'image' }, { type: 'video' }, async (h) => ({ type: h.type, [h.type]: await resolveMedia(h.media, field) }))
    .with({ type: 'document' }, async (h) => ({ type: 'document', document: compact({ ...(await resolveMedia(h.media, field)), filename: h.filename }) }))
    .exhaustive();
}

/** A call-to-action URL button (`interactive.type: cta_url`), which the model has no kind for: send it with the adapter's raw message operation. */
export interface CtaUrlInteractive {
  body: string;
  displayText: string;
  url: string;
  header?: string | undefined;
  footer?: string | undefined;
}

/** The `interactive` object of a call-to-action URL button message. */
export function ctaUrlInteractive(input: CtaUrlInteractive): Record<string, unknown> {
  return compact({
    type: 'cta_url',
    header: input.header === undefined ? undefined : { type: 'text', text: input.header },
    body: { text: input.body },
    footer: input.footer === undefined ? undefined : { text: input.footer },
    action: { name: 'cta_url', parameters: { display_text: input.displayText, url: input.url } },
  });
}

/** Template parameters: positional `{ type, text }`, or named with `parameter_name`. */
function textParameters(parameters: TemplateParameters): Array<Record<string, string>> {
  return Array.isArray(parameters)
    ? parameters.map((text) => ({ type: 'text', text }))
    : Object.entries(parameters).map(([name, text]) => ({ type: 'text', parameter_name: name, text }));
}

async function templateBody(
  template: TemplateSpec,
  resolveMedia: MediaResolver,
  refuse: (path: string, reason: string) => never,
): Promise<Record<string, unknown>> {
  // The Cloud API sends templates by name and language; the model's `id` has no wire field.
  const name = template.name ?? refuse('message.template.name', 'is required: the Cloud API sends a template by its name and language, not by id');
  const components: Array<Record<string, unknown>> = [];
  const headerParameters: Array<Record<string, unknown>> = [];
  if (template.headerMedia) {
    const media = await resolveMedia(template.headerMedia.media, 'message.template.headerMedia.media');
    const filename = template.headerMedia.type === 'document' ? template.headerMedia.filename : undefined;
    headerParameters.push({ type: template.headerMedia.type, [template.headerMedia.type]: compact({ ...media, filename }) });
  }
  if (template.header) headerParameters.push(...textParameters(template.header));
  if (headerParameters.length > 0) components.push({ type: 'header', parameters: headerParameters });
  if (template.body) components.push({ type: 'body', parameters: textParameters(template.body) });
  for (const button of template.buttons ?? []) {
    const parameter = match(button.subType)
      .with('quick_reply', () => ({ type: 'payload', payload: button.parameter }))
      .with('url', () => ({ type: 'text', text: button.parameter }))
      .with('copy_code', () => ({ type: 'coupon_code', coupon_code: button.parameter }))
      .exhaustive();
    components.push({ type: 'button', sub_type: button.subType, index: String(button.index), parameters: [parameter] });
  }
  return { name, language: { policy: 'deterministic', code: template.language }, ...(components.length > 0 ? { components } : {}) };
}

/** The body that marks a received message read (and, with `typing`, shows the typing indicator). */
export function markReadRequest(messageId: string, options: { typing?: boolean } = {}): CloudMarkReadRequest {
  return { messaging_product: 'whatsapp', status: 'read', message_id: messageId, ...(options.typing ? { typing_indicator: { type: 'text' as const } } : {}) };
}

import {
  compact,
  contactCardToWhatsApp,
  e164Digits,
  type InteractiveContent,
  type InteractiveHeader,
  type MediaSource,
  type OutboundMessage,
  type TemplateParameters,
  type TemplateSpec,
} from '@wamux/core';
import { match } from 'ts-pattern';

/** Media on the wire: get.chat's (or WhatsApp's) media id, or a link it fetches. */
export type WireMedia = { id: string } | { link: string };

/** Turns a model media source into wire media (uploading bytes first). The send path provides it. */
export type MediaResolver = (source: MediaSource, field: string) => Promise<WireMedia>;

/** The body of createMessage (`POST /messages/`), as the adapter sends it. */
export type CreateMessageBody = Record<string, unknown> & { wa_id: string; type: string };

/**
 * The model's OutboundMessage → the createMessage body: `wa_id` (digits),
 * `type`, and the WhatsApp object named after the type, which get.chat
 * forwards to WhatsApp as its Cloud API defines it. Media given as bytes is
 * uploaded through `resolveMedia` first.
 */
export async function toCreateMessageBody(message: OutboundMessage, resolveMedia: MediaResolver): Promise<CreateMessageBody> {
  const base = { wa_id: e164Digits(message.to) };
  const context = message.type !== 'reaction' && message.replyTo !== undefined ? { context: { message_id: message.replyTo } } : {};
  const body = await match(message)
    .with({ type: 'text' }, (m) => ({
      type: 'text',
      text: { body: m.text },
      // The document's own outgoing payloads carry preview_url beside the text object.
      ...(m.previewUrl !== undefined ? { preview_url: m.previewUrl } : {}),
    }))
    .with({ type: 'image' }, { type: 'video' }, { type: 'audio' }, { type: 'document' }, { type: 'sticker' }, async (m) => ({
      type: m.type,
      [m.type]: compact({
        ...(await resolveMedia(m.media, 'message.media')),
        caption: m.caption,
        filename: m.type === 'document' ? (m.filename ?? ('filename' in m.media ? m.media.filename : undefined)) : undefined,
      }),
    }))
    .with({ type: 'location' }, (m) => ({
      type: 'location',
      location: compact({ latitude: m.latitude, longitude: m.longitude, name: m.name, address: m.address }),
    }))
    .with({ type: 'contacts' }, (m) => ({ type: 'contacts', contacts: m.contacts.map(contactCardToWhatsApp) }))
    .with({ type: 'interactive' }, async (m) => ({ type: 'interactive', interactive: await interactiveBody(m.interactive, resolveMedia) }))
    .with({ type: 'template' }, async (m) => ({ type: 'template', template: await templateBody(m.template, resolveMedia) }))
    .with({ type: 'reaction' }, (m) => ({ type: 'reaction', reaction: { message_id: m.messageId, emoji: m.emoji } }))
    .exhaustive();
  return { ...base, ...body, ...context };
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
  return match(header)
    .with({ type: 'text' }, (h) => ({ type: 'text', text: h.text }))
    .with({ type: 'image' }, { type: 'video' }, async (h) => ({ type: h.type, [h.type]: await resolveMedia(h.media, 'message.interactive.header.media') }))
    .with({ type: 'document' }, async (h) => ({
      type: 'document',
      document: compact({ ...(await resolveMedia(h.media, 'message.interactive.header.media')), filename: h.filename }),
    }))
    .exhaustive();
}

/** WhatsApp template parameters: positional `{type, text}`, or named with `parameter_name`. */
function textParameters(parameters: TemplateParameters): Array<Record<string, string>> {
  return Array.isArray(parameters)
    ? parameters.map((text) => ({ type: 'text', text }))
    : Object.entries(parameters).map(([name, text]) => ({ type: 'text', parameter_name: name, text }));
}

async function templateBody(template: TemplateSpec, resolveMedia: MediaResolver): Promise<Record<string, unknown>> {
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
  return {
    // get.chat identifies templates by name and language (checked in limits.ts); the model's `id` has no wire field.
    name: template.name,
    language: { policy: 'deterministic', code: template.language },
    ...(components.length > 0 ? { components } : {}),
  };
}

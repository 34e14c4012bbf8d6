import {
  contactCardToWhatsApp,
  isWamuxError,
  UnsupportedFeatureError,
  ValidationError,
  type CallOptions,
  type InteractiveHeader,
  type MediaMessage,
  type MediaSource,
  type OutboundMessage,
  type SendResult,
  type TemplateMessage,
} from '@wamux/core';
import { match, P } from 'ts-pattern';
import { DESK360 } from '../constants';
import type { Desk360Context } from '../context';
import type { TemplateDirectory } from '../operations/template-directory';
import { checkMessageLimits } from '../validation/message-limits';
import { fileKindOf, resolveMedia } from '../wire/media';
import {
  postContacts,
  postInteractive,
  postLocation,
  postLocationRequest,
  postMedia,
  postTemplate,
  postText,
  type Desk360InteractiveHeader,
  type Desk360MessageSent,
} from '../wire/requests';
import { toDesk360Parameters } from '../wire/template-parameters';

/**
 * The normalized `send()`: checks Desk360's limits, then sends each message
 * type to its Desk360 endpoint. The core has already validated the message
 * and refused what the capabilities do not declare.
 */
export function createSend(ctx: Desk360Context, templates: TemplateDirectory) {
  return async function send(message: OutboundMessage, options: CallOptions): Promise<SendResult> {
    checkMessageLimits(message);
    const sent = await match(message)
      .with({ type: 'text' }, (m) => postText(ctx, { to: m.to, text: m.text }, options))
      .with({ type: P.union('image', 'video', 'audio', 'document') }, (m) => sendMedia(ctx, m, options))
      .with({ type: 'location' }, (m) =>
        // checkMessageLimits has made sure name and address are there.
        postLocation(ctx, { to: m.to, latitude: m.latitude, longitude: m.longitude, name: m.name as string, address: m.address as string }, options),
      )
      .with({ type: 'contacts' }, (m) => postContacts(ctx, { to: m.to, contacts: m.contacts.map(contactCardToWhatsApp) }, options))
      .with({ type: 'interactive' }, (m) =>
        match(m.interactive)
          .with({ kind: 'buttons' }, (i) =>
            postInteractive(ctx, { to: m.to, body: i.body, buttons: i.buttons, header: i.header && headerOf(i.header), footer: i.footer }, options),
          )
          .with({ kind: 'location_request' }, (i) => postLocationRequest(ctx, { to: m.to, body: i.body }, options))
          .with({ kind: 'list' }, () => unsupported('interactive list messages'))
          .exhaustive(),
      )
      .with({ type: 'template' }, (m) => sendTemplate(ctx, templates, m, options))
      .with({ type: 'sticker' }, () => unsupported('sticker messages'))
      .with({ type: 'reaction' }, () => unsupported('reaction messages'))
      .exhaustive();
    return { id: sent.messageId, rateLimit: sent.rateLimit, raw: sent.raw };
  };
}

function unsupported(what: string): never {
  throw new UnsupportedFeatureError(what, { provider: DESK360 });
}

/**
 * Desk360 sends uploaded files and picks the message type from the file, so
 * the file's type must be the message's. It has no caption field, so the
 * adapter does not declare `media.captions` and the core refuses a caption
 * before this runs.
 */
async function sendMedia(ctx: Desk360Context, message: MediaMessage, options: CallOptions): Promise<Desk360MessageSent> {
  const file = await resolveMedia(ctx, message.media, { field: 'message.media', filename: message.filename }, options);
  const kind = fileKindOf(file.mimeType);
  if (kind !== message.type) {
    const problem = `is ${file.mimeType}, which Desk360 sends as a ${kind} message; send it as type '${kind}', not '${message.type}'`;
    throw new ValidationError([{ path: 'message.media', message: problem }], { provider: DESK360 });
  }
  const sent = await postMedia(ctx, { to: message.to, attachments: [file] }, options);
  const first = sent.messages[0] as NonNullable<(typeof sent.messages)[number]>;
  return { messageId: first.messageId, rateLimit: sent.rateLimit, raw: sent.raw };
}

/** Desk360 takes header media as a link; `checkMessageLimits` has refused any other form. */
function headerOf(header: InteractiveHeader): Desk360InteractiveHeader {
  return match(header)
    .with({ type: 'text' }, (h): Desk360InteractiveHeader => ({ type: 'text', text: h.text }))
    .with({ type: P.union('image', 'video') }, (h): Desk360InteractiveHeader => ({ type: h.type, link: linkOf(h.media) }))
    .with({ type: 'document' }, (h): Desk360InteractiveHeader => ({ type: 'document', link: linkOf(h.media), filename: h.filename }))
    .exhaustive();
}

function linkOf(media: MediaSource): string {
  return 'url' in media ? media.url : unsupported('interactive header media other than a link');
}

async function sendTemplate(ctx: Desk360Context, templates: TemplateDirectory, message: TemplateMessage, options: CallOptions): Promise<Desk360MessageSent> {
  const { template } = message;
  const resolved = await templates.resolve(template, 'message.template', options);
  const header = template.headerMedia;
  const attachment = header ? await resolveMedia(ctx, header.media, { field: 'message.template.headerMedia.media', filename: header.filename }, options) : undefined;
  try {
    return await postTemplate(
      ctx,
      { templateId: resolved.templateId, languageId: resolved.languageId, to: message.to, parameters: toDesk360Parameters(template.header, template.body), attachment },
      options,
    );
  } catch (error) {
    // The cached listing may name a template that was deleted since.
    if (isWamuxError(error) && error.code === 'not_found') templates.invalidate();
    throw error;
  }
}

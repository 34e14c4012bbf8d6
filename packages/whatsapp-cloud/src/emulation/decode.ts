import {
  compact,
  isBsuid,
  toE164,
  type ContactCard,
  type InteractiveContent,
  type MediaSource,
  type OutboundMessage,
  type TemplateSpec,
} from '@wamux/core/adapter';
import { contactCardFromCloud } from '../map/contact-card';
import { ContactCardWireSchema } from '../wire/contact-card';
import * as v from 'valibot';

// A message request as a Cloud API emulator reads it back into the model,
// so the contract suite can compare what arrived with what was sent. Strict
// where Meta is: a request WhatsApp would refuse is answered with error 100
// naming the field. Shared by the emulators of every Cloud API adapter.

/** Why a request was refused: Graph's error 100 with the field at fault. */
export class CloudRequestError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function object(value: unknown, field: string): Json {
  if (!isRecord(value)) throw new CloudRequestError(field, 'must be an object');
  return value;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new CloudRequestError(field, 'must be a non-empty string');
  return value;
}

const optionalText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** `{ id }` or `{ link }` → the model's media source. */
function media(value: unknown, field: string): MediaSource {
  const wire = object(value, field);
  if (typeof wire.id === 'string' && wire.id !== '') return { id: wire.id };
  if (typeof wire.link === 'string' && wire.link !== '') return { url: wire.link };
  throw new CloudRequestError(field, 'needs an id or a link');
}

/** The recipient of a request: `to` (digits) as E.164, or `recipient` (a BSUID). */
export function requestRecipient(body: Json): string {
  if (typeof body.to === 'string' && body.to !== '') {
    const phone = toE164(body.to);
    if (phone === undefined) throw new CloudRequestError('to', 'is not a phone number');
    return phone;
  }
  if (typeof body.recipient === 'string' && isBsuid(body.recipient)) return body.recipient;
  throw new CloudRequestError('to', 'a message needs to (a phone number) or recipient (a business-scoped user ID)');
}

/** A message request (`POST .../messages`) → the model's OutboundMessage; throws {@link CloudRequestError} naming the field at fault. */
export function decodeMessageRequest(body: Json): OutboundMessage {
  if (body.messaging_product !== 'whatsapp') throw new CloudRequestError('messaging_product', 'must be "whatsapp"');
  if (body.type === 'contacts') return decodeContactsMessage(body);
  const to = requestRecipient(body);
  const type = text(body.type, 'type');
  const context = isRecord(body.context) && typeof body.context.message_id === 'string' ? { replyTo: body.context.message_id } : {};
  const content = object(body[type], type);
  switch (type) {
    case 'text': {
      const preview = typeof content.preview_url === 'boolean' ? { previewUrl: content.preview_url } : {};
      return { type, to, text: text(content.body, 'text.body'), ...preview, ...context };
    }
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return {
        type,
        to,
        media: media(content, type),
        ...compact({ caption: optionalText(content.caption), filename: optionalText(content.filename) }),
        ...context,
      };
    case 'location': {
      const latitude = Number(content.latitude);
      const longitude = Number(content.longitude);
      if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new CloudRequestError('location', 'needs latitude and longitude');
      return { type, to, latitude, longitude, ...compact({ name: optionalText(content.name), address: optionalText(content.address) }), ...context };
    }
    case 'reaction':
      return { type, to, messageId: text(content.message_id, 'reaction.message_id'), emoji: typeof content.emoji === 'string' ? content.emoji : '' };
    case 'interactive':
      return { type, to, interactive: decodeInteractive(content), ...context };
    case 'template':
      return { type, to, template: decodeTemplate(content), ...context };
    default:
      throw new CloudRequestError('type', `"${type}" is not a message type this emulator reads`);
  }
}

/** `contacts` is an array, not an object: read apart. */
function decodeContactsMessage(body: Json): OutboundMessage {
  const to = requestRecipient(body);
  if (!Array.isArray(body.contacts) || body.contacts.length === 0) throw new CloudRequestError('contacts', 'must be a non-empty array');
  const contacts: ContactCard[] = body.contacts.map((card, index) => {
    const parsed = v.safeParse(ContactCardWireSchema, card);
    if (!parsed.success || parsed.output.name?.formatted_name === undefined)
      throw new CloudRequestError(`contacts.${index}.name.formatted_name`, 'is required');
    return contactCardFromCloud(parsed.output);
  });
  const context = isRecord(body.context) && typeof body.context.message_id === 'string' ? { replyTo: body.context.message_id } : {};
  return { type: 'contacts', to, contacts, ...context };
}

function decodeInteractive(interactive: Json): InteractiveContent {
  const body = text(object(interactive.body, 'interactive.body').text, 'interactive.body.text');
  const footer = isRecord(interactive.footer) && typeof interactive.footer.text === 'string' ? { footer: interactive.footer.text } : {};
  const action = object(interactive.action, 'interactive.action');
  switch (interactive.type) {
    case 'button': {
      const buttons = Array.isArray(action.buttons) ? action.buttons : [];
      if (buttons.length === 0 || buttons.length > 3) throw new CloudRequestError('interactive.action.buttons', 'must hold 1 to 3 buttons');
      const header = isRecord(interactive.header) ? { header: decodeHeader(interactive.header) } : {};
      return {
        kind: 'buttons',
        body,
        ...header,
        ...footer,
        buttons: buttons.map((button, index) => {
          const reply = object(object(button, `interactive.action.buttons.${index}`).reply, `interactive.action.buttons.${index}.reply`);
          return {
            id: text(reply.id, `interactive.action.buttons.${index}.reply.id`),
            title: text(reply.title, `interactive.action.buttons.${index}.reply.title`),
          };
        }),
      };
    }
    case 'list': {
      const sections = Array.isArray(action.sections) ? action.sections : [];
      const header =
        isRecord(interactive.header) && typeof interactive.header.text === 'string' ? { header: { type: 'text' as const, text: interactive.header.text } } : {};
      return {
        kind: 'list',
        body,
        ...header,
        ...footer,
        buttonText: text(action.button, 'interactive.action.button'),
        sections: sections.map((section, s) => {
          const wire = object(section, `interactive.action.sections.${s}`);
          const rows = Array.isArray(wire.rows) ? wire.rows : [];
          return compact({
            title: optionalText(wire.title),
            rows: rows.map((row, r) => {
              const item = object(row, `interactive.action.sections.${s}.rows.${r}`);
              return compact({ id: text(item.id, 'id'), title: text(item.title, 'title'), description: optionalText(item.description) });
            }),
          });
        }),
      };
    }
    case 'location_request_message':
      if (action.name !== 'send_location') throw new CloudRequestError('interactive.action.name', 'must be "send_location"');
      return { kind: 'location_request', body };
    default:
      throw new CloudRequestError('interactive.type', `"${String(interactive.type)}" is not an interactive type this emulator reads`);
  }
}

function decodeHeader(header: Json): NonNullable<Extract<InteractiveContent, { kind: 'buttons' }>['header']> {
  switch (header.type) {
    case 'text':
      return { type: 'text', text: text(header.text, 'interactive.header.text') };
    case 'image':
    case 'video':
      return { type: header.type, media: media(header[header.type], `interactive.header.${header.type}`) };
    case 'document': {
      const document = object(header.document, 'interactive.header.document');
      return { type: 'document', media: media(document, 'interactive.header.document'), ...compact({ filename: optionalText(document.filename) }) };
    }
    default:
      throw new CloudRequestError('interactive.header.type', 'must be text, image, video or document');
  }
}

type Parameters = string[] | Record<string, string>;

/** Text parameters → positional (an array) or named (a record, when they carry `parameter_name`). */
function textParameters(parameters: Json[]): Parameters | undefined {
  const texts = parameters.filter((parameter) => parameter.type === 'text');
  if (texts.length === 0) return undefined;
  if (texts.every((parameter) => typeof parameter.parameter_name === 'string')) {
    return Object.fromEntries(texts.map((parameter) => [parameter.parameter_name as string, String(parameter.text)]));
  }
  return texts.map((parameter) => String(parameter.text));
}

function decodeTemplate(template: Json): TemplateSpec {
  const name = text(template.name, 'template.name');
  const language = text(object(template.language, 'template.language').code, 'template.language.code');
  const spec: TemplateSpec = { name, language };
  const components = Array.isArray(template.components) ? template.components.filter(isRecord) : [];
  for (const component of components) {
    const parameters = Array.isArray(component.parameters) ? component.parameters.filter(isRecord) : [];
    if (component.type === 'header') {
      const mediaParameter = parameters.find((parameter) => ['image', 'video', 'document'].includes(String(parameter.type)));
      if (mediaParameter) {
        const type = mediaParameter.type as 'image' | 'video' | 'document';
        const wire = object(mediaParameter[type], `template.components.header.${type}`);
        spec.headerMedia = { type, media: media(wire, `template.components.header.${type}`), ...compact({ filename: optionalText(wire.filename) }) };
      }
      const header = textParameters(parameters);
      if (header) spec.header = header;
    } else if (component.type === 'body') {
      const body = textParameters(parameters);
      if (body) spec.body = body;
    } else if (component.type === 'button') {
      const parameter = parameters[0] ?? {};
      const subType = component.sub_type as 'quick_reply' | 'url' | 'copy_code';
      const value = subType === 'quick_reply' ? parameter.payload : subType === 'copy_code' ? parameter.coupon_code : parameter.text;
      spec.buttons = [...(spec.buttons ?? []), { index: Number(component.index), subType, parameter: String(value) }];
    }
  }
  return spec;
}

/** The number of body parameters a request carries (for the template's placeholder check). */
export function bodyParameterCount(spec: TemplateSpec): number {
  if (spec.body === undefined) return 0;
  return Array.isArray(spec.body) ? spec.body.length : Object.keys(spec.body).length;
}

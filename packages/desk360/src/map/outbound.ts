import {
  contactCardToWhatsApp,
  toFormData,
  UnsupportedFeatureError,
  ValidationError,
  type BulkTemplateRequest,
  type InteractiveHeader,
  type MediaBytes,
  type MediaMessage,
  type MediaSource,
  type OutboundMessage,
  type PhoneNumber,
  type TemplateSpec,
  type WhatsAppContactCard,
} from '@wamux/core/adapter';
import { match, P } from 'ts-pattern';
import { DESK360 } from '../options';
import { checkMessageLimits } from './limits';
import { toDesk360Parameters } from './template';

// Outbound: the model's messages → what Desk360's endpoints take. Pure: the
// driver resolves media and template ids (I/O) and the client sends.

/** A request body: JSON, or multipart form-data (files, and the form fields the document's examples use). */
export type Desk360Body = { json: unknown } | { form: FormData };

/** The header of an interactive message, as Desk360 takes it: text, or a link to the media. */
export type Desk360InteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image'; link: string }
  | { type: 'video'; link: string }
  | { type: 'document'; link: string; filename?: string | undefined };

/** A text message. */
export interface TextWire {
  to: PhoneNumber;
  text: string;
}

/** A location: Desk360 requires its name and address. */
export interface LocationWire {
  to: PhoneNumber;
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

/** Contact cards, in WhatsApp's shape. */
export interface ContactsWire {
  to: PhoneNumber;
  contacts: readonly WhatsAppContactCard[];
}

/** Files to send, one message each. */
export interface MediaWire {
  to: PhoneNumber;
  attachments: readonly MediaBytes[];
}

/** The fields of an interactive (reply buttons) message. */
export interface InteractiveWire {
  to: PhoneNumber;
  body: string;
  buttons: ReadonlyArray<{ id: string; title: string }>;
  header?: Desk360InteractiveHeader | undefined;
  footer?: string | undefined;
}

/** A location request. */
export interface LocationRequestWire {
  to: PhoneNumber;
  body: string;
}

/** Read receipts: the customer (when known) and the message ids. */
export interface ReadsWire {
  to?: PhoneNumber | undefined;
  messageIds: readonly string[];
}

/** The fields of a template send to one number. */
export interface TemplateSendWire {
  templateId: number;
  languageId: number;
  to: PhoneNumber;
  parameters?: Readonly<Record<string, string>> | undefined;
  attachment?: MediaBytes | undefined;
}

/** The fields of a bulk template send. */
export interface TemplateBulkWire {
  templateId: number;
  languageId: number;
  destinations?: readonly PhoneNumber[] | undefined;
  parameters?: Readonly<Record<string, string>> | undefined;
  attachment?: MediaBytes | undefined;
  /** A CSV of numbers, one a line. */
  destinationsFile?: MediaBytes | undefined;
}

/**
 * What `send()` does for a message, decided before any I/O: the endpoint and
 * its input, or the media / template still to resolve. Checks Desk360's
 * limits first, and refuses what Desk360 cannot send.
 */
export type SendPlan =
  | { endpoint: 'text'; input: TextWire }
  | { endpoint: 'medias'; to: PhoneNumber; type: MediaMessage['type']; media: MediaSource; filename?: string | undefined }
  | { endpoint: 'location'; input: LocationWire }
  | { endpoint: 'contacts'; input: ContactsWire }
  | { endpoint: 'interactive'; input: InteractiveWire }
  | { endpoint: 'location_request'; input: LocationRequestWire }
  | { endpoint: 'template'; to: PhoneNumber; template: TemplateSpec; parameters: Record<string, string> };

/** Maps a message the core already validated to its {@link SendPlan}. */
export function planSend(message: OutboundMessage): SendPlan {
  checkMessageLimits(message);
  return match(message)
    .with({ type: 'text' }, (m): SendPlan => ({ endpoint: 'text', input: { to: m.to, text: m.text } }))
    .with(
      { type: P.union('image', 'video', 'audio', 'document') },
      (m): SendPlan => ({ endpoint: 'medias', to: m.to, type: m.type, media: m.media, filename: m.filename }),
    )
    .with(
      { type: 'location' },
      (m): SendPlan => ({
        endpoint: 'location',
        // checkMessageLimits has made sure name and address are there.
        input: { to: m.to, latitude: m.latitude, longitude: m.longitude, name: m.name as string, address: m.address as string },
      }),
    )
    .with({ type: 'contacts' }, (m): SendPlan => ({ endpoint: 'contacts', input: { to: m.to, contacts: m.contacts.map(contactCardToWhatsApp) } }))
    .with({ type: 'interactive' }, (m) =>
      match(m.interactive)
        .with(
          { kind: 'buttons' },
          (i): SendPlan => ({
            endpoint: 'interactive',
            input: { to: m.to, body: i.body, buttons: i.buttons, header: i.header && headerOf(i.header), footer: i.footer },
          }),
        )
        .with({ kind: 'location_request' }, (i): SendPlan => ({ endpoint: 'location_request', input: { to: m.to, body: i.body } }))
        .with({ kind: 'list' }, () => unsupported('interactive list messages'))
        .exhaustive(),
    )
    .with(
      { type: 'template' },
      (m): SendPlan => ({
        endpoint: 'template',
        to: m.to,
        template: m.template,
        parameters: toDesk360Parameters(m.template.header, m.template.body),
      }),
    )
    .with({ type: 'sticker' }, () => unsupported('sticker messages'))
    .with({ type: 'reaction' }, () => unsupported('reaction messages'))
    .exhaustive();
}

function unsupported(what: string): never {
  throw new UnsupportedFeatureError(what, { provider: DESK360 });
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

/** The kind of file a MIME type is sent as: Desk360 picks a media message's type from the file. */
export type FileKind = 'image' | 'video' | 'audio' | 'document';

/** The message type Desk360 sends a file of this MIME type as. */
export function fileKindOf(mimeType: string): FileKind {
  const top = mimeType.split('/')[0]?.toLowerCase();
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'document';
}

/**
 * Desk360 sends uploaded files and picks the message type from the file, so
 * the file's type must be the message's. (It has no caption field either:
 * the adapter does not declare `media.captions`, so the core refuses one.)
 */
export function checkFileKind(file: MediaBytes, type: MediaMessage['type']): void {
  const kind = fileKindOf(file.mimeType);
  if (kind === type) return;
  const problem = `is ${file.mimeType}, which Desk360 sends as a ${kind} message; send it as type '${kind}', not '${type}'`;
  throw new ValidationError([{ path: 'message.media', message: problem }], { provider: DESK360 });
}

/**
 * The recipients of a normalized bulk send, grouped by their parameters:
 * Desk360's bulk send takes one parameter set for all its destinations, so
 * each group is one bulk call (one in all when every recipient shares the
 * template's parameters). Groups keep the recipients' order.
 */
export function groupBulkRecipients(request: BulkTemplateRequest): Array<{ parameters: Record<string, string>; phones: PhoneNumber[] }> {
  const { template } = request;
  const groups = new Map<string, { parameters: Record<string, string>; phones: PhoneNumber[] }>();
  for (const recipient of request.recipients) {
    const parameters = toDesk360Parameters(recipient.header ?? template.header, recipient.body ?? template.body);
    const key = JSON.stringify(Object.entries(parameters).sort(([a], [b]) => (a < b ? -1 : 1)));
    const group = groups.get(key) ?? { parameters, phones: [] };
    group.phones.push(recipient.to);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** `POST .../messages`: `to` and `text`, as form fields like the document's examples. */
export function textBody(input: TextWire): Desk360Body {
  return { form: toFormData({ to: input.to, text: input.text }) };
}

/** `POST .../messages/locations`: JSON. */
export function locationBody(input: LocationWire): Desk360Body {
  return { json: { to: input.to, location: { longitude: input.longitude, latitude: input.latitude, name: input.name, address: input.address } } };
}

/** `POST .../messages/contacts`: JSON. */
export function contactsBody(input: ContactsWire): Desk360Body {
  return { json: { to: input.to, contacts: input.contacts } };
}

/** `POST .../messages/medias`: multipart, `to` and one `attachments[]` part per file. */
export function mediaBody(input: MediaWire): Desk360Body {
  const form = toFormData({ to: input.to });
  for (const file of input.attachments) form.append('attachments[]', blobOf(file), file.filename);
  return { form };
}

/** `POST .../messages/interactive`: JSON. */
export function interactiveBody(input: InteractiveWire): Desk360Body {
  const header = input.header === undefined ? undefined : interactiveHeader(input.header);
  return {
    json: {
      to: input.to,
      ...(header ? { header } : {}),
      body: input.body,
      ...(input.footer !== undefined ? { footer: { text: input.footer } } : {}),
      buttons: input.buttons.map((button) => ({ id: button.id, title: button.title })),
    },
  };
}

function interactiveHeader(header: Desk360InteractiveHeader): Record<string, unknown> {
  return match(header)
    .with({ type: 'text' }, ({ text }) => ({ type: 'text', text }))
    .with({ type: 'image' }, ({ link }) => ({ type: 'image', image: { link } }))
    .with({ type: 'video' }, ({ link }) => ({ type: 'video', video: { link } }))
    .with({ type: 'document' }, ({ link, filename }) => ({ type: 'document', document: { link, ...(filename !== undefined ? { filename } : {}) } }))
    .exhaustive();
}

/** `POST .../messages/interactive/location-request`: JSON. */
export function locationRequestBody(input: LocationRequestWire): Desk360Body {
  return { json: { to: input.to, body: input.body } };
}

/**
 * `POST .../messages/reads`: form fields `to` and `message_ids[]`, like the
 * examples. The older revision of the document has no `to`; it is left out
 * when unknown.
 */
export function readsBody(input: ReadsWire): Desk360Body {
  const form = toFormData(input.to === undefined ? {} : { to: input.to });
  for (const id of input.messageIds) form.append('message_ids[]', id);
  return { form };
}

/**
 * `POST .../templates/send`: JSON without a file; multipart form-data
 * (`destinations[0][parameters][body-1]`, `attachment`) with one.
 */
export function templateSendBody(input: TemplateSendWire): Desk360Body {
  const destination = { phone: input.to, ...(input.parameters && Object.keys(input.parameters).length > 0 ? { parameters: input.parameters } : {}) };
  const fields = { template_id: input.templateId, language_id: input.languageId, destinations: [destination] };
  return input.attachment ? { form: toFormData({ ...fields, attachment: input.attachment }) } : { json: fields };
}

/**
 * `POST .../templates/send/bulk`: one parameter set for every destination
 * (`parameters[body-1]`), destinations as `destinations[0][phone]` and/or a
 * CSV `destinations_file`. JSON without files, multipart with one.
 */
export function templateBulkBody(input: TemplateBulkWire): Desk360Body {
  const fields = {
    template_id: input.templateId,
    language_id: input.languageId,
    ...(input.destinations && input.destinations.length > 0 ? { destinations: input.destinations.map((phone) => ({ phone })) } : {}),
    ...(input.parameters && Object.keys(input.parameters).length > 0 ? { parameters: input.parameters } : {}),
  };
  const files = {
    ...(input.attachment ? { attachment: input.attachment } : {}),
    ...(input.destinationsFile ? { destinations_file: input.destinationsFile } : {}),
  };
  return Object.keys(files).length > 0 ? { form: toFormData({ ...fields, ...files }) } : { json: fields };
}

function blobOf(file: MediaBytes): Blob {
  return new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.mimeType });
}

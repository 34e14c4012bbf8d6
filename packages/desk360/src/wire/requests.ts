import { isWamuxError, toFormData, type CallOptions, type MediaBytes, type PhoneNumber, type RateLimitInfo, type WhatsAppContactCard, safeParse } from '@wamux/core';
import { match } from 'ts-pattern';
import * as v from 'valibot';
import type { Desk360Context } from '../context';
import { paths } from '../paths';
import { BulkSentSchema, MediaSentSchema, MessageSentSchema, ReadsSchema, type Desk360SentMedia } from './responses';

// One function per Desk360 endpoint, speaking its wire format exactly. Input
// is already validated (by the normalized send or the typed operations).

/** What a single-message send answers. */
export interface Desk360MessageSent {
  /** `message_id`: the id status webhooks carry for the message. */
  messageId: string;
  rateLimit?: RateLimitInfo | undefined;
  /** The response body, untouched. */
  raw: unknown;
}

/** What a media send answers: one message per file. */
export interface Desk360MediaSent {
  messages: Desk360SentMedia[];
  rateLimit?: RateLimitInfo | undefined;
  raw: unknown;
}

/** The header of an interactive message, as Desk360 takes it: text, or a link to the media. */
export type Desk360InteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image'; link: string }
  | { type: 'video'; link: string }
  | { type: 'document'; link: string; filename?: string | undefined };

/** The fields of an interactive (reply buttons) message. */
export interface InteractiveWire {
  to: PhoneNumber;
  body: string;
  buttons: ReadonlyArray<{ id: string; title: string }>;
  header?: Desk360InteractiveHeader | undefined;
  footer?: string | undefined;
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

const withRaw = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }): { value: v.InferOutput<TSchema>; raw: unknown } => {
      const result = safeParse(schema, dataset.value);
      if (result.success) return { value: result.output as v.InferOutput<TSchema>, raw: dataset.value };
      addIssue({ message: result.issues[0].message, path: result.issues[0].path });
      return NEVER;
    }),
  );

async function sendMessage(ctx: Desk360Context, path: string, body: { json: unknown } | { form: FormData }, options: CallOptions): Promise<Desk360MessageSent> {
  const response = await ctx.http.request({ method: 'POST', path, ...body, schema: withRaw(MessageSentSchema), signal: options.signal });
  return { messageId: response.data.value, rateLimit: response.rateLimit, raw: response.data.raw };
}

/** `POST .../messages` with `to` and `text`, as form fields like the document's examples. */
export function postText(ctx: Desk360Context, input: { to: PhoneNumber; text: string }, options: CallOptions): Promise<Desk360MessageSent> {
  return sendMessage(ctx, paths.messages(ctx.integrationId()), { form: toFormData({ to: input.to, text: input.text }) }, options);
}

/**
 * `POST .../messages/locations` (the examples' path) as JSON. The document's
 * table names `.../messages` instead: when Desk360 answers the examples' path
 * with a routing 404 (`not_found_exception`), the same body goes there once.
 */
export async function postLocation(
  ctx: Desk360Context,
  input: { to: PhoneNumber; latitude: number; longitude: number; name: string; address: string },
  options: CallOptions,
): Promise<Desk360MessageSent> {
  const integrationId = ctx.integrationId();
  const json = { to: input.to, location: { longitude: input.longitude, latitude: input.latitude, name: input.name, address: input.address } };
  try {
    return await sendMessage(ctx, paths.locations(integrationId), { json }, options);
  } catch (error) {
    if (!isWamuxError(error) || error.status !== 404 || error.vendorCode !== 'not_found_exception') throw error;
    return sendMessage(ctx, paths.messages(integrationId), { json }, options);
  }
}

/** `POST .../messages/contacts` as JSON. */
export function postContacts(ctx: Desk360Context, input: { to: PhoneNumber; contacts: readonly WhatsAppContactCard[] }, options: CallOptions): Promise<Desk360MessageSent> {
  return sendMessage(ctx, paths.contacts(ctx.integrationId()), { json: { to: input.to, contacts: input.contacts } }, options);
}

/** `POST .../messages/medias`: multipart, `to` and one `attachments[]` part per file. */
export async function postMedia(ctx: Desk360Context, input: { to: PhoneNumber; attachments: readonly MediaBytes[] }, options: CallOptions): Promise<Desk360MediaSent> {
  const form = toFormData({ to: input.to });
  for (const file of input.attachments) form.append('attachments[]', blobOf(file), file.filename);
  const response = await ctx.http.request({ method: 'POST', path: paths.medias(ctx.integrationId()), form, schema: withRaw(MediaSentSchema), signal: options.signal });
  return { messages: response.data.value, rateLimit: response.rateLimit, raw: response.data.raw };
}

/** `POST .../messages/interactive` as JSON. */
export function postInteractive(ctx: Desk360Context, input: InteractiveWire, options: CallOptions): Promise<Desk360MessageSent> {
  const header = input.header === undefined ? undefined : interactiveHeader(input.header);
  const json = {
    to: input.to,
    ...(header ? { header } : {}),
    body: input.body,
    ...(input.footer !== undefined ? { footer: { text: input.footer } } : {}),
    buttons: input.buttons.map((button) => ({ id: button.id, title: button.title })),
  };
  return sendMessage(ctx, paths.interactive(ctx.integrationId()), { json }, options);
}

function interactiveHeader(header: Desk360InteractiveHeader): Record<string, unknown> {
  return match(header)
    .with({ type: 'text' }, ({ text }) => ({ type: 'text', text }))
    .with({ type: 'image' }, ({ link }) => ({ type: 'image', image: { link } }))
    .with({ type: 'video' }, ({ link }) => ({ type: 'video', video: { link } }))
    .with({ type: 'document' }, ({ link, filename }) => ({ type: 'document', document: { link, ...(filename !== undefined ? { filename } : {}) } }))
    .exhaustive();
}

/** `POST .../messages/interactive/location-request` as JSON. */
export function postLocationRequest(ctx: Desk360Context, input: { to: PhoneNumber; body: string }, options: CallOptions): Promise<Desk360MessageSent> {
  return sendMessage(ctx, paths.locationRequest(ctx.integrationId()), { json: { to: input.to, body: input.body } }, options);
}

/**
 * `POST .../messages/reads`: form fields `to` and `message_ids[]`, like the
 * examples. The older revision of the document has no `to`; it is left out
 * when unknown.
 */
export async function postReads(
  ctx: Desk360Context,
  input: { to?: PhoneNumber | undefined; messageIds: readonly string[] },
  options: CallOptions,
): Promise<{ messageIds: string[]; raw: unknown }> {
  const form = toFormData(input.to === undefined ? {} : { to: input.to });
  for (const id of input.messageIds) form.append('message_ids[]', id);
  const response = await ctx.http.request({
    method: 'POST',
    path: paths.reads(ctx.integrationId()),
    form,
    schema: withRaw(ReadsSchema),
    // Marking read twice changes nothing.
    idempotent: true,
    signal: options.signal,
  });
  return { messageIds: response.data.value.message_ids, raw: response.data.raw };
}

/**
 * `POST .../templates/send`: JSON without a file; multipart form-data
 * (`destinations[0][parameters][body-1]`, `attachment`) with one.
 */
export function postTemplate(ctx: Desk360Context, input: TemplateSendWire, options: CallOptions): Promise<Desk360MessageSent> {
  const destination = { phone: input.to, ...(input.parameters && Object.keys(input.parameters).length > 0 ? { parameters: input.parameters } : {}) };
  const fields = { template_id: input.templateId, language_id: input.languageId, destinations: [destination] };
  const body = input.attachment ? { form: toFormData({ ...fields, attachment: input.attachment }) } : { json: fields };
  return sendMessage(ctx, paths.templateSend(ctx.integrationId()), body, options);
}

/**
 * `POST .../templates/send/bulk`: one parameter set for every destination
 * (`parameters[body-1]`), destinations as `destinations[0][phone]` and/or a
 * CSV `destinations_file`. JSON without files, multipart with one.
 */
export async function postTemplateBulk(ctx: Desk360Context, input: TemplateBulkWire, options: CallOptions): Promise<{ phones: PhoneNumber[]; raw: unknown }> {
  const fields = {
    template_id: input.templateId,
    language_id: input.languageId,
    ...(input.destinations && input.destinations.length > 0 ? { destinations: input.destinations.map((phone) => ({ phone })) } : {}),
    ...(input.parameters && Object.keys(input.parameters).length > 0 ? { parameters: input.parameters } : {}),
  };
  const files = { ...(input.attachment ? { attachment: input.attachment } : {}), ...(input.destinationsFile ? { destinations_file: input.destinationsFile } : {}) };
  const body = Object.keys(files).length > 0 ? { form: toFormData({ ...fields, ...files }) } : { json: fields };
  const response = await ctx.http.request({
    method: 'POST',
    path: paths.templateSendBulk(ctx.integrationId()),
    ...body,
    schema: withRaw(BulkSentSchema),
    signal: options.signal,
  });
  return { phones: response.data.value.phones, raw: response.data.raw };
}

function blobOf(file: MediaBytes): Blob {
  return new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.mimeType });
}

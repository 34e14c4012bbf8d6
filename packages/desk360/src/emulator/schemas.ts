import { E164_PATTERN, type PhoneNumber } from '@wamux/core/adapter';
import * as v from 'valibot';
import { LIMITS } from '../map/limits';
import { isFile, type UploadedFile } from './fields';

// What the emulated endpoints accept, with Laravel-style messages
// ("The to field is required."). Form fields arrive as strings, so numbers
// are read from either.

const Required = v.pipe(v.string('is required'), v.nonEmpty('is required'));
const maxChars = (max: number) => v.check<string, string>((text) => [...text].length <= max, `must not be greater than ${max} characters`);
const Phone = v.pipe(
  v.string('is required'),
  v.regex(E164_PATTERN, 'must start with (+) and a country code'),
  v.transform((phone) => phone as PhoneNumber),
);
const Integer = v.pipe(v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/))], 'must be an integer'), v.transform(Number));
const Decimal = v.pipe(v.union([v.number(), v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/))], 'must be numeric'), v.transform(Number));
const File = v.custom<UploadedFile>(isFile, 'must be a file');
const SizedFile = v.pipe(
  File,
  v.check((file) => file.data.byteLength <= LIMITS.attachmentBytes, 'must not be greater than 20480 kilobytes'),
);
const Link = v.pipe(v.string('is required'), v.url('must be a valid URL'));
const Optional = v.optional(v.string());

/** `POST /login`. */
export const LoginBodySchema = v.object({ email: Required, password: Required });

/** `POST .../messages` (text). */
export const TextBodySchema = v.object({ to: Phone, text: v.pipe(Required, maxChars(LIMITS.textLength)) });

/** `POST .../messages/locations`, and `.../messages` with a `location`. */
export const LocationBodySchema = v.object({
  to: Phone,
  location: v.object({ longitude: Decimal, latitude: Decimal, name: Required, address: Required }, 'is required'),
});

const ContactWireSchema = v.object({
  name: v.object({
    formatted_name: Required,
    first_name: Required,
    last_name: Required,
    middle_name: Optional,
    prefix: Optional,
    suffix: Optional,
  }),
  addresses: v.optional(
    v.array(v.object({ street: Optional, city: Optional, state: Optional, zip: Optional, country: Optional, country_code: Optional, type: Optional })),
  ),
  birthday: v.optional(v.pipe(v.string(), v.isoDate('must match the format Y-m-d'))),
  emails: v.optional(v.array(v.object({ email: Required, type: Optional }))),
  org: v.optional(v.object({ company: Optional, department: Optional, title: Optional })),
  phones: v.optional(v.array(v.object({ phone: Required, type: Optional, wa_id: Optional }))),
  urls: v.optional(v.array(v.object({ url: Required, type: Optional }))),
});

/** A contact as Desk360 receives it. */
export type ContactWire = v.InferOutput<typeof ContactWireSchema>;

/** `POST .../messages/contacts`. */
export const ContactsBodySchema = v.object({ to: Phone, contacts: v.pipe(v.array(ContactWireSchema, 'is required'), v.minLength(1, 'is required')) });

/** `POST .../messages/medias`. */
export const MediaBodySchema = v.object({
  to: Phone,
  attachments: v.pipe(
    v.array(SizedFile, 'is required'),
    v.minLength(1, 'is required'),
    v.maxLength(LIMITS.attachments, `must not have more than ${LIMITS.attachments} items`),
  ),
});

/** `POST .../messages/interactive`. */
export const InteractiveBodySchema = v.object({
  to: Phone,
  body: v.pipe(Required, maxChars(LIMITS.interactiveBodyLength)),
  buttons: v.pipe(
    v.array(v.object({ id: v.pipe(Required, maxChars(LIMITS.buttonIdLength)), title: v.pipe(Required, maxChars(LIMITS.buttonTitleLength)) }), 'is required'),
    v.minLength(1, 'is required'),
    v.maxLength(LIMITS.buttons, `must not have more than ${LIMITS.buttons} items`),
    v.check((buttons) => new Set(buttons.map((b) => b.title)).size === buttons.length, 'must have unique titles'),
  ),
  header: v.optional(
    v.variant('type', [
      v.object({ type: v.literal('text'), text: v.pipe(Required, maxChars(LIMITS.headerTextLength)) }),
      v.object({ type: v.literal('image'), image: v.object({ link: Link }) }),
      v.object({ type: v.literal('video'), video: v.object({ link: Link }) }),
      v.object({ type: v.literal('document'), document: v.object({ link: Link, filename: Optional }) }),
    ]),
  ),
  footer: v.optional(v.object({ text: v.pipe(Required, maxChars(LIMITS.footerTextLength)) })),
});

/** An interactive message as Desk360 receives it. */
export type InteractiveWire = v.InferOutput<typeof InteractiveBodySchema>;

/** `POST .../messages/interactive/location-request`. */
export const LocationRequestBodySchema = v.object({ to: Phone, body: v.pipe(Required, maxChars(LIMITS.interactiveBodyLength)) });

/** `to` is required by the current document and absent from the older one: both are accepted. */
export const ReadsBodySchema = v.object({
  to: v.optional(Phone),
  message_ids: v.pipe(v.array(Required, 'is required'), v.minLength(1, 'is required')),
});

const Parameters = v.optional(v.record(v.string(), v.string()), {});

/** `POST .../templates/send`. */
export const TemplateSendBodySchema = v.object({
  template_id: Integer,
  language_id: Integer,
  destinations: v.pipe(v.array(v.object({ phone: Phone, parameters: Parameters }), 'is required'), v.minLength(1, 'is required')),
  attachment: v.optional(SizedFile),
});

/** `POST .../templates/send/bulk`: destinations and/or a CSV file. */
export const TemplateBulkBodySchema = v.pipe(
  v.object({
    template_id: Integer,
    language_id: Integer,
    destinations: v.optional(v.array(v.object({ phone: Phone, parameters: Parameters }))),
    parameters: Parameters,
    attachment: v.optional(SizedFile),
    destinations_file: v.optional(File),
  }),
  v.forward(
    v.check((body) => (body.destinations?.length ?? 0) > 0 || body.destinations_file !== undefined, 'is required when destinations file is not present'),
    ['destinations'],
  ),
);

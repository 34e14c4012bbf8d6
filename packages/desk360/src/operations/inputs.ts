import { ContactCardSchema, MediaSourceSchema, PhoneNumberSchema } from '@wamux/core/adapter';
import * as v from 'valibot';
import { Buttons, ContactNaming, FooterText, HeaderText, InteractiveBody, LIMITS, LocationNaming, TextBody } from '../map/limits';

// The typed operations' input, validated before any request. Field names are
// camelCase; the operations spell them Desk360's way on the wire.

const PositiveId = v.pipe(v.number('must be a number'), v.integer('must be an integer'), v.minValue(1, 'must be a positive id'));
const NonEmpty = v.pipe(v.string(), v.nonEmpty('must not be empty'));
const Link = v.pipe(v.string(), v.url('must be an absolute URL'));
const Parameters = v.record(v.string(), v.string('must be a string'));

/** Input of `messages.sendText()`. */
export const SendTextInputSchema = v.strictObject({ to: PhoneNumberSchema, text: TextBody });

/** Input of `messages.sendLocation()`. */
export const SendLocationInputSchema = v.strictObject({
  to: PhoneNumberSchema,
  latitude: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
  longitude: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
  ...LocationNaming,
});

/** Input of `messages.sendContacts()`. */
export const SendContactsInputSchema = v.strictObject({
  to: PhoneNumberSchema,
  contacts: v.pipe(v.array(v.intersect([ContactCardSchema, ContactNaming])), v.minLength(1, 'must hold at least one contact')),
});

/** Input of `messages.sendMedia()`. */
export const SendMediaInputSchema = v.strictObject({
  to: PhoneNumberSchema,
  attachments: v.pipe(
    v.array(MediaSourceSchema),
    v.minLength(1, 'must hold at least one file'),
    v.maxLength(LIMITS.attachments, `must hold at most ${LIMITS.attachments} files (Desk360's limit)`),
  ),
});

/** The header of `messages.sendInteractive()`. */
export const InteractiveHeaderInputSchema = v.variant('type', [
  v.strictObject({ type: v.literal('text'), text: HeaderText }),
  v.strictObject({ type: v.literal('image'), link: Link }),
  v.strictObject({ type: v.literal('video'), link: Link }),
  v.strictObject({ type: v.literal('document'), link: Link, filename: v.optional(NonEmpty) }),
]);

/** Input of `messages.sendInteractive()`. */
export const SendInteractiveInputSchema = v.strictObject({
  to: PhoneNumberSchema,
  body: InteractiveBody,
  buttons: Buttons,
  header: v.optional(InteractiveHeaderInputSchema),
  footer: v.optional(FooterText),
});

/** Input of `messages.sendLocationRequest()`. */
export const SendLocationRequestInputSchema = v.strictObject({ to: PhoneNumberSchema, body: InteractiveBody });

/** Input of `messages.markRead()`. */
export const MarkReadInputSchema = v.strictObject({
  /** Required by the current document, absent from the older one: leave it out only if you must. */
  to: v.optional(PhoneNumberSchema),
  messageIds: v.pipe(v.array(NonEmpty), v.minLength(1, 'must hold at least one message id')),
});

/** Input of `templates.send()`. */
export const TemplateSendInputSchema = v.strictObject({
  templateId: PositiveId,
  languageId: PositiveId,
  to: PhoneNumberSchema,
  parameters: v.optional(Parameters),
  attachment: v.optional(MediaSourceSchema),
});

/** A CSV of numbers, one a line; an optional first line without digits is a header. */
const DestinationsFileSchema = v.pipe(
  v.strictObject({
    data: v.union([v.instance(Uint8Array), v.string()], 'must be the CSV as a string or a Uint8Array'),
    filename: v.optional(NonEmpty),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const text = typeof dataset.value.data === 'string' ? dataset.value.data : new TextDecoder().decode(dataset.value.data);
    const lines = text.split(/\r?\n/).map((line) => line.split(/[,;]/)[0]?.trim().replace(/^"|"$/g, '') ?? '');
    const bad = lines.findIndex((cell, index) => cell !== '' && !(index === 0 && !/\d/.test(cell)) && !/^\+[1-9]\d{6,14}$/.test(cell));
    if (lines.every((cell) => cell === '')) addIssue({ message: 'holds no phone numbers' });
    else if (bad >= 0) addIssue({ message: `line ${bad + 1} must start with a + and a country code (E.164)` });
  }),
);

/** Input of `templates.sendBulk()`. */
export const TemplateBulkInputSchema = v.pipe(
  v.strictObject({
    templateId: PositiveId,
    languageId: PositiveId,
    destinations: v.optional(v.array(PhoneNumberSchema)),
    parameters: v.optional(Parameters),
    attachment: v.optional(MediaSourceSchema),
    destinationsFile: v.optional(DestinationsFileSchema),
  }),
  v.forward(
    v.check((input) => (input.destinations?.length ?? 0) > 0 || input.destinationsFile !== undefined, 'give destinations or a destinationsFile'),
    ['destinations'],
  ),
);

/** Input of `messages.sendText()`. */
export type SendTextInput = v.InferInput<typeof SendTextInputSchema>;
/** Input of `messages.sendLocation()`: Desk360 requires a name and an address. */
export type SendLocationInput = v.InferInput<typeof SendLocationInputSchema>;
/** Input of `messages.sendContacts()`: each card needs a first and last name. */
export type SendContactsInput = v.InferInput<typeof SendContactsInputSchema>;
/** Input of `messages.sendMedia()`: 1 to 5 files, each up to 20 MB; a `{ url }` or `{ id }` is downloaded first. */
export type SendMediaInput = v.InferInput<typeof SendMediaInputSchema>;
/** The header of `messages.sendInteractive()`: text, or a link to an image, video or document. */
export type InteractiveHeaderInput = v.InferInput<typeof InteractiveHeaderInputSchema>;
/** Input of `messages.sendInteractive()`. */
export type SendInteractiveInput = v.InferInput<typeof SendInteractiveInputSchema>;
/** Input of `messages.sendLocationRequest()`. */
export type SendLocationRequestInput = v.InferInput<typeof SendLocationRequestInputSchema>;
/** Input of `messages.markRead()`. */
export type MarkReadInput = v.InferInput<typeof MarkReadInputSchema>;
/** Input of `templates.send()`: Desk360's numeric template and language ids, and parameters keyed `header-1`, `body-1`... */
export type TemplateSendInput = v.InferInput<typeof TemplateSendInputSchema>;
/** Input of `templates.sendBulk()`: one parameter set for every destination. */
export type TemplateBulkInput = v.InferInput<typeof TemplateBulkInputSchema>;

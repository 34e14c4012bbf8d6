import { parseInput, UnsupportedFeatureError, type OutboundMessage, type TemplateSpec } from '@wamux/core/adapter';
import { match, P } from 'ts-pattern';
import * as v from 'valibot';
import { DESK360 } from '../options';

/**
 * Every limit the Desk360 document states, in one place. The adapter checks
 * them before sending; the emulator enforces the same numbers.
 */
export const LIMITS = {
  /** Send WhatsApp Message: `text` "should max 4096 chars". */
  textLength: 4096,
  /** Interactive and location request `body`: "max 1024 chars". */
  interactiveBodyLength: 1024,
  /** Interactive `buttons[]`: "max 10 button object item". */
  buttons: 10,
  /** `buttons.*.title`: "Maximum length: 20 chars", non-empty, unique within the message. */
  buttonTitleLength: 20,
  /** `buttons.*.id`: "Maximum length: 200 chars". */
  buttonIdLength: 200,
  /** `header.text`: "max 60 chars". */
  headerTextLength: 60,
  /** `footer.text`: "max 60 chars". */
  footerTextLength: 60,
  /** Send WhatsApp Media Message: "Max Count: 5". */
  attachments: 5,
  /** Send WhatsApp Media Message: "Max Size: 20MB" (read as per file). */
  attachmentBytes: 20 * 1024 * 1024,
} as const;

// Field schemas for Desk360's documented limits, shared by the checks on the
// normalized message and on the typed operations' input.

/** At most `max` characters, counted as Desk360 (PHP) counts them: code points, so an emoji is one. */
export function maxChars(max: number) {
  return v.check<string, string>((text) => [...text].length <= max, `must be at most ${max} characters (Desk360's limit)`);
}

const Required = (what: string) => v.pipe(v.string(`${what} is required by Desk360`), v.nonEmpty(`${what} is required by Desk360`));

/** Text message body: 1 to 4096 characters. */
export const TextBody = v.pipe(v.string(), v.nonEmpty('must not be empty'), maxChars(LIMITS.textLength));

/** Interactive and location request body: 1 to 1024 characters. */
export const InteractiveBody = v.pipe(v.string(), v.nonEmpty('must not be empty'), maxChars(LIMITS.interactiveBodyLength));

/** Interactive header text: at most 60 characters. */
export const HeaderText = v.pipe(v.string(), v.nonEmpty('must not be empty'), maxChars(LIMITS.headerTextLength));

/** Interactive footer: at most 60 characters. */
export const FooterText = v.pipe(v.string(), maxChars(LIMITS.footerTextLength));

/** Reply buttons: 1 to 10, ids up to 200 characters, titles 1 to 20 characters and unique. */
export const Buttons = v.pipe(
  v.array(
    v.looseObject({
      id: v.pipe(v.string(), v.nonEmpty('must not be empty'), maxChars(LIMITS.buttonIdLength)),
      title: v.pipe(v.string(), v.nonEmpty('must not be empty'), maxChars(LIMITS.buttonTitleLength)),
    }),
  ),
  v.minLength(1, 'must hold at least one button'),
  v.maxLength(LIMITS.buttons, `must hold at most ${LIMITS.buttons} buttons (Desk360's limit)`),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((button, index) => {
      if (seen.has(button.title)) {
        addIssue({
          message: 'must be unique within the message (Desk360)',
          path: [
            { type: 'array', origin: 'value', input: dataset.value, key: index, value: button },
            { type: 'object', origin: 'value', input: button, key: 'title', value: button.title },
          ],
        });
      }
      seen.add(button.title);
    });
  }),
);

/** Location name and address: Desk360 requires both. */
export const LocationNaming = {
  name: Required('a location name'),
  address: Required('a location address'),
};

/** Contact names: Desk360 requires a first and a last name besides the formatted one. */
export const ContactNaming = v.looseObject({
  name: v.looseObject({ first: Required('a first name'), last: Required('a last name') }),
});

const TextLimits = v.looseObject({ text: TextBody });
const LocationLimits = v.looseObject(LocationNaming);
const ContactsLimits = v.looseObject({ contacts: v.array(ContactNaming) });
const ButtonsLimits = v.looseObject({
  interactive: v.looseObject({
    body: InteractiveBody,
    footer: v.optional(FooterText),
    header: v.optional(
      v.union([v.looseObject({ type: v.literal('text'), text: HeaderText }), v.looseObject({ type: v.picklist(['image', 'video', 'document']) })]),
    ),
    buttons: Buttons,
  }),
});
const LocationRequestLimits = v.looseObject({ interactive: v.looseObject({ body: InteractiveBody }) });
const TemplateSpecLimits = v.looseObject({
  buttons: v.optional(v.pipe(v.array(v.unknown()), v.length(0, 'Desk360 template sends take no button parameters'))),
});

/**
 * Checks a message the core already validated against Desk360's own limits
 * (4096-character texts, 10 buttons of 20-character unique titles, ...), so
 * a message Desk360 would refuse fails with a `ValidationError` naming the
 * field (`message.interactive.buttons.3.title`) before any request.
 */
export function checkMessageLimits(message: OutboundMessage): void {
  const check = (schema: v.GenericSchema) => parseInput(schema, message, { root: 'message', provider: DESK360 });
  match(message)
    .with({ type: 'text' }, () => check(TextLimits))
    .with({ type: 'location' }, () => check(LocationLimits))
    .with({ type: 'contacts' }, () => check(ContactsLimits))
    .with({ type: 'interactive', interactive: { kind: 'buttons' } }, (m) => {
      check(ButtonsLimits);
      const header = m.interactive.header;
      // Desk360 takes interactive header media as a link only.
      if (header && header.type !== 'text' && !('url' in header.media)) {
        throw new UnsupportedFeatureError(`interactive header media given as { ${'id' in header.media ? 'id' : 'data'} } (Desk360 takes a link: { url })`, {
          provider: DESK360,
        });
      }
    })
    .with({ type: 'interactive', interactive: { kind: P.union('location_request', 'list') } }, () => check(LocationRequestLimits))
    .with({ type: 'template' }, (m) => checkTemplateLimits(m.template, 'message.template'))
    .with({ type: P.union('image', 'video', 'audio', 'document', 'sticker', 'reaction') }, () => undefined)
    .exhaustive();
}

/** Checks a template spec (of a send or a bulk send, under `root`) against what Desk360 template sends take. */
export function checkTemplateLimits(template: TemplateSpec, root: string): void {
  parseInput(TemplateSpecLimits, template, { root, provider: DESK360 });
}

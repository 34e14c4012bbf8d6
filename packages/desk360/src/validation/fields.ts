import * as v from 'valibot';
import { LIMITS } from '../limits';

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

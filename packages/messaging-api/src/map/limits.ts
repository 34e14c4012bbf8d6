import * as v from 'valibot';

// WhatsApp's own limits. The vendor document states none, but it hands
// WhatsApp messages to WhatsApp, which refuses anything beyond these; checking
// them here names the field at fault before a request is made.

/** Longest text message body, in characters. */
export const TEXT_MAX = 4096;
/** Longest media caption, in characters. */
export const CAPTION_MAX = 1024;
/** Longest body of a message with buttons, in characters. */
export const BUTTONS_BODY_MAX = 1024;
/** Most reply buttons on one message. */
export const BUTTONS_MAX = 3;
/** Longest reply button title, in characters. */
export const BUTTON_TITLE_MAX = 20;
/** Longest reply button id, in characters. */
export const BUTTON_ID_MAX = 256;

/** A text message within limits. */
export const TextLimitsSchema = v.looseObject({
  text: v.pipe(v.string(), v.maxLength(TEXT_MAX, `must be at most ${TEXT_MAX} characters`)),
});

/** A media message within limits. */
export const MediaLimitsSchema = v.looseObject({
  caption: v.optional(v.pipe(v.string(), v.maxLength(CAPTION_MAX, `must be at most ${CAPTION_MAX} characters`))),
});

/** A reply-buttons message within limits, with distinct button ids. */
export const ButtonsLimitsSchema = v.looseObject({
  interactive: v.looseObject({
    body: v.pipe(v.string(), v.maxLength(BUTTONS_BODY_MAX, `must be at most ${BUTTONS_BODY_MAX} characters`)),
    buttons: v.pipe(
      v.array(
        v.looseObject({
          id: v.pipe(v.string(), v.maxLength(BUTTON_ID_MAX, `must be at most ${BUTTON_ID_MAX} characters`)),
          title: v.pipe(v.string(), v.maxLength(BUTTON_TITLE_MAX, `must be at most ${BUTTON_TITLE_MAX} characters`)),
        }),
      ),
      v.maxLength(BUTTONS_MAX, `must hold at most ${BUTTONS_MAX} buttons`),
      v.check((buttons) => new Set(buttons.map((button) => button.id)).size === buttons.length, 'must have distinct ids'),
    ),
  }),
});

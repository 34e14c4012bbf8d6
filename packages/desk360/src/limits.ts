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
